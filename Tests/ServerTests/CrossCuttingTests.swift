import CompressNIO
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import Server

/// Health, CORS, gzip, metrics, and unknown paths.
@Suite struct CrossCuttingTests {
    @Test func health() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "ok\n")
            #expect(try await client.execute(uri: "/nowhere", method: .get).status == .notFound)
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .seeOther)
            #expect(root.headers[.location] == "/sparql")
        }
    }

    @Test func corsOnReadsAndPreflights() async throws {
        try await TestServer.run { client, _ in
            let read = try await client.execute(uri: "/sparql?query=ASK%7B%7D", method: .get, headers: [.origin: "https://yasgui.example"])
            #expect(read.headers[.accessControlAllowOrigin] == "*")
            #expect(read.headers[.accessControlAllowCredentials] == nil)
            let error = try await client.execute(uri: "/sparql?query=ASK%7B", method: .get, headers: [.origin: "https://yasgui.example"])
            #expect(error.status == .badRequest)
            #expect(error.headers[.accessControlAllowOrigin] == "*")
            let preflight = try await client.execute(
                uri: "/update",
                method: .options,
                headers: [.origin: "https://yasgui.example", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type"]
            )
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
            #expect(preflight.headers[.accessControlAllowCredentials] == nil)
        }
    }

    @Test func gzipWhenAccepted() async throws {
        let data = (0..<200).map { "<http://example.org/s\($0)> <http://example.org/p> \"value \($0)\" .\n" }.joined()
        try await TestServer.run(data: data) { client, _ in
            let plain = try await client.query("SELECT * WHERE { ?s ?p ?o }")
            #expect(plain.headers[.contentEncoding] == nil)
            let query = "/sparql?query=" + "SELECT * WHERE { ?s ?p ?o }".urlEncoded
            let zipped = try await client.execute(uri: query, method: .get, headers: [.acceptEncoding: "gzip, deflate"])
            #expect(zipped.status == .ok)
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary] == "Accept, Accept-Encoding")
            #expect(zipped.body.readableBytes < plain.body.readableBytes)
            var compressed = zipped.body
            let inflated = try compressed.decompress(with: .gzip())
            #expect(String(buffer: inflated) == plain.text)
            // Small bodies are left alone.
            let small = try await client.execute(uri: "/health", method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(small.headers[.contentEncoding] == nil)
        }
    }

    @Test func metricsByRoutePattern() async throws {
        try await TestServer.run { client, _ in
            _ = try await client.query("ASK {}")
            _ = try await client.query("ASK {")
            _ = try await client.execute(uri: "/graphs/abc", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            #expect(metrics.contains(#"lodestar_http_requests_total{route="/sparql",method="GET",status="200"} 1"#))
            #expect(metrics.contains(#"lodestar_http_requests_total{route="/sparql",method="GET",status="400"} 1"#))
            #expect(metrics.contains(#"route="/graphs/**""#))
            #expect(!metrics.contains("/graphs/abc"))
            #expect(metrics.contains("lodestar_query_duration_seconds_bucket"))
            #expect(metrics.contains("lodestar_store_quads 4"))
            #expect(metrics.contains("lodestar_query_timeouts_total 0"))
        }
    }
}
