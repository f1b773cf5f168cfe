import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RDF
import Redland
import Server
import Store

/// A server over an in-memory store, for one test.
enum TestServer {
    /// A small dataset: two default-graph triples, one triple in each of two named graphs.
    static let data = """
        <http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice" .
        <http://example.org/bob> <http://xmlns.com/foaf/0.1/name> "Bob"@en .
        <http://example.org/alice> <http://xmlns.com/foaf/0.1/knows> <http://example.org/bob> <http://example.org/g1> .
        <http://example.org/bob> <http://xmlns.com/foaf/0.1/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/g2> .

        """

    static let token = "s3cret-token"

    static func configuration(token: String? = TestServer.token) -> ServerConfiguration {
        ServerConfiguration(
            baseURL: "http://lodestar.test",
            updateToken: token,
            queryTimeout: 10,
            maxQueryTimeout: 20,
            queriesDirectory: repositoryRoot + "/Queries"
        )
    }

    /// The repository's root folder, from this file's path.
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs `test` against a fresh server whose store holds `data` (N-Quads).
    static func run<T: Sendable>(
        _ configuration: ServerConfiguration = TestServer.configuration(),
        data: String = TestServer.data,
        setup: TestingSetup = .router,
        _ test: @Sendable (any TestClientProtocol, QuadStore) async throws -> T
    ) async throws -> T {
        let store = try await QuadStore.open(.memory)
        if !data.isEmpty {
            try await store.load(bytes: Array(data.utf8), name: "test.nq", format: .nquads, baseIRI: "http://example.org/")
        }
        let services = ServerServices(configuration: configuration, store: store)
        var logger = Logger(label: "lodestar.test")
        logger.logLevel = .warning
        let application = LodestarServer(configuration: configuration, store: store, logger: logger).makeApplication(services: services)
        do {
            let result = try await application.test(setup) { client in try await test(client, store) }
            await services.shutdown()
            try await store.close()
            return result
        } catch {
            await services.shutdown()
            try? await store.close()
            throw error
        }
    }
}

extension String {
    /// Percent-encoded for a query string value (everything but unreserved characters).
    var urlEncoded: String {
        addingPercentEncoding(
            withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        )!
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(body.readableBytesView) }
}

extension TestClientProtocol {
    /// GET `/sparql?query=…` with optional extra parameters and `Accept`.
    func query(_ query: String, accept: String? = nil, parameters: String = "") async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let accept { headers[.accept] = accept }
        return try await execute(uri: "/sparql?query=\(query.urlEncoded)\(parameters)", method: .get, headers: headers)
    }

    /// POST with a body and a content type (and, optionally, the update token as Bearer).
    func post(_ uri: String, body: String, contentType: String?, token: String? = nil, accept: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let contentType { headers[.contentType] = contentType }
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let accept { headers[.accept] = accept }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// A request with the update token as Bearer.
    func authorized(_ uri: String, method: HTTPRequest.Method, body: String? = nil, contentType: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(TestServer.token)"]
        if let contentType { headers[.contentType] = contentType }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}

/// Parses RDF in a test, on the calling thread, with a world of its own (worlds are not shared between threads).
func parseRDF(_ bytes: [UInt8], format: RDFFormat, baseIRI: String = "http://lodestar.test/") throws -> [Quad] {
    let world = try RedlandWorld()
    var quads: [Quad] = []
    try RDFReader.parse(bytes, format: format, baseIRI: baseIRI, world: world) { quads.append($0) }
    return quads
}
