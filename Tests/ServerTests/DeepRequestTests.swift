import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import Server

/// Long chains of left-associative operators once crashed the server (issue 15). Ten times the length that crashed,
/// each query and update gets a 400 naming the limit and its position, and the server keeps answering; just below
/// the limit they are answered.
@Suite struct DeepRequestTests {
    /// Query shapes by name, and their text with `n` links (the lengths that crashed are in `tenTimesPastTheCrash`).
    static let queries: [(String, @Sendable (Int) -> String)] = [
        ("+", { n in "SELECT (" + Array(repeating: "1", count: n).joined(separator: " + ") + " AS ?x) {}" }),
        ("&&", { n in "SELECT * { FILTER(" + Array(repeating: "true", count: n).joined(separator: " && ") + ") }" }),
        ("||", { n in "ASK { FILTER(" + Array(repeating: "false", count: n).joined(separator: " || ") + ") }" }),
        ("FILTERs", { n in "SELECT * { " + String(repeating: "FILTER(true) ", count: n) + "}" }),
        ("path /", { n in "SELECT * { ?s " + Array(repeating: "<p>", count: n).joined(separator: "/") + " ?o }" }),
        ("path |", { n in "SELECT * { ?s " + Array(repeating: "<p>", count: n).joined(separator: "|") + " ?o }" }),
        ("groups", { n in "SELECT * { " + String(repeating: "{ ?s <p> ?o } ", count: n) + "}" }),
        ("UNION", { n in "SELECT * { " + Array(repeating: "{ ?s <p> ?o }", count: n).joined(separator: " UNION ") + " }" }),
        ("OPTIONAL", { n in "SELECT * { ?s <p> ?o " + String(repeating: "OPTIONAL { ?s <q> ?o } ", count: n) + "}" }),
        ("BIND", { n in "SELECT * { " + (0..<n).map { "BIND(\($0) AS ?v\($0)) " }.joined() + "}" }),
    ]

    static let updates: [(String, @Sendable (Int) -> String)] = [
        ("update +", { n in "DELETE { ?s <p> ?o } WHERE { ?s <p> ?o FILTER(" + Array(repeating: "1", count: n).joined(separator: " + ") + " = 0) }" }),
        ("update UNION", { n in "DELETE { ?s <p> ?o } WHERE { " + Array(repeating: "{ ?s <p> ?o }", count: n).joined(separator: " UNION ") + " }" }),
        ("update path", { n in "INSERT { ?s <r> ?o } WHERE { ?s " + Array(repeating: "<p>", count: n).joined(separator: "/") + " ?o }" }),
    ]

    /// Ten times the smallest length that crashed the server before the limit.
    static func tenTimesPastTheCrash(_ name: String) -> Int {
        switch name {
        case "+", "update +", "BIND", "OPTIONAL": 40_000
        case "&&", "||", "FILTERs": 50_000
        case "path /", "groups", "update path": 200_000
        case "UNION", "update UNION": 500_000
        default: 1_000_000
        }
    }

    /// The time limit covers parsing too: generous, so that a loaded machine's debug build still gets to the answer
    /// these tests are about (a 503 is right when the limit passes first, but is not what is checked here).
    static var configuration: ServerConfiguration {
        var configuration = TestServer.configuration()
        configuration.queryTimeout = 300
        configuration.maxQueryTimeout = 300
        return configuration
    }

    @Test func chainsFarPastTheLimitAnswer400WithThePosition() async throws {
        try await TestServer.run(Self.configuration) { client, _ in
            for (name, text) in Self.queries {
                let response = try await client.post("/sparql", body: text(Self.tenTimesPastTheCrash(name)), contentType: "application/sparql-query")
                Self.expectRefused(response, name)
            }
            for (name, text) in Self.updates {
                let response = try await client.post(
                    "/update", body: text(Self.tenTimesPastTheCrash(name)), contentType: "application/sparql-update", token: TestServer.token)
                Self.expectRefused(response, name)
            }
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let after = try await client.query("ASK { ?s ?p ?o }")
            #expect(after.status == .ok)
        }
    }

    /// Just below the height limit, each shape is answered, or refused with a 503 when its 3 s pass first (planning a
    /// chain analyses at each level what lies below it, quadratic in all; a debug build gets there), and the server
    /// goes on. Shapes that become one join (a group's elements, a path's steps) at 1,500.
    @Test func chainsJustBelowTheLimitAreAnswered() async throws {
        try await TestServer.run { client, _ in
            for (name, text) in Self.queries {
                let joins = name == "groups" || name == "path /"
                let response = try await client.post("/sparql?timeout=3", body: text(joins ? 1_500 : 9_900), contentType: "application/sparql-query")
                #expect(response.status == .ok || response.status == .serviceUnavailable, "\(name): \(response.text.prefix(300))")
            }
            for (name, text) in Self.updates {
                let body = text(name == "update path" ? 1_500 : 9_900)
                let response = try await client.post("/update?timeout=3", body: body, contentType: "application/sparql-update", token: TestServer.token)
                let answered = response.status == .ok || response.status == .noContent || response.status == .serviceUnavailable
                #expect(answered, "\(name): \(response.text.prefix(300))")
            }
            #expect(try await client.query("ASK { ?s ?p ?o }").status == .ok)
        }
    }

    static func expectRefused(_ response: TestResponse, _ name: String) {
        #expect(response.status == .badRequest, "\(name)")
        #expect(response.text.contains("more than 10000 levels deep"), "\(name): \(response.text.prefix(300))")
        #expect(response.text.contains("line 1 column "), "\(name): \(response.text.prefix(300))")
    }
}
