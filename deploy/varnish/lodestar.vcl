# Varnish in front of Lodestar (DESIGN.md decision 6; README "Past one machine").
#
# - GET and HEAD go round-robin to the healthy replicas (each probed on /health); with none healthy, to the primary.
# - Every other method (POST, PUT, DELETE, PATCH, ...) goes to the primary, uncached: a SPARQL query sent by POST is
#   answered by the primary too.
# - Accept is reduced to one canonical media type before the cache looks up (Lodestar sends Vary: Accept), so two
#   browsers' different Accept headers share one cached page, and Accept-Language to one primary language tag.
# - Cached objects revalidate with their ETag: Varnish answers If-None-Match itself, and after the TTL it asks the
#   backend with If-None-Match (keep), serving the stale copy for a short grace meanwhile.
# - Lodestar sends `PURGE` with `Lodestar-Ban: <regex>` after each commit (`lodestar serve --purge URL`): objects whose
#   Surrogate-Key matches are banned. Accepted from loopback only. Stock Varnish: no vmod beyond std and directors.
#
# This file is a template: deploy/varnish/render-vcl.sh replaces the blocks between the BEGIN/END markers with the
# real backends (the values below are the defaults of a one-machine setup).
vcl 4.1;

import directors;
import std;

probe lodestar_health {
    .url = "/health";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

# BEGIN BACKENDS
backend primary { .host = "127.0.0.1"; .port = "8080"; .probe = lodestar_health; }
backend replica1 { .host = "127.0.0.1"; .port = "8081"; .probe = lodestar_health; }
# END BACKENDS

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new replicas = directors.round_robin();
# BEGIN REPLICAS
    replicas.add_backend(replica1);
# END REPLICAS
    # Reads fall back to the primary when no replica is healthy.
    new reads = directors.fallback();
    reads.add_backend(replicas.backend());
    reads.add_backend(primary);
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Bans are accepted from loopback only"));
        }
        if (!req.http.Lodestar-Ban) {
            return (synth(400, "A ban needs a Lodestar-Ban header"));
        }
        if (std.ban("obj.http.Surrogate-Key ~ " + req.http.Lodestar-Ban)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        set req.backend_hint = primary;
        return (pass);
    }
    set req.backend_hint = reads.backend();
    # Each server's own state (its version, its lag): never from the cache.
    if (req.url ~ "^/(health|metrics)(\?|$)") {
        return (pass);
    }
    call lodestar_normalise_accept;
    if (req.http.Accept-Language) {
        set req.http.Accept-Language = regsub(req.http.Accept-Language, "^\s*([A-Za-z]{2,3}).*$", "\1");
    }
    # Writes need the token and go to the primary; a read carrying one is still public data.
    unset req.http.Cookie;
    if (req.http.Authorization) {
        return (pass);
    }
    return (hash);
}

# One media type per request, from what Lodestar offers. The first type the client lists decides (browsers list
# text/html first; RDF clients their syntax); a client listing none of ours (*/*, application/xml, ...) gets the
# first of ours it names anywhere, else none (the server's default). Quality values are not weighed.
sub lodestar_normalise_accept {
    if (!req.http.Accept) {
        return;
    }
    set req.http.X-Accept-First = regsub(req.http.Accept, "^\s*([^,;\s]+).*$", "\1");
    if (req.http.X-Accept-First ~ "^(text/html|application/xhtml\+xml)$") {
        set req.http.Accept = "text/html";
    } elsif (req.http.X-Accept-First ~ "^(text/turtle|application/rdf\+xml|application/n-triples|application/n-quads|application/trig|application/ld\+json|application/sparql-results\+json|application/sparql-results\+xml|text/csv|text/tab-separated-values|application/json|text/plain)$") {
        set req.http.Accept = req.http.X-Accept-First;
    } elsif (req.http.Accept ~ "text/turtle") {
        set req.http.Accept = "text/turtle";
    } elsif (req.http.Accept ~ "application/ld\+json") {
        set req.http.Accept = "application/ld+json";
    } elsif (req.http.Accept ~ "application/rdf\+xml") {
        set req.http.Accept = "application/rdf+xml";
    } elsif (req.http.Accept ~ "application/sparql-results\+json") {
        set req.http.Accept = "application/sparql-results+json";
    } elsif (req.http.Accept ~ "text/html") {
        set req.http.Accept = "text/html";
    } else {
        unset req.http.Accept;
    }
    unset req.http.X-Accept-First;
}

sub vcl_backend_response {
    # Bans use obj.* only, so the ban lurker can clear them in the background.
    if (beresp.status == 200 || beresp.status == 404) {
        # Writes ban what they change, so the TTL only bounds what no key names (labels of linked resources).
        set beresp.ttl = 60s;
        set beresp.grace = 5s;
        # Kept past the TTL to revalidate with If-None-Match instead of fetching the whole body again.
        set beresp.keep = 1h;
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.Surrogate-Key;
}
