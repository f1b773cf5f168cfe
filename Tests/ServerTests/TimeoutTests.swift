import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import Server

/// Time limits: 503 before the first byte, a visibly broken stream after it, and other requests answered meanwhile.
@Suite struct TimeoutTests {
    /// 200 subjects: a three-way cross product is 8 million rows, and a filter that never holds keeps it silent.
    static let data = (0..<200).map { "<http://example.org/s\($0)> <http://example.org/p> \"\($0)\" .\n" }.joined()
    static let silent = """
        SELECT ?a WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z FILTER(STRLEN(CONCAT(?x, ?y, ?z)) > 100) }
        """

    @Test func timeoutBeforeTheFirstByteIs503() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            // How soon the 503 comes is measured in Benchmarks/, not asserted on a shared machine.
            let response = try await client.query(Self.silent, parameters: "&timeout=0.5")
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("0.5 s"))
            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            #expect(metrics.contains("lodestar_query_timeouts_total 1"))
        }
    }

    @Test func timeoutIsCappedByTheMaximum() async throws {
        var configuration = TestServer.configuration()
        configuration.maxQueryTimeout = 0.5
        try await TestServer.run(configuration, data: Self.data) { client, _ in
            // Uncapped, the query would run through its 8 million rows and answer 200 with none.
            let response = try await client.query(Self.silent, parameters: "&timeout=3600")
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("0.5 s"))
        }
    }

    @Test func timeoutAfterTheFirstBytesBreaksTheStream() async throws {
        // The first branch fills more than two chunks at once; the second never yields and runs into the deadline.
        let query = """
            SELECT ?a WHERE { { ?a ?p ?x . ?b ?q ?y } UNION { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z FILTER(STRLEN(CONCAT(?x, ?y, ?z)) > 100) } }
            """
        _ = try await TestServer.run(data: Self.data) { client, _ in
            await #expect(throws: (any Error).self) {
                _ = try await client.query(query, parameters: "&timeout=1")
            }
        }
    }
}
