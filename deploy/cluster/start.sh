#!/usr/bin/env bash
# `make cluster`: Lodestar past one machine, on one machine, on loopback ports (README "Past one machine").
#
#   PostgreSQL primary (:55440) ──streaming, synchronous──▶ PostgreSQL standby (:55441)
#        ▲ the change log
#   Lodestar primary (:18410, --replicate-to)      Lodestar replicas (:18411, :18412, --replica-of, --bootstrap)
#        ▲ writes                                       ▲ reads (round robin, probed on /health)
#   Varnish (:18400, deploy/varnish/lodestar.vcl) ◀── clients
#
# Everything lives in var/cluster/ (stores, PostgreSQL clusters, logs, pid files); `make cluster-stop` stops it all.
# Environment: LODESTAR_BIN (default .build/release/lodestar), LODESTAR_SHARED (the EIRA editions), UPDATE_TOKEN,
# CLUSTER_REPLICATION=off for a primary alone behind Varnish (no PostgreSQL, no replicas).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
dir="$root/var/cluster"
pg="$dir/pg"
bin="${LODESTAR_BIN:-$root/.build/release/lodestar}"
shared="${LODESTAR_SHARED:-$root/../shared}"
replication="${CLUSTER_REPLICATION:-on}"
token="${UPDATE_TOKEN:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pg_primary_port=55440
pg_standby_port=55441
cache_port=18400
primary_port=18410
replica_ports=(18411 18412)
cache_url="http://127.0.0.1:$cache_port"
primary_url="http://127.0.0.1:$primary_port"
log_url="postgresql://lodestar@127.0.0.1:$pg_primary_port/lodestar"

say() { printf '%s\n' "$*" >&2; }
fail() { say "cluster: $*"; exit 1; }
# PostgreSQL refuses to run as root: its commands run as the postgres user then.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
wait_http() {  # URL SECONDS [PID: give up as soon as it has exited]
    for _ in $(seq 1 $(($2 * 10))); do
        curl -fs -o /dev/null "$1" && return 0
        if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then fail "the process behind $1 exited (see $dir/*.log)"; fi
        sleep 0.1
    done
    fail "$1 did not answer within $2 s (see $dir/*.log)"
}
start_lodestar() {  # NAME PORT ARGS...
    local name=$1 port=$2
    shift 2
    "$bin" serve --store "$dir/$name" --port "$port" --base-url "$cache_url" --purge "$cache_url/" "$@" >"$dir/$name.log" 2>&1 &
    echo $! >"$dir/$name.pid"
    wait_http "http://127.0.0.1:$port/health" 120 "$(cat "$dir/$name.pid")"
    say "  $name: http://127.0.0.1:$port (pid $(cat "$dir/$name.pid"))"
}

[ -x "$bin" ] || fail "no $bin: run make release (or set LODESTAR_BIN)"
command -v varnishd >/dev/null || fail "varnishd is missing: apt-get install varnish"
[ -f "$shared/data/eira-skos/EIRA_SKOS.rdf" ] || fail "no EIRA under $shared/data: set LODESTAR_SHARED"
if ls "$dir"/*.pid >/dev/null 2>&1; then fail "a cluster seems to run already ($dir/*.pid): make cluster-stop first"; fi
mkdir -p "$dir"

if [ "$replication" = on ]; then
    [ -x "$pg_bin/initdb" ] || fail "PostgreSQL is missing: apt-get install postgresql"
    say "PostgreSQL: a primary and a synchronous streaming standby"
    # PostgreSQL's folder (clusters and logs) belongs to the user it runs as.
    rm -rf "$dir/pg"
    mkdir -p "$dir/pg"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/pg"
    chmod 700 "$dir/pg"
    as_postgres "$pg_bin/initdb" -D "$pg/primary" -U lodestar --auth=trust >"$dir/pg-initdb.log" 2>&1
    cat >>"$pg/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_primary_port
unix_socket_directories = ''
wal_level = replica
max_wal_senders = 4
synchronous_commit = on
CONF
    echo "host replication lodestar 127.0.0.1/32 trust" >>"$pg/primary/pg_hba.conf"
    as_postgres "$pg_bin/pg_ctl" -D "$pg/primary" -l "$pg/primary.log" -w start >/dev/null
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p $pg_primary_port -U lodestar -d postgres -qc "CREATE DATABASE lodestar" >/dev/null
    as_postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p $pg_primary_port -U lodestar -D "$pg/standby" -X stream -c fast -R
    cat >>"$pg/standby/postgresql.auto.conf" <<CONF
port = $pg_standby_port
primary_conninfo = 'host=127.0.0.1 port=$pg_primary_port user=lodestar application_name=standby1'
CONF
    as_postgres "$pg_bin/pg_ctl" -D "$pg/standby" -l "$pg/standby.log" -w start >/dev/null
    # From now on a commit returns only once the standby has it too: a failover to it loses no acknowledged write.
    # (Set only now: until the standby streams, every commit would wait for it.)
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p $pg_primary_port -U lodestar -d postgres -qc \
        "ALTER SYSTEM SET synchronous_standby_names = 'standby1'" -c "SELECT pg_reload_conf()" >/dev/null
    for _ in $(seq 1 100); do
        state=$(as_postgres "$pg_bin/psql" -h 127.0.0.1 -p $pg_primary_port -U lodestar -d postgres -Atc \
            "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'")
        [ "$state" = sync ] && break
        sleep 0.1
    done
    [ "$state" = sync ] || fail "the standby did not become synchronous (see $pg/standby.log)"
    say "  log: $log_url (standby on :$pg_standby_port, $state)"
fi

say "Lodestar primary: the EIRA editions and Joinup's sample (as make serve loads them)"
if [ ! -d "$dir/primary/redland" ]; then
    for edition in eira-skos/v1.1.0/EIRA_SKOS.rdf eira-skos/v3.1.0/EIRA_SKOS.rdf eira-skos/EIRA_SKOS.rdf \
        eira-archimate/v4.0.0/EIRA.xml eira-archimate/v6.0.0/EIRA.xml; do
        "$bin" import-eira --store "$dir/primary" "$shared/data/$edition" >>"$dir/load.log" 2>&1 || fail "import of $edition failed (see $dir/load.log)"
    done
    "$bin" load --store "$dir/primary" --graph https://w3id.org/lodestar/graph/joinup/solutions \
        "$shared/data/joinup-federation-fixtures/valid_adms.rdf" >>"$dir/load.log" 2>&1 || fail "loading Joinup's sample failed"
fi
replicas=()
if [ "$replication" = on ]; then
    start_lodestar primary $primary_port --update-token "$token" --replicate-to "$log_url"
    # The dump replicas start from is written once; later replicas find it on disk.
    curl -fs -o /dev/null "$primary_url/dumps/all.nq.gz" || fail "the primary did not serve its dump"
    n=0
    for port in "${replica_ports[@]}"; do
        n=$((n + 1))
        start_lodestar "replica$n" "$port" --replica-of "$log_url" --bootstrap "$primary_url/dumps/all.nq.gz"
        replicas+=("127.0.0.1:$port")
    done
else
    say "  (CLUSTER_REPLICATION=off: no PostgreSQL, no replicas; the primary also answers the reads)"
    start_lodestar primary $primary_port --update-token "$token"
    replicas=("127.0.0.1:$primary_port")
fi

say "Varnish"
deploy/varnish/render-vcl.sh "127.0.0.1:$primary_port" "${replicas[@]}" >"$dir/lodestar.vcl"
varnishd -a "127.0.0.1:$cache_port" -n "$dir/varnish" -f "$dir/lodestar.vcl" -s malloc,256m -T none -P "$dir/varnish.pid" \
    >"$dir/varnish.log" 2>&1 || fail "varnishd did not start (see $dir/varnish.log)"
wait_http "$cache_url/health" 30
say "  cache: $cache_url (pid $(cat "$dir/varnish.pid"))"

replica_urls=""
for replica in "${replicas[@]}"; do replica_urls+="${replica_urls:+ }http://$replica"; done
cat >"$dir/urls.env" <<ENV
PRIMARY_URL=$primary_url
REPLICA_URLS="$replica_urls"
CACHE_URL=$cache_url
UPDATE_TOKEN=$token
ENV
say ""
say "Cluster up (var/cluster/urls.env):"
cat "$dir/urls.env" >&2
say "Read through $cache_url, write to $cache_url/update or $primary_url/update with 'Authorization: Bearer \$UPDATE_TOKEN'."
say "Stop everything with: make cluster-stop"
