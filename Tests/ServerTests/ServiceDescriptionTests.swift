import JSONLD
import HTTPTypes
import HummingbirdTesting
import RDF
import Redland
import Foundation
import Testing

@testable import Server

/// Bare `GET /sparql`: the service description for RDF clients, the query page for browsers, `/queries/{name}`.
@Suite struct ServiceDescriptionTests {
    static let sd = "http://www.w3.org/ns/sparql-service-description#"

    @Test func describesTheServiceInTurtle() async throws {
        var configuration = TestServer.configuration()
        configuration.unionDefaultGraph = true
        try await TestServer.run(configuration) { client, _ in
            let response = try await client.execute(uri: "/sparql", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/turtle; charset=utf-8")
            #expect(response.headers[.vary] == "Accept")
            let quads = try parseRDF(response.bytes, format: .turtle)
            func objects(_ predicate: String) -> [Term] { quads.filter { $0.predicate == .iri(Self.sd + predicate) }.map(\.object) }
            #expect(objects("endpoint") == [.iri("http://lodestar.test/sparql")])
            #expect(Set(objects("supportedLanguage")) == [.iri(Self.sd + "SPARQL11Query"), .iri(Self.sd + "SPARQL11Update")])
            #expect(objects("resultFormat").contains(.iri("http://www.w3.org/ns/formats/SPARQL_Results_JSON")))
            #expect(objects("resultFormat").contains(.iri("http://www.w3.org/ns/formats/Turtle")))
            #expect(objects("resultFormat").contains(.iri("http://www.w3.org/ns/formats/JSON-LD")))
            #expect(objects("feature").contains(.iri(Self.sd + "UnionDefaultGraph")))
            #expect(objects("defaultDataset").count == 1)
            #expect(Set(objects("name")) == [.iri("http://example.org/g1"), .iri("http://example.org/g2")])
            let sizes = quads.filter { $0.predicate == .iri("http://rdfs.org/ns/void#triples") }
            #expect(sizes.count == 3)
        }
    }

    @Test func otherSyntaxesAndNoUpdateWithoutToken() async throws {
        try await TestServer.run(TestServer.configuration(token: nil)) { client, _ in
            let ntriples = try await client.execute(uri: "/sparql", method: .get, headers: [.accept: "application/n-triples"])
            let quads = try parseRDF(ntriples.bytes, format: .ntriples)
            #expect(!quads.contains { $0.object == .iri(Self.sd + "SPARQL11Update") })
            #expect(!quads.contains { $0.object == .iri(Self.sd + "UnionDefaultGraph") })
            let rdfxml = try await client.execute(uri: "/sparql?format=rdf", method: .get)
            #expect(rdfxml.headers[.contentType] == "application/rdf+xml")
            #expect(try parseRDF(rdfxml.bytes, format: .rdfxml).count == quads.count)
            let jsonld = try await client.execute(uri: "/sparql", method: .get, headers: [.accept: "application/ld+json"])
            #expect(try JSONLDParser.parse(jsonld.bytes).count == quads.count)
            let refused = try await client.execute(uri: "/sparql", method: .get, headers: [.accept: "application/sparql-results+json"])
            #expect(refused.status == .notAcceptable)
        }
    }

    @Test func browsersGetTheQueryPage() async throws {
        try await TestServer.run { client, _ in
            let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            let response = try await client.execute(uri: "/sparql", method: .get, headers: [.accept: accept])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let page = response.text
            #expect(page.contains("<textarea"))
            #expect(page.contains("PREFIX skos: &lt;http://www.w3.org/2004/02/skos/core#&gt;"))
            #expect(page.contains("all-graphs"))
            #expect(page.contains("abb-by-label"))
            #expect(page.contains("view-members"))
            #expect(page.contains("data-format=\"jsonld\""))
            #expect(!page.contains("https://"))
            // Scripts and styles come from this server only (the CSP allows nothing else, and nothing inline).
            #expect(page.components(separatedBy: "<script src=\"").dropFirst().allSatisfy { $0.hasPrefix("/assets/") })
            #expect(page.contains("<script src=\"/assets/query.js\">"))
            #expect(!page.contains("<style"))
            #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    @Test func namedQueries() async throws {
        try await TestServer.run { client, _ in
            let query = try await client.execute(uri: "/queries/all-graphs", method: .get)
            #expect(query.status == .ok)
            #expect(query.headers[.contentType] == "application/sparql-query; charset=utf-8")
            #expect(query.text.contains("GRAPH ?graph"))
            #expect(try await client.execute(uri: "/queries/all-graphs.rq", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/queries/nothing", method: .get).status == .notFound)
            let list = try await client.execute(uri: "/queries", method: .get)
            #expect(list.text.contains("/queries/view-members"))
            // Every named query parses and runs.
            for name in ["all-graphs", "abb-by-label", "view-members"] {
                let text = try await client.execute(uri: "/queries/\(name)", method: .get).text
                #expect(try await client.query(text).status == .ok, "\(name)")
            }
        }
    }
}
