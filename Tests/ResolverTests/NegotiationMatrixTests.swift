import Redland
import Resolver
import Testing

/// The representation each client gets for a PURI, from the Accept strings those clients really send.
@Suite struct NegotiationMatrixTests {
    static let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    static let chrome =
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
    static let safari = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    /// `rapper -i turtle URL` (raptor 2.0.15, captured on this machine).
    static let rapperTurtle =
        "text/turtle, application/x-turtle, application/turtle, text/n3;q=0.3, text/rdf+n3;q=0.3, application/rdf+n3;q=0.3, */*;q=0.1"
    /// `rapper -g URL` (every parser raptor has, captured on this machine).
    static let rapperGuess =
        "application/rdf+xml, text/rdf;q=0.6, application/n-triples, text/plain;q=0.1, text/turtle, application/x-turtle, application/turtle, "
        + "text/n3;q=0.3, text/rdf+n3;q=0.3, application/rdf+n3;q=0.3, application/x-trig, application/rss;q=0.8, application/rss+xml;q=0.8, "
        + "text/rss;q=0.8, application/xml;q=0.3, text/xml;q=0.3, application/atom+xml;q=0.3, text/html;q=0.2, application/xhtml+xml;q=0.4, "
        + "text/html;q=0.6, application/xhtml+xml;q=0.8, application/json;q=0.1, text/json;q=0.1, text/x-nquads, */*;q=0.1"
    /// rdflib's `Graph.parse(url, format=…)` (rdflib/parser.py).
    static let rdflibXML = "application/rdf+xml, */*;q=0.1"
    static let rdflibTurtle = "text/turtle, application/x-turtle, */*;q=0.1"
    static let rdflibNTriples = "text/plain, */*;q=0.1"
    /// Jena's `WebContent.defaultRDFAcceptHeader` (RDFDataMgr.read of a URL).
    static let jena =
        "text/turtle,application/n-triples;q=0.9,application/ld+json;q=0.8,application/rdf+xml;q=0.7,"
        + "application/trig,application/n-quads;q=0.9,text/x-nquads;q=0.8,application/x-trig;q=0.7,application/ld+json;q=0.5,*/*;q=0.5"

    @Test(arguments: [
        (firefox, "html"), (chrome, "html"), (safari, "html"), ("*/*", "html"), ("", "html"),
        (rapperTurtle, "ttl"), (rapperGuess, "ttl"), (rdflibXML, "rdf"), (rdflibTurtle, "ttl"), (rdflibNTriples, "nt"), (jena, "ttl"),
        ("text/turtle;q=0.9, */*;q=0.1", "ttl"), ("text/turtle", "ttl"), ("application/rdf+xml", "rdf"),
        ("application/n-triples", "nt"), ("application/ld+json", "jsonld"), ("application/json", "jsonld"),
        ("application/n-quads", "nq"), ("application/trig", "trig"), ("application/xhtml+xml", "html"),
        ("text/html;q=0.5, text/turtle", "ttl"), ("*/*;q=0.1, application/ld+json;q=0.5", "jsonld"),
        ("text/*", "html"), ("application/*", "rdf"), ("TEXT/TURTLE", "ttl"), ("text/turtle; charset=utf-8", "ttl"),
        ("text/html;q=0, */*;q=0.5", "ttl"),
    ])
    func clientsGetTheirFormat(accept: String, expected: String) throws {
        #expect(try Representation.negotiate(accept: accept).fileExtension == expected)
    }

    @Test func noAcceptHeaderGetsHTML() throws {
        #expect(try Representation.negotiate(accept: nil) == .html)
    }

    @Test(arguments: ["image/png", "text/html;q=0", "application/pdf, image/*", "text/csv"])
    func nothingAcceptableListsTheAlternatives(accept: String) {
        #expect(throws: ResolverError.notAcceptable(offered: Representation.all.map(\.mediaType))) {
            try Representation.negotiate(accept: accept)
        }
        let message = ResolverError.notAcceptable(offered: Representation.all.map(\.mediaType)).description
        for type in ["text/html", "text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json"] {
            #expect(message.contains(type))
        }
    }
}
