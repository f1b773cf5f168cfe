import JSONLD
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RDF
import Redland
import Store
import Testing

@testable import Server

/// `/store` and `/graphs/{id}`: the Graph Store HTTP Protocol round trip, errors, and malformed bodies.
@Suite struct GraphStoreTests {
    static let graph = "/store?graph=" + "http://example.org/people".urlEncoded
    static let turtle = """
        @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        <http://example.org/dave> a foaf:Person ; foaf:name "Dave" ; foaf:knows [ foaf:name "Eve" ] .

        """

    @Test func roundTrip() async throws {
        try await TestServer.run { client, store in
            let put = try await client.authorized(Self.graph, method: .put, body: Self.turtle, contentType: "text/turtle; charset=utf-8")
            #expect(put.status == .created)
            let get = try await client.execute(uri: Self.graph, method: .get, headers: [.accept: "application/n-triples"])
            #expect(get.status == .ok)
            #expect(get.headers[.contentType] == "application/n-triples")
            #expect(get.headers[.vary] == "Accept")
            #expect(try parseRDF(get.bytes, format: .ntriples).count == 4)
            let head = try await client.execute(uri: Self.graph, method: .head, headers: [.accept: "text/turtle"])
            #expect(head.status == .ok)
            #expect(head.headers[.contentType] == "text/turtle; charset=utf-8")
            #expect(head.body.readableBytes == 0)
            // PUT again replaces; POST merges.
            let replace = try await client.authorized(
                Self.graph,
                method: .put,
                body: "<http://example.org/dave> <http://example.org/p> 1 .",
                contentType: "text/turtle"
            )
            #expect(replace.status == .noContent)
            #expect(store.snapshot().quads(in: .iri(IRI("http://example.org/people"))).count == 1)
            let merge = try await client.authorized(
                Self.graph,
                method: .post,
                body: "<http://example.org/dave> <http://example.org/p> \"2\" .\n",
                contentType: "application/n-triples"
            )
            #expect(merge.status == .noContent)
            #expect(store.snapshot().quads(in: .iri(IRI("http://example.org/people"))).count == 2)
            let turtleGet = try await client.execute(uri: Self.graph, method: .get)
            #expect(turtleGet.headers[.contentType] == "text/turtle; charset=utf-8")
            #expect(try parseRDF(turtleGet.bytes, format: .turtle).count == 2)
            let delete = try await client.authorized(Self.graph, method: .delete)
            #expect(delete.status == .noContent)
            #expect(try await client.execute(uri: Self.graph, method: .get).status == .notFound)
            #expect(try await client.authorized(Self.graph, method: .delete).status == .notFound)
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func defaultGraphAndWholeStore() async throws {
        try await TestServer.run { client, _ in
            let defaultGraph = try await client.execute(uri: "/store?default", method: .get, headers: [.accept: "application/n-triples"])
            #expect(defaultGraph.status == .ok)
            #expect(try parseRDF(defaultGraph.bytes, format: .ntriples).count == 2)
            let everything = try await client.execute(uri: "/store", method: .get)
            #expect(everything.headers[.contentType] == "application/n-quads")
            #expect(try parseRDF(everything.bytes, format: .nquads).count == 4)
            let trig = try await client.execute(uri: "/store", method: .get, headers: [.accept: "application/trig"])
            #expect(try parseRDF(trig.bytes, format: .trig).count == 4)
            let turtle = try await client.execute(uri: "/store", method: .get, headers: [.accept: "text/turtle"])
            #expect(turtle.status == .notAcceptable)
            let jsonld = try await client.execute(
                uri: "/store?graph=\("http://example.org/g1".urlEncoded)",
                method: .get,
                headers: [.accept: "application/ld+json"]
            )
            #expect(jsonld.status == .ok)
            #expect(try JSONLDParser.parse(jsonld.bytes).count == 1)
        }
    }

    @Test func postToTheStoreCreatesAGraph() async throws {
        try await TestServer.run { client, store in
            let response = try await client.authorized("/store", method: .post, body: Self.turtle, contentType: "text/turtle")
            #expect(response.status == .created)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("http://lodestar.test/graphs/"))
            #expect(store.snapshot().quads(in: .iri(IRI(location))).count == 4)
            let path = String(location.dropFirst("http://lodestar.test".count))
            let get = try await client.execute(uri: path, method: .get, headers: [.accept: "application/n-triples"])
            #expect(get.status == .ok)
            #expect(try parseRDF(get.bytes, format: .ntriples).count == 4)
        }
    }

    @Test func malformedBodiesChangeNothing() async throws {
        try await TestServer.run { client, store in
            let g1 = "/store?graph=" + "http://example.org/g1".urlEncoded
            let bad = try await client.authorized(
                g1,
                method: .put,
                body: "<http://example.org/a> <http://example.org/b> .",
                contentType: "text/turtle"
            )
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("line 1"))
            let badNT = try await client.authorized(g1, method: .post, body: "<a> <b> <c> .\n", contentType: "application/n-triples")
            #expect(badNT.status == .badRequest)
            let badJSON = try await client.authorized(g1, method: .put, body: "{\"@id\": ", contentType: "application/ld+json")
            #expect(badJSON.status == .badRequest)
            #expect(store.snapshot().count == 4)
            #expect(store.snapshot().quads(in: .iri(IRI("http://example.org/g1"))).count == 1)
        }
    }

    @Test func jsonLDUploads() async throws {
        try await TestServer.run { client, store in
            let body = #"{"@id": "http://example.org/frank", "http://xmlns.com/foaf/0.1/name": "Frank"}"#
            let response = try await client.authorized(Self.graph, method: .put, body: body, contentType: "application/ld+json")
            #expect(response.status == .created)
            #expect(store.snapshot().quads(in: .iri(IRI("http://example.org/people"))).count == 1)
        }
    }

    /// Issue 15: deep RDF/XML is refused before raptor sees it, with the limit and the place; nothing is written.
    @Test func deepRDFXMLIsRefusedWithTheLimitAndThePlace() async throws {
        try await TestServer.run { client, store in
            var body = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex/\">\n"
            body += String(repeating: "<rdf:Description><ex:p>\n", count: 50_000)
            let response = try await client.authorized(Self.graph, method: .put, body: body, contentType: "application/rdf+xml")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("1000 elements"), "\(response.text)")
            #expect(response.text.contains("line 501") && response.text.contains("column 18"), "\(response.text)")
            #expect(store.snapshot().count == 4)
        }
    }

    /// Issue 15: a 50,000-item RDF list (100,001 triples) is read back in every syntax, RDF/XML flat.
    @Test func aLongListReadsBackInEverySyntax() async throws {
        try await TestServer.run { client, store in
            let items = 50_000
            var body = "<http://ex/list> <http://ex/items> _:l0 .\n"
            for index in 0..<items {
                let next = index + 1 < items ? "_:l\(index + 1)" : "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>"
                body += "_:l\(index) <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"item \(index)\" .\n"
                body += "_:l\(index) <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> \(next) .\n"
            }
            let graph = "/store?graph=" + "http://example.org/list".urlEncoded
            let put = try await client.authorized(graph, method: .put, body: body, contentType: "application/n-triples")
            #expect(put.status == .created)
            for format in RDFFormat.allCases {
                let response = try await client.execute(uri: graph, method: .get, headers: [.accept: format.mediaType])
                #expect(response.status == .ok, "\(format)")
                #expect(response.bytes.count < items * 250, "\(format): \(response.bytes.count) bytes")
                #expect(try parseRDF(response.bytes, format: format).count == 2 * items + 1, "\(format)")
            }
        }
    }

    @Test func refusals() async throws {
        var configuration = TestServer.configuration()
        configuration.maxRequestBodySize = 100
        try await TestServer.run(configuration) { client, store in
            let noToken = try await client.execute(
                uri: Self.graph,
                method: .put,
                headers: [.contentType: "text/turtle"],
                body: ByteBuffer(string: Self.turtle)
            )
            #expect(noToken.status == .unauthorized)
            #expect(noToken.headers[.wwwAuthenticate] != nil)
            #expect(try await client.execute(uri: Self.graph, method: .delete).status == .unauthorized)
            let unknownType = try await client.authorized(Self.graph, method: .put, body: "a,b", contentType: "text/csv")
            #expect(unknownType.status == .unsupportedMediaType)
            #expect(unknownType.text.contains("text/turtle"))
            let tooBig = try await client.authorized(Self.graph, method: .put, body: Self.turtle + Self.turtle, contentType: "text/turtle")
            #expect(tooBig.status == .contentTooLarge)
            let both = try await client.execute(uri: "/store?default&graph=\("http://example.org/g1".urlEncoded)", method: .get)
            #expect(both.status == .badRequest)
            let relative = try await client.execute(uri: "/store?graph=g1", method: .get)
            #expect(relative.status == .badRequest)
            let patch = try await client.execute(uri: Self.graph, method: .patch)
            #expect(patch.status == .methodNotAllowed)
            #expect(store.snapshot().count == 4)
        }
    }
}
