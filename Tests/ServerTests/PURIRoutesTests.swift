import JSONLD
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RDF
import Redland
import Resolver
import Server
import Store
import Testing

/// PURIs over HTTP with the real EIRA v4.0.0 SKOS data: 303s, documents, ETags, HEAD, 404 and 406.
@Suite(.enabled(if: EIRAData.isAvailable, "the EIRA SKOS file is not in $LODESTAR_SHARED/data/eira-skos"))
struct PURIRoutesTests {
    static let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    static let base = "http://lodestar.test"

    func withEIRA<T: Sendable>(
        _ configuration: ServerConfiguration = TestServer.configuration(),
        _ test: @Sendable @escaping (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        try await TestServer.run(configuration, data: "") { client, store in
            try await EIRAData.load(into: store)
            return try await test(client)
        }
    }

    @Test(
        arguments: [
            (firefox, "html"), (nil, "html"), ("*/*", "html"), ("text/turtle", "ttl"), ("application/rdf+xml", "rdf"),
            ("application/n-triples", "nt"), ("application/ld+json", "jsonld"), ("text/turtle;q=0.9, */*;q=0.1", "ttl"),
        ] as [(String?, String)]
    )
    func aPURIAnswers303ToTheDocumentAcceptPrefers(accept: String?, ext: String) async throws {
        try await withEIRA { client in
            let response = try await client.get("/dr8/PublicPolicy", accept: accept)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "\(Self.base)/doc/dr8/PublicPolicy.\(ext)")
            #expect(response.headers[.vary] == "Accept")
            #expect(response.headers[values: .link].count == Representation.all.count)
        }
    }

    @Test func everyEIRAv4PURIResolvesToTurtleHoldingItsPrefLabel() async throws {
        let puris = try EIRAData.puris()
        #expect(puris.count > 221)
        try await withEIRA { client in
            let namespaces = PURINamespaces.standard
            var sampled = 0
            for (index, (iri, prefLabel)) in puris.enumerated() {
                let path = try #require(namespaces.path(of: iri))
                let redirect = try await client.get(path, accept: "text/turtle")
                let location: String
                if path == "/dr8" {
                    #expect(redirect.status == .ok, "\(path)")
                    location = "\(Self.base)/doc/dr8.ttl"
                } else {
                    #expect(redirect.status == .seeOther, "\(path)")
                    location = try #require(redirect.headers[.location])
                }
                let response = try await client.get(String(location.dropFirst(Self.base.count)))
                #expect(response.status == .ok, "\(location)")
                #expect(response.headers[.contentType] == "text/turtle; charset=utf-8")
                let quads = try parseRDF(response.bytes, format: .turtle, baseIRI: location)
                #expect(quads.contains { $0.subject == .iri(iri) || $0.object == .iri(iri) }, "\(iri.value)")
                if let prefLabel {
                    #expect(
                        quads.contains {
                            $0.subject == .iri(iri) && $0.predicate == .iri(SKOS.prefLabel) && $0.object.literal?.lexicalForm == prefLabel
                        },
                        "\(iri.value)"
                    )
                }
                // raptor's own command line reads a sample of them too (every 20th, and the multi-segment one).
                if index % 20 == 0 || path.contains("InternationalTreaties") {
                    let (status, output) = try runRapper(response.bytes, syntax: "turtle", baseIRI: location)
                    #expect(status == 0, "rapper on \(location): \(output)")
                    #expect(output.contains("returned"), "\(output)")
                    sampled += 1
                }
            }
            #expect(sampled >= 10)
        }
    }

    @Test func documentsCarryEntityTagsAndAnswer304() async throws {
        try await withEIRA { client in
            let first = try await client.get("/doc/dr8/PublicPolicy.ttl")
            let tag = try #require(first.headers[.eTag])
            #expect(first.headers[.vary] == "Accept, Accept-Language")
            #expect(first.headers[.contentLocation] == nil)
            // Browser scripts on other origins may read the tag and the alternates (CORS).
            let exposed = first.headers[.accessControlExposeHeaders] ?? ""
            #expect(exposed.contains("ETag") && exposed.contains("Link"))
            let again = try await client.get("/doc/dr8/PublicPolicy.ttl", headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == tag)
            let listed = try await client.get("/doc/dr8/PublicPolicy.ttl", headers: [.ifNoneMatch: "\"other\", W/\(tag)"])
            #expect(listed.status == .notModified)
            let stale = try await client.get("/doc/dr8/PublicPolicy.ttl", headers: [.ifNoneMatch: "\"stale\""])
            #expect(stale.status == .ok && stale.text == first.text)
            let html = try await client.get("/doc/dr8/PublicPolicy.html")
            #expect(html.headers[.eTag] != tag)
        }
    }

    @Test func negotiatedDocumentsSayWhereTheyLive() async throws {
        try await withEIRA { client in
            let page = try await client.get("/doc/dr8/PublicPolicy", accept: Self.firefox)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentLocation] == "\(Self.base)/doc/dr8/PublicPolicy.html")
            let links = page.headers[values: .link]
            for representation in Representation.all {
                #expect(
                    links.contains(
                        "<\(Self.base)/doc/dr8/PublicPolicy.\(representation.fileExtension)>; rel=\"alternate\"; type=\"\(representation.mediaType)\""
                    )
                )
            }
            let turtle = try await client.get("/doc/dr8/PublicPolicy", accept: "text/turtle")
            #expect(turtle.headers[.contentLocation] == "\(Self.base)/doc/dr8/PublicPolicy.ttl")
            #expect(turtle.headers[.vary] == "Accept, Accept-Language")
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await withEIRA { client in
            let redirect = try await client.get("/dr8/PublicPolicy", accept: "text/turtle", method: .head)
            #expect(redirect.status == .seeOther && redirect.body.readableBytes == 0)
            #expect(redirect.headers[.location] == "\(Self.base)/doc/dr8/PublicPolicy.ttl")
            let get = try await client.get("/doc/dr8/PublicPolicy.ttl")
            let head = try await client.get("/doc/dr8/PublicPolicy.ttl", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == get.headers[.contentType])
        }
    }

    @Test func deprecatedPURIsResolveMarkedWithTheirReplacement() async throws {
        try await withEIRA { client in
            let turtle = try await client.get("/doc/dr8/DescriptiveMetadata.ttl")
            let quads = try parseRDF(turtle.bytes, format: .turtle)
            let old = Term.iri("http://data.europa.eu/dr8/DescriptiveMetadata")
            #expect(quads.contains { $0.subject == old && $0.predicate == .iri(OWL.deprecated) && $0.object.literal?.lexicalForm == "true" })
            #expect(
                quads.contains { $0.subject == .iri("http://data.europa.eu/dr8/Data") && $0.predicate == .iri(DCTerms.replaces) && $0.object == old }
            )
            let page = try await client.get("/doc/dr8/DescriptiveMetadata.html")
            #expect(page.text.contains(#"<strong>Replaced.</strong>"#))
            #expect(page.text.contains(#"Replaced by <a class="replacement" href="/dr8/Data">Data <code>dr8/Data</code></a>."#))
        }
    }

    @Test func multiSegmentPURIsAndViewsInJSONLD() async throws {
        try await withEIRA { client in
            let redirect = try await client.get("/dr8/LegalAgreements/InternationalTreaties", accept: "text/turtle")
            #expect(redirect.headers[.location] == "\(Self.base)/doc/dr8/LegalAgreements/InternationalTreaties.ttl")
            let treaties = try await client.get("/doc/dr8/LegalAgreements/InternationalTreaties.ttl")
            #expect(treaties.text.contains("Legal Agreements / International Treaties"))

            let view = try await client.get("/dr8/view/LegalView", accept: "application/ld+json")
            #expect(view.status == .seeOther)
            #expect(view.headers[.location] == "\(Self.base)/doc/dr8/view/LegalView.jsonld")
            let jsonLD = try await client.get("/doc/dr8/view/LegalView.jsonld")
            #expect(jsonLD.headers[.contentType] == "application/ld+json")
            let quads = try JSONLDParser.parse(jsonLD.bytes, baseIRI: "\(Self.base)/doc/dr8/view/LegalView.jsonld")
            let legalView = Term.iri("http://data.europa.eu/dr8/view/LegalView")
            #expect(quads.contains { $0.subject == legalView && $0.predicate == .iri(RDFVocabulary.type) && $0.object == .iri(SKOS.collection) })
            let members = quads.filter { $0.subject == legalView && $0.predicate == .iri(SKOS.member) }
            #expect(members.count > 10)
            #expect(members.contains { $0.object == .iri("http://data.europa.eu/dr8/LegalAgreements/InternationalTreaties") })
            // The members' labels come along, so a client needs no second request to show them.
            #expect(quads.contains { $0.subject == .iri("http://data.europa.eu/dr8/PublicPolicy") && $0.predicate == .iri(SKOS.prefLabel) })
        }
    }

    @Test func unknownPURIsGet404WithTheNearestPURIs() async throws {
        try await withEIRA { client in
            let page = try await client.get("/dr8/PublicPolicyy", accept: Self.firefox)
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains(#"<a href="/dr8/PublicPolicy">PublicPolicy</a>"#))
            let plain = try await client.get("/dr8/PublicPolicyy", accept: "text/turtle")
            #expect(plain.status == .notFound)
            #expect(plain.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(plain.text.contains("\(Self.base)/dr8/PublicPolicy\n"))
            let document = try await client.get("/doc/dr8/NoSuchThing.ttl")
            #expect(document.status == .notFound)
            let namespace = try await client.get("/doc/nowhere/PublicPolicy.ttl")
            #expect(namespace.status == .notFound)
        }
    }

    @Test func nothingAcceptableIs406ListingTheAlternatives() async throws {
        try await withEIRA { client in
            for uri in ["/dr8/PublicPolicy", "/doc/dr8/PublicPolicy", "/dr8"] {
                let response = try await client.get(uri, accept: "image/png")
                #expect(response.status == .notAcceptable, "\(uri)")
                #expect(response.headers[.vary] == "Accept")
                #expect(response.text.contains("text/turtle") && response.text.contains("application/ld+json") && response.text.contains("text/html"))
            }
        }
    }

    @Test func writesToPURIsAre405NotUnknownPURIs() async throws {
        try await withEIRA { client in
            for (uri, method) in [("/dr8/PublicPolicy", HTTPRequest.Method.post), ("/doc/dr8/PublicPolicy.ttl", .put), ("/dr8", .delete)] {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            // The other routes keep their own methods.
            let update = try await client.execute(uri: "/update", method: .post)
            #expect(update.status != .methodNotAllowed)
        }
    }

    @Test func theNamespaceServesTheWholeScheme() async throws {
        try await withEIRA { client in
            for uri in ["/dr8", "/dr8/"] {
                let page = try await client.get(uri, accept: Self.firefox)
                #expect(page.status == .ok, "\(uri)")
                #expect(page.headers[.contentLocation] == "\(Self.base)/doc/dr8.html")
                #expect(page.text.contains(#"<a href="/dr8/view/LegalView">"#))
            }
            let turtle = try await client.get("/dr8", accept: "text/turtle")
            let quads = try parseRDF(turtle.bytes, format: .turtle)
            let scheme = Term.iri("http://data.europa.eu/dr8")
            #expect(quads.contains { $0.subject == scheme && $0.predicate == .iri(RDFVocabulary.type) && $0.object == .iri(SKOS.conceptScheme) })
            #expect(Set(quads.compactMap { $0.predicate == .iri(SKOS.prefLabel) ? $0.subject : nil }).count > 221)
            let document = try await client.get("/doc/dr8.nt")
            #expect(document.status == .ok && document.headers[.contentType] == "application/n-triples")
        }
    }

    @Test func pagesShowArchiMateRelationsSolutionsAndAWorkingSPARQLLink() async throws {
        try await withEIRA { client in
            let page = try await client.get("/doc/dr8/PublicPolicy.html").text
            #expect(page.contains("<h1>Public Policy</h1>") && page.contains(#"<span class="badge id">ABB9</span>"#))
            #expect(
                page.contains(#"<h3>association</h3>"#) && page.contains(#"<li>→ <a href="/dr8/LegalAct">Legal Act</a> <small>ABB164</small></li>"#)
            )
            #expect(
                page.contains(#"<h3>realization</h3>"#)
                    && page.contains(#"<li>← <a href="/dr8/BindingInstrument">Binding Instrument</a> <small>ABB17</small></li>"#)
            )
            #expect(page.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2Fcap">Common Agricultural Policy portal</a>"#))
            let start = try #require(page.range(of: #"href="/sparql?query="#))
            let href = page[page.index(start.lowerBound, offsetBy: 6)...].prefix { $0 != "\"" }
            let results = try await client.get(String(href), accept: "application/sparql-results+json")
            #expect(results.status == .ok)
            #expect(results.text.contains("http://data.europa.eu/dr8/PublicPolicy") && results.text.contains(EIRAData.archimateGraph))
        }
    }

    @Test func otherRoutesAreNotShadowedAndMoreNamespacesCanBeServed() async throws {
        var configuration = TestServer.configuration()
        configuration.puriNamespaces = try PURINamespaces(defaultPlus: ["ex=http://example.org/"])
        try await TestServer.run(configuration) { client, _ in
            #expect(try await client.get("/health").status == .ok)
            #expect(try await client.query("ASK {}").status == .ok)
            #expect(try await client.get("/store?default", accept: "text/turtle").status == .ok)
            let redirect = try await client.get("/ex/alice", accept: "application/n-quads")
            #expect(redirect.headers[.location] == "\(Self.base)/doc/ex/alice.nq")
            let nquads = try await client.get("/doc/ex/alice.nq")
            #expect(
                nquads.text.contains(
                    "<http://example.org/alice> <http://xmlns.com/foaf/0.1/knows> <http://example.org/bob> <http://example.org/g1> ."
                )
            )
            #expect(nquads.text.contains("<http://example.org/bob> <http://xmlns.com/foaf/0.1/name> \"Bob\"@en ."))
            #expect(try await client.get("/dr8/PublicPolicy").status == .notFound)
        }
    }

    @Test func documentsFollowWritesAtOnce() async throws {
        var configuration = TestServer.configuration()
        configuration.puriNamespaces = try PURINamespaces(defaultPlus: ["ex=http://example.org/"])
        try await TestServer.run(configuration) { client, store in
            let before = try await client.get("/doc/ex/bob.nt")
            #expect(!before.text.contains("Robert"))
            let cached = try await client.get("/doc/ex/bob.nt")
            #expect(cached.text == before.text && cached.headers[.eTag] == before.headers[.eTag])
            let nickname = Quad(.iri("http://example.org/bob"), .iri("http://xmlns.com/foaf/0.1/nick"), .string("Robert"))
            try await store.apply(ChangeSet(insertions: [nickname]))
            let after = try await client.get("/doc/ex/bob.nt")
            #expect(after.text.contains("<http://example.org/bob> <http://xmlns.com/foaf/0.1/nick> \"Robert\" ."))
            #expect(after.headers[.eTag] != before.headers[.eTag])
            let stale = try await client.get("/doc/ex/bob.nt", headers: [.ifNoneMatch: before.headers[.eTag] ?? ""])
            #expect(stale.status == .ok)
            try await store.apply(
                ChangeSet(
                    deletions: store.snapshot().allQuads.filter {
                        $0.subject == .iri("http://example.org/bob") || $0.object == .iri("http://example.org/bob")
                    }
                )
            )
            #expect(try await client.get("/doc/ex/bob.nt").status == .notFound)
            #expect(try await client.get("/ex/bob").status == .notFound)
        }
    }
}
