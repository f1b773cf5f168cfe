import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RDF
import Store
import Testing

@testable import Server

/// `POST /update`: the token, both body forms, the protocol dataset, and failures that change nothing.
@Suite struct UpdateEndpointTests {
    static let insert = "INSERT DATA { <http://example.org/carol> <http://xmlns.com/foaf/0.1/name> \"Carol\" }"

    @Test func withoutAConfiguredTokenWritesAreOff() async throws {
        try await TestServer.run(TestServer.configuration(token: nil)) { client, store in
            let response = try await client.post("/update", body: Self.insert, contentType: "application/sparql-update", token: "anything")
            #expect(response.status == .forbidden)
            #expect(response.text.contains("--update-token"))
            #expect(response.text.contains("LODESTAR_UPDATE_TOKEN"))
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func missingOrWrongTokenIs401WithChallenge() async throws {
        try await TestServer.run { client, store in
            let missing = try await client.post("/update", body: Self.insert, contentType: "application/sparql-update")
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate]?.contains("Bearer") == true)
            #expect(missing.headers[.wwwAuthenticate]?.contains("Basic") == true)
            let wrong = try await client.post("/update", body: Self.insert, contentType: "application/sparql-update", token: "guess")
            #expect(wrong.status == .unauthorized)
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func directAndFormUpdatesWithBearerAndBasic() async throws {
        try await TestServer.run { client, store in
            let direct = try await client.post("/update", body: Self.insert, contentType: "application/sparql-update", token: TestServer.token)
            #expect(direct.status == .noContent)
            #expect(store.snapshot().count == 5)
            let basic = "Basic " + Data("admin:\(TestServer.token)".utf8).base64EncodedString()
            let form = try await client.execute(
                uri: "/update",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .authorization: basic],
                body: ByteBuffer(string: "update=" + "DELETE WHERE { <http://example.org/carol> ?p ?o }".urlEncoded)
            )
            #expect(form.status == .noContent)
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func syntaxErrorIs400WithPosition() async throws {
        try await TestServer.run { client, store in
            let response = try await client.post(
                "/update",
                body: "INSERT DATA {\n  <a> <b> }",
                contentType: "application/sparql-update",
                token: TestServer.token
            )
            #expect(response.status == .badRequest)
            #expect(response.text.contains("line 2"))
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func aFailingOperationChangesNothing() async throws {
        try await TestServer.run { client, store in
            let update = Self.insert + " ; CREATE GRAPH <http://example.org/g1>"
            let response = try await client.post("/update", body: update, contentType: "application/sparql-update", token: TestServer.token)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("already exists"))
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func anUpdateTooSlowForItsLimitIs503AndChangesNothing() async throws {
        try await TestServer.run { client, store in
            // A 40,000-item list: 80,001 quads, whose parse and change take far longer than 50 ms in a debug build.
            let items = (0..<40_000).map(String.init).joined(separator: " ")
            let update = "INSERT DATA { <http://example.org/list> <http://example.org/p> (\(items)) }"
            let response = try await client.post(
                "/update?timeout=0.05", body: update, contentType: "application/sparql-update", token: TestServer.token)
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("0.05 s"), "\(response.text)")
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func loadOfLocalFilesIsRefusedOverHTTP() async throws {
        try await TestServer.run { client, store in
            let response = try await client.post(
                "/update",
                body: "LOAD <file:///etc/hostname>",
                contentType: "application/sparql-update",
                token: TestServer.token
            )
            #expect(response.status == .badRequest)
            #expect(store.snapshot().count == 4)
        }
    }

    @Test func usingGraphParameters() async throws {
        try await TestServer.run { client, store in
            // Copy what g1 says about alice into g3, reading g1 as the default graph.
            let update = "INSERT { GRAPH <http://example.org/g3> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
            let uri = "/update?using-graph-uri=\("http://example.org/g1".urlEncoded)"
            let response = try await client.post(uri, body: update, contentType: "application/sparql-update", token: TestServer.token)
            #expect(response.status == .noContent)
            #expect(store.snapshot().quads(in: .iri(IRI("http://example.org/g3"))).count == 1)
            // With WITH in the update too, the dataset is given twice: 400.
            let conflict = "WITH <http://example.org/g1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
            let refused = try await client.post(uri, body: conflict, contentType: "application/sparql-update", token: TestServer.token)
            #expect(refused.status == .badRequest)
            #expect(store.snapshot().count == 5)
        }
    }

    @Test func methodsAndBodyTypes() async throws {
        try await TestServer.run { client, _ in
            let get = try await client.execute(uri: "/update?update=CLEAR%20ALL", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            let text = try await client.post("/update", body: "CLEAR ALL", contentType: "text/plain", token: TestServer.token)
            #expect(text.status == .unsupportedMediaType)
            let twice = try await client.post(
                "/update",
                body: "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
                contentType: "application/x-www-form-urlencoded",
                token: TestServer.token
            )
            #expect(twice.status == .badRequest)
            let utf16 = try await client.post(
                "/update",
                body: "CLEAR ALL",
                contentType: "application/sparql-update; charset=UTF-16",
                token: TestServer.token
            )
            #expect(utf16.status == .unsupportedMediaType)
        }
    }

    @Test func bodiesPastTheLimitAre413() async throws {
        var configuration = TestServer.configuration()
        configuration.maxRequestBodySize = 64
        try await TestServer.run(configuration) { client, store in
            let big = "INSERT DATA { <http://example.org/x> <http://example.org/p> \"\(String(repeating: "x", count: 200))\" }"
            let response = try await client.post("/update", body: big, contentType: "application/sparql-update", token: TestServer.token)
            #expect(response.status == .contentTooLarge)
            #expect(store.snapshot().count == 4)
        }
    }
}
