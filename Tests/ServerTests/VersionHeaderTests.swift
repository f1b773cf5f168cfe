import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RDF
import Store
import Synchronization
import Testing

@testable import Server

/// `X-Lodestar-Version` on every answer, and `?min-version=N` (read-your-writes on a replica) woken by commits.
@Suite struct VersionHeaderTests {
    private static let version = HTTPField.Name("X-Lodestar-Version")!

    @Test func everyAnswerCarriesTheStoreVersion() async throws {
        try await TestServer.run { client, store in
            let before = store.snapshot().version
            for uri in ["/health", "/sparql?query=ASK%7B%7D", "/no/such/path", "/dumps/all.nq", "/catalog"] {
                let response = try await client.get(uri)
                #expect(response.headers[Self.version] == String(before), "\(uri)")
            }
            let update = try await client.post(
                "/update", body: "INSERT DATA { <http://example.org/c> <http://example.org/p> 1 }",
                contentType: "application/sparql-update", token: TestServer.token)
            #expect(update.status == .noContent)
            #expect(update.headers[Self.version] == String(store.snapshot().version), "a write reports the version holding it")
            let after = try await client.get("/sparql?query=ASK%7B%7D")
            #expect(after.headers[Self.version] == String(store.snapshot().version))
            #expect(store.snapshot().version > before)
        }
    }

    @Test func aReachedVersionAnswersAtOnce() async throws {
        try await TestServer.run { client, store in
            let current = store.snapshot().version
            let response = try await client.get("/sparql?query=ASK%7B%7D&min-version=\(current)")
            #expect(response.status == .ok)
            #expect(response.headers[Self.version] == String(current))
        }
    }

    @Test func anUnreachedVersionTimesOutWith503() async throws {
        var configuration = TestServer.configuration()
        configuration.minVersionTimeout = 0.2
        try await TestServer.run(configuration) { client, store in
            let target = store.snapshot().version + 5
            let response = try await client.get("/doc/dr8/Anything?min-version=\(target)")
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "1")
            #expect(response.text.contains("did not reach version \(target)"))
            #expect(store.snapshot().version == target - 5)
        }
    }

    @Test func aMalformedVersionIsRefused() async throws {
        try await TestServer.run { client, _ in
            for value in ["abc", "-1", "1.5"] {
                let response = try await client.get("/health?min-version=\(value)")
                #expect(response.status == .badRequest, "\(value)")
                #expect(response.text.contains("min-version"))
            }
        }
    }

    /// The middleware parses the query string for the routes; one that is not UTF-8 still gets the route-independent
    /// 400 naming the field, whether or not it asks for a version.
    @Test func theQueryStringParsedHereServesTheRoutesAndBadTextIsStill400() async throws {
        try await TestServer.run { client, store in
            let current = store.snapshot().version
            let query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }".urlEncoded
            let counted = try await client.get("/sparql?min-version=\(current)&query=\(query)&format=csv")
            #expect(counted.status == .ok)
            #expect(counted.text == "n\r\n2\r\n")
            for uri in ["/sparql?query=ASK%7B%7D%FF&min-version=\(current)", "/resource?iri=%FF", "/health?x=%C3"] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.text.contains("is not UTF-8 once percent-decoded"), "\(uri): \(response.text)")
            }
        }
    }

    @Test func aWaitingRequestIsWokenByTheCommitThatReachesItsVersion() async throws {
        let store = try await QuadStore.open(.memory)
        let waiter = VersionWaiter(store: store)
        let target = store.snapshot().version + 2
        let waiting = Task { await waiter.wait(until: target, timeout: .seconds(60)) }
        while waiter.waitingCount == 0 { await Task.yield() }
        try await store.load(bytes: Array("<http://e/a> <http://e/p> \"1\" .\n".utf8), name: "a.nt", format: .ntriples, baseIRI: "http://e/")
        #expect(waiter.waitingCount == 1, "one commit short of the target: still waiting")
        try await store.load(bytes: Array("<http://e/a> <http://e/p> \"2\" .\n".utf8), name: "b.nt", format: .ntriples, baseIRI: "http://e/")
        #expect(await waiting.value)
        #expect(waiter.waitingCount == 0)
        // A cancelled wait ends at once, and leaves nothing registered.
        let cancelled = Task { await waiter.wait(until: target + 100, timeout: .seconds(60)) }
        while waiter.waitingCount == 0 { await Task.yield() }
        cancelled.cancel()
        #expect(await cancelled.value == false)
        #expect(waiter.waitingCount == 0)
        try await store.close()
    }

    @Test func aRequestWaitsForAWriteOverHTTP() async throws {
        try await TestServer.run { client, store in
            let target = store.snapshot().version + 1
            let ask = "/sparql?query=ASK%7B%3Chttp%3A%2F%2Fe%2Fnew%3E%20%3Fp%20%3Fo%7D&min-version=\(target)"
            async let read = client.get(ask, accept: "application/sparql-results+json")
            try await store.load(bytes: Array("<http://e/new> <http://e/p> \"1\" .\n".utf8), name: "a.nt", format: .ntriples, baseIRI: "http://e/")
            let response = try await read
            #expect(response.status == .ok)
            #expect(response.text.contains("true"), "the answer is computed from the version asked for, which holds the write")
            #expect(UInt64(response.headers[Self.version] ?? "") ?? 0 >= target)
        }
    }
}
