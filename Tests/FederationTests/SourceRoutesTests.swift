import Federation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Server
import Store
import Testing

/// `/sources` over HTTP: listing, history, a run's report (HTML escaped, SEMIC's columns), and harvest with the token.
@Suite struct SourceRoutesTests {
    static let token = "federation-token"

    func withServer(_ test: @Sendable (any TestClientProtocol, QuadStore) async throws -> Void) async throws {
        let store = try await QuadStore.open(.memory)
        let configuration = ServerConfiguration(baseURL: "http://lodestar.test", updateToken: Self.token)
        let services = ServerServices(configuration: configuration, store: store)
        var logger = Logger(label: "federation.test")
        logger.logLevel = .warning
        let application = LodestarServer(configuration: configuration, store: store, logger: logger).makeApplication(services: services)
        do {
            try await application.test(.router) { client in try await test(client, store) }
        } catch {
            await services.shutdown()
            try? await store.close()
            throw error
        }
        await services.shutdown()
        try await store.close()
    }

    @Test func harvestingThroughHTTPAndReadingTheReports() async throws {
        guard let valid = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf"),
            let invalid = FederationFixtures.shared("joinup-federation-fixtures/invalid_adms.rdf")
        else { return }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("routes-\(UUID().uuidString).rdf").path
        try FileManager.default.copyItem(atPath: valid, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try await withServer { client, store in
            try await SourceRegistry.add(HarvestSource(name: "joinup", url: "file://" + copy, title: "Joinup <test> & co"), to: store)

            let listing = try await client.execute(uri: "/sources", method: .get, headers: [.accept: "text/html"])
            #expect(listing.status == .ok)
            let html = String(buffer: listing.body)
            #expect(html.contains("Joinup &lt;test&gt; &amp; co") && !html.contains("<test>"))
            let json = try await client.execute(uri: "/sources", method: .get, headers: [.accept: "application/json"])
            #expect(String(buffer: json.body).contains(#""name":"joinup""#))

            let refused = try await client.execute(uri: "/sources/joinup/harvest", method: .post)
            #expect(refused.status == .unauthorized)
            let auth: HTTPFields = [.authorization: "Bearer \(Self.token)"]
            let first = try await client.execute(uri: "/sources/joinup/harvest", method: .post, headers: auth)
            #expect(first.status == .ok)
            #expect(String(buffer: first.body).contains(#""outcome":"published""#))

            try FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: invalid, toPath: copy)
            let second = try await client.execute(uri: "/sources/joinup/harvest", method: .post, headers: auth)
            #expect(String(buffer: second.body).contains(#""outcome":"rejected""#))

            let history = try await client.execute(uri: "/sources/joinup", method: .get, headers: [.accept: "application/json"])
            let body = String(buffer: history.body)
            #expect(body.contains(#""run":1"#) && body.contains(#""run":2"#))

            let run = try await client.execute(uri: "/sources/joinup/runs/2", method: .get, headers: [.accept: "text/html"])
            let page = String(buffer: run.body)
            #expect(page.contains("<th>Rule</th><th>Severity</th><th>Class</th><th>Property</th><th>Subject</th><th>Message</th>"))
            #expect(page.contains("<td>1</td><td>error</td><td>dcat:Dataset</td><td>dcat:contactPoint</td><td>http://example.com/solution/1</td>"))

            let missing = try await client.execute(uri: "/sources/joinup/runs/9", method: .get)
            #expect(missing.status == .notFound)
            let unknown = try await client.execute(uri: "/sources/nope/harvest", method: .post, headers: auth)
            #expect(unknown.status == .notFound)
        }
    }
}
