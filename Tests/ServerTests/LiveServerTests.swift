import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import Server

/// Over a real socket: a query, and `/health` staying fast while a heavy query runs.
@Suite struct LiveServerTests {
    @Test func answersOverASocket() async throws {
        try await TestServer.run(setup: .live) { client, _ in
            let response = try await client.query(
                "SELECT ?name WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name",
                accept: "text/csv"
            )
            #expect(response.status == .ok)
            #expect(response.text == "name\r\nAlice\r\nBob\r\n")
            #expect(response.headers[.vary] == "Accept")
        }
    }

    @Test func healthStaysFastWhileAHeavyQueryRuns() async throws {
        try await TestServer.run(data: TimeoutTests.data, setup: .live) { client, _ in
            let port = try #require(client.port, "the live test server has no port")
            let heavyDone = Flag()
            // The heavy query on a connection of its own; it computes until its 15 s limit (a 503 that says so).
            let heavy = Task {
                let other = TestClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(60)))
                other.connect()
                defer { Task { try? await other.shutdown() } }
                let uri = "/sparql?query=\(TimeoutTests.silent.urlEncoded)&timeout=15"
                let response = try await other.execute(TestClient.Request(uri, method: .get, authority: "localhost"))
                heavyDone.value.store(true, ordering: .sequentiallyConsistent)
                return (response.status, response.body.map { String(buffer: $0) } ?? "")
            }
            try await Task.sleep(for: .milliseconds(300))
            // /health answers while the query holds a compute permit: each answer comes before the heavy query
            // ends, and within a bound generous enough for a loaded machine yet below the query's 15 s.
            for _ in 0..<5 {
                let started = ContinuousClock.now
                let health = try await client.execute(uri: "/health", method: .get)
                let took = ContinuousClock.now - started
                #expect(health.status == .ok)
                #expect(took < .seconds(10), "/health took \(took) while a heavy query ran")
                let ended = heavyDone.value.load(ordering: .sequentiallyConsistent)
                #expect(!ended, "the heavy query had already ended: /health was not tested beside it")
            }
            // It ran (rather than waiting for a permit) until its own limit.
            let (status, message) = try await heavy.value
            #expect(status == .serviceUnavailable)
            #expect(message.contains("did not finish within its limit of 15 s"), "\(message)")
        }
    }
}

/// A flag one task sets and another reads.
private final class Flag: Sendable {
    let value = Atomic<Bool>(false)
}
