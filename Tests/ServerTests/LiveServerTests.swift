import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
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
            guard let port = client.port else { return }
            // The heavy query on a connection of its own.
            let heavy = Task {
                let other = TestClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(30)))
                other.connect()
                defer { Task { try? await other.shutdown() } }
                let uri = "/sparql?query=\(TimeoutTests.silent.urlEncoded)&timeout=3"
                return try await other.execute(TestClient.Request(uri, method: .get, authority: "localhost")).status
            }
            try await Task.sleep(for: .milliseconds(300))
            // /health is answered while the query holds the only compute permit (no timing bound: shared machines are
            // noisy; Benchmarks/endpoint.py measures latency).
            for _ in 0..<5 {
                let health = try await client.execute(uri: "/health", method: .get)
                #expect(health.status == .ok)
            }
            #expect(try await heavy.value == .serviceUnavailable)
        }
    }
}
