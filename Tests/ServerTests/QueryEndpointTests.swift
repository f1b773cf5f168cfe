import JSONLD
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RDF
import Redland
import Testing

@testable import Server

/// `GET|POST /sparql`: the three ways to send a query, the dataset parameters, negotiation, and the errors.
@Suite struct QueryEndpointTests {
    static let names = "SELECT ?name WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name"

    @Test func getReturnsJSONByDefaultWithVary() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.query(Self.names)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/sparql-results+json")
            #expect(response.headers[.vary] == "Accept")
            let json = try JSONSerialization.jsonObject(with: Data(response.bytes)) as? [String: Any]
            let bindings = (json?["results"] as? [String: Any])?["bindings"] as? [[String: Any]]
            #expect(bindings?.count == 2)
            #expect(response.text.contains(#""value":"Alice""#))
        }
    }

    @Test func postFormAndPostDirect() async throws {
        try await TestServer.run { client, _ in
            let form = try await client.post(
                "/sparql",
                body: "query=\(Self.names.urlEncoded)",
                contentType: "application/x-www-form-urlencoded",
                accept: "text/csv"
            )
            #expect(form.status == .ok)
            #expect(form.text == "name\r\nAlice\r\nBob\r\n")
            let direct = try await client.post(
                "/sparql",
                body: Self.names,
                contentType: "application/sparql-query",
                accept: "text/tab-separated-values"
            )
            #expect(direct.status == .ok)
            #expect(direct.headers[.contentType] == "text/tab-separated-values; charset=utf-8")
            #expect(direct.text == "?name\n\"Alice\"\n\"Bob\"@en\n")
        }
    }

    @Test func formUsesPlusForSpaces() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.post("/sparql", body: "query=ASK+%7B%7D", contentType: "application/x-www-form-urlencoded")
            #expect(response.status == .ok)
            #expect(response.text.contains("true"))
        }
    }

    @Test func askInXML() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.query("ASK { ?s ?p ?o }", accept: "application/sparql-results+xml")
            #expect(response.headers[.contentType] == "application/sparql-results+xml")
            #expect(response.text.contains("<boolean>true</boolean>"))
        }
    }

    @Test func protocolDatasetReplacesTheQuerysOwn() async throws {
        try await TestServer.run { client, _ in
            let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
            // The default graph alone has two triples; g1 and g2 merged as the default graph have two as well, g1 one.
            let g1 = "&default-graph-uri=\("http://example.org/g1".urlEncoded)"
            let response = try await client.query(count, accept: "text/csv", parameters: g1)
            #expect(response.text == "n\r\n1\r\n")
            let both = g1 + "&default-graph-uri=\("http://example.org/g2".urlEncoded)"
            #expect(try await client.query(count, accept: "text/csv", parameters: both).text == "n\r\n2\r\n")
            // named-graph-uri alone: the default graph is empty, GRAPH ranges over the named ones given.
            let named = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
            let onlyG2 = try await client.query(named, accept: "text/csv", parameters: "&named-graph-uri=\("http://example.org/g2".urlEncoded)")
            #expect(onlyG2.text == "g\r\nhttp://example.org/g2\r\n")
            // The protocol's dataset wins over FROM in the query.
            let from = "SELECT (COUNT(*) AS ?n) FROM <http://example.org/g2> WHERE { ?s ?p ?o }"
            #expect(try await client.query(from, accept: "text/csv").text == "n\r\n1\r\n")
            #expect(
                try await client.query(from, accept: "text/csv", parameters: "&default-graph-uri=\("http://example.org/none".urlEncoded)").text
                    == "n\r\n0\r\n"
            )
        }
    }

    @Test func constructNegotiatesEverySyntax() async throws {
        try await TestServer.run { client, _ in
            let construct = "CONSTRUCT { ?s <http://example.org/named> ?o } WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?o }"
            let turtle = try await client.query(construct)
            #expect(turtle.status == .ok)
            #expect(turtle.headers[.contentType] == "text/turtle; charset=utf-8")
            #expect(turtle.headers[.vary] == "Accept")
            #expect(try parseRDF(turtle.bytes, format: .turtle).count == 2)
            let ntriples = try await client.query(construct, accept: "application/n-triples")
            #expect(ntriples.headers[.contentType] == "application/n-triples")
            #expect(try parseRDF(ntriples.bytes, format: .ntriples).count == 2)
            let rdfxml = try await client.query(construct, accept: "application/rdf+xml")
            #expect(try parseRDF(rdfxml.bytes, format: .rdfxml).count == 2)
            let trig = try await client.query(construct, parameters: "&format=trig")
            #expect(trig.headers[.contentType] == "application/trig")
            #expect(try parseRDF(trig.bytes, format: .trig).count == 2)
            let nquads = try await client.query(construct, accept: "application/n-quads")
            #expect(try parseRDF(nquads.bytes, format: .nquads).count == 2)
            let jsonld = try await client.query(construct, accept: "application/ld+json")
            #expect(jsonld.headers[.contentType] == "application/ld+json")
            #expect(try JSONLDParser.parse(jsonld.bytes, baseIRI: "http://lodestar.test/").count == 2)
        }
    }

    @Test func dataRDFXMLCannotExpressIs406() async throws {
        try await TestServer.run { client, _ in
            let construct = "CONSTRUCT { ?s <http://example.org/1> ?o } WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?o }"
            let response = try await client.query(construct, accept: "application/rdf+xml")
            #expect(response.status == .notAcceptable)
            #expect(response.text.contains("application/rdf+xml"))
            #expect(try await client.query(construct, accept: "application/rdf+xml, text/turtle;q=0.5").status == .notAcceptable)
            #expect(try await client.query(construct, accept: "text/turtle").status == .ok)
        }
    }

    @Test func describeDefaultsToTurtle() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.query("DESCRIBE <http://example.org/alice>")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/turtle; charset=utf-8")
            #expect(try !parseRDF(response.bytes, format: .turtle).isEmpty)
        }
    }

    @Test func formatParameter() async throws {
        try await TestServer.run { client, _ in
            let csv = try await client.query(Self.names, accept: "application/sparql-results+xml", parameters: "&format=csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let repeated = try await client.query(Self.names, parameters: "&format=tsv&format=text/tab-separated-values&output=tsv")
            #expect(repeated.headers[.contentType] == "text/tab-separated-values; charset=utf-8")
            let unknown = try await client.query(Self.names, parameters: "&format=yaml")
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("unknown format"))
        }
    }

    @Test func notAcceptableListsTheOfferedTypes() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.query(Self.names, accept: "text/turtle")
            #expect(response.status == .notAcceptable)
            #expect(response.text.contains("application/sparql-results+json"))
            #expect(response.text.contains("text/csv"))
            let graph = try await client.query("CONSTRUCT WHERE { ?s ?p ?o }", accept: "text/csv")
            #expect(graph.status == .notAcceptable)
            #expect(graph.text.contains("text/turtle"))
        }
    }

    @Test func syntaxErrorGivesLineAndColumn() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.query("SELECT ?s\nWHERE { ?s ?p }")
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.text.contains("line 2"))
            #expect(response.text.contains("column"))
        }
    }

    @Test func wrongMethodsAndBodyTypes() async throws {
        try await TestServer.run { client, _ in
            let put = try await client.execute(uri: "/sparql?query=ASK%20%7B%7D", method: .put)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, HEAD, POST")
            let text = try await client.post("/sparql", body: "ASK {}", contentType: "text/plain")
            #expect(text.status == .unsupportedMediaType)
            #expect(text.text.contains("application/sparql-query"))
            let none = try await client.post("/sparql", body: "query=ASK%20%7B%7D", contentType: nil)
            #expect(none.status == .unsupportedMediaType)
            let utf16 = try await client.post("/sparql", body: "ASK {}", contentType: "application/sparql-query; charset=UTF-16")
            #expect(utf16.status == .unsupportedMediaType)
            let update = try await client.post("/sparql", body: "CLEAR ALL", contentType: "application/sparql-update")
            #expect(update.status == .unsupportedMediaType)
            #expect(update.text.contains("/update"))
        }
    }

    @Test func repeatedOrMissingQueries() async throws {
        try await TestServer.run { client, _ in
            let twice = try await client.execute(uri: "/sparql?query=ASK%20%7B%7D&query=SELECT%20*%20%7B%7D", method: .get)
            #expect(twice.status == .badRequest)
            let updateByGet = try await client.execute(uri: "/sparql?update=CLEAR%20ALL", method: .get)
            #expect(updateByGet.status == .badRequest)
            let emptyForm = try await client.post("/sparql", body: "format=json", contentType: "application/x-www-form-urlencoded")
            #expect(emptyForm.status == .badRequest)
            let invalidUTF8 = try await client.execute(
                uri: "/sparql",
                method: .post,
                headers: [.contentType: "application/sparql-query"],
                body: ByteBuffer(bytes: [0x41, 0xFF, 0x7B])
            )
            #expect(invalidUTF8.status == .badRequest)
        }
    }

    @Test func relativeIRIsResolveAgainstTheEndpoint() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.query("SELECT (<x> AS ?iri) {}", accept: "text/csv")
            #expect(response.text == "iri\r\nhttp://lodestar.test/x\r\n")
        }
    }

    @Test func unionDefaultGraph() async throws {
        var configuration = TestServer.configuration()
        configuration.unionDefaultGraph = true
        try await TestServer.run(configuration) { client, _ in
            let response = try await client.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", accept: "text/csv")
            #expect(response.text == "n\r\n4\r\n")
        }
    }

    @Test func largeResultsStreamInChunks() async throws {
        // 120 × 120 = 14,400 rows (~1.7 MB of JSON): many 64 KiB chunks, so no Content-Length (chunked), and complete
        // JSON. Small enough for a debug build on a loaded machine to finish within the test client's timeout.
        let data = (0..<120).map { "<http://example.org/s\($0)> <http://example.org/p> \"\($0)\" .\n" }.joined()
        try await TestServer.run(data: data) { client, _ in
            let response = try await client.query("SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }")
            #expect(response.status == .ok)
            #expect(response.headers[.contentLength] == nil)
            let json = try JSONSerialization.jsonObject(with: Data(response.bytes)) as? [String: Any]
            let bindings = (json?["results"] as? [String: Any])?["bindings"] as? [[String: Any]]
            #expect(bindings?.count == 14_400)
            let small = try await client.query("ASK {}")
            #expect(small.headers[.contentLength] != nil)
        }
    }
}
