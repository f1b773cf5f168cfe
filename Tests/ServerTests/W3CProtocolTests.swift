import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RDF
import Redland
import Store
import Testing

@testable import Server

/// The W3C SPARQL 1.1 Protocol and Graph Store HTTP Protocol tests (`$LODESTAR_SHARED/conformance/sparql11`), run
/// from their manifests against an in-process server.
///
/// The manifests give paths under `/sparql/` and `/gsp`; they are mapped to Lodestar's `/sparql` (queries), `/update`
/// (updates: requests with an `application/sparql-update` body or an `update=` form), `/store` (indirect graph
/// identification) and `/graphs/` (direct), and every write carries the update token. Expected RDF bodies are compared
/// as graphs, with blank nodes matched loosely (by the triples around them), which is enough for these small graphs.
@Suite(.enabled(if: W3CManifest.isAvailable, "the W3C SPARQL 1.1 suite is not in $LODESTAR_SHARED/conformance"))
struct W3CProtocolTests {
    @Test(arguments: W3CManifest.tests("protocol/manifest.ttl"))
    func sparqlProtocol(_ test: W3CProtocolTest) async throws {
        try await run(test)
    }

    @Test(arguments: W3CManifest.tests("graph-store-protocol/manifest-indirect.ttl"))
    func graphStoreIndirect(_ test: W3CProtocolTest) async throws {
        try await run(test)
    }

    @Test(arguments: W3CManifest.tests("graph-store-protocol/manifest-direct.ttl"))
    func graphStoreDirect(_ test: W3CProtocolTest) async throws {
        try await run(test)
    }

    @Test func manifestsWereRead() {
        #expect(W3CManifest.tests("protocol/manifest.ttl").count == 34)
        #expect(W3CManifest.tests("graph-store-protocol/manifest-indirect.ttl").count == 9)
        #expect(W3CManifest.tests("graph-store-protocol/manifest-direct.ttl").count == 4)
    }

    func run(_ test: W3CProtocolTest) async throws {
        try await TestServer.run(data: "") { client, store in
            for (file, graph) in test.graphData {
                try await store.load(file: file, format: .ntriples, into: .iri(IRI(graph)))
            }
            var location: String?
            for (index, exchange) in test.exchanges.enumerated() {
                let step = "\(test.identifier) step \(index + 1)"
                let (uri, headers, body) = Self.request(for: exchange, location: location)
                let response = try await client.execute(uri: uri, method: HTTPRequest.Method(exchange.method)!, headers: headers, body: body)
                let status = response.status.code
                #expect(
                    exchange.statuses.contains(status) || exchange.statusClasses.contains(status / 100),
                    "\(step): \(exchange.method) \(uri) gave \(status): \(response.text.prefix(300))"
                )
                if exchange.expectedLocation != nil { location = response.headers[.location] }
                let contentType = (response.headers[.contentType] ?? "").lowercased().replacingOccurrences(of: " ", with: "")
                if let format = exchange.expectedFormat {
                    let resultTypes = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"]
                    let isResults = resultTypes.contains { contentType.hasPrefix($0) }
                    #expect(format == "RDF" ? !isResults && !contentType.isEmpty : isResults, "\(step): \(contentType) for \(format)")
                }
                if let expected = exchange.expectedBoolean {
                    let json = try JSONSerialization.jsonObject(with: Data(response.bytes)) as? [String: Any]
                    #expect(json?["boolean"] as? Bool == expected, "\(step): \(response.text)")
                }
                for (name, value) in exchange.expectedHeaders where name.lowercased() == "content-type" {
                    #expect(contentType == value.lowercased().replacingOccurrences(of: " ", with: ""), "\(step)")
                }
                if let expected = exchange.expectedBody, exchange.method != "HEAD" {
                    let actualGraph = try parseRDF(response.bytes, format: .turtle, baseIRI: "http://www.example/")
                    let expectedGraph = try parseRDF(Array(expected.utf8), format: .turtle, baseIRI: "http://www.example/")
                    #expect(Self.looselyIsomorphic(actualGraph, expectedGraph), "\(step): got \(response.text)")
                }
            }
        }
    }

    /// The request to send for a manifest exchange.
    static func request(for exchange: W3CProtocolTest.Exchange, location: String?) -> (String, HTTPFields, ByteBuffer?) {
        var headers: HTTPFields = [:]
        for (name, value) in exchange.headers { headers[HTTPField.Name(name)!] = value }
        var path = exchange.path
        var body = exchange.body
        if let location {
            path = path.replacingOccurrences(of: "$LOCATION$", with: location.urlEncoded)
            body = body?.replacingOccurrences(of: "$LOCATION$", with: location)
        }
        let isUpdate =
            headers[.contentType]?.hasPrefix("application/sparql-update") == true
            || (exchange.method == "POST" && body?.hasPrefix("update=") == true)
        if path.hasPrefix("/sparql/") {
            path = (isUpdate ? "/update" : "/sparql") + path.dropFirst("/sparql/".count)
        } else if path.hasPrefix("/gsp/") {
            path = "/graphs/" + path.dropFirst("/gsp/".count)
        } else if path.hasPrefix("/gsp") {
            path = "/store" + path.dropFirst("/gsp".count)
        }
        if isUpdate || ["PUT", "POST", "DELETE"].contains(exchange.method) && !path.hasPrefix("/sparql") {
            headers[.authorization] = "Bearer \(TestServer.token)"
        }
        let bytes: ByteBuffer? = body.map { text in
            exchange.bodyEncoding?.uppercased() == "UTF-16"
                ? ByteBuffer(bytes: Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) : ByteBuffer(string: text)
        }
        return (path, headers, bytes)
    }

    /// Equal graphs, blank nodes compared by the predicates and ground terms around them.
    static func looselyIsomorphic(_ lhs: [Quad], _ rhs: [Quad]) -> Bool {
        func canonical(_ quads: [Quad]) -> [String] {
            quads.map { quad in
                [quad.subject, quad.predicate, quad.object].map { $0.isBlankNode ? "_:" : $0.description }.joined(separator: " ")
            }.sorted()
        }
        return lhs.count == rhs.count && canonical(lhs) == canonical(rhs)
    }
}
