import Foundation
import HummingbirdTesting
import Logging
import RDF
import Server
import Store
import TestKit
import Testing

/// A live server over an in-memory store with one triple, for raw-socket tests; short connection deadlines, so that a
/// request whose head or body never ends costs a second, not fifteen.
enum LiveServer {
    /// Runs `test` with the server's port, on a thread of its own (its socket calls block).
    static func run(_ test: @escaping @Sendable (Int) throws -> Void) async throws {
        var configuration = ServerConfiguration(baseURL: "http://lodestar.test", updateToken: "s3cret-token", queryTimeout: 5, queriesDirectory: nil)
        configuration.connectionLimits = ConnectionLimits(idleTimeout: 1, headerTimeout: 1, bodyTimeout: 1)
        let store = try await QuadStore.open(.memory)
        try await store.load(bytes: Array("<http://e/a> <http://e/p> \"x\" .\n".utf8), name: "one.nt", format: .ntriples, baseIRI: "http://e/")
        let services = ServerServices(configuration: configuration, store: store)
        var logger = Logger(label: "lodestar.fuzz")
        logger.logLevel = .critical
        let application = LodestarServer(configuration: configuration, store: store, logger: logger).makeApplication(services: services)
        do {
            try await application.test(.live) { client in
                let port = try #require(client.port)
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    Thread {
                        do {
                            try test(port)
                            continuation.resume()
                        } catch {
                            continuation.resume(throwing: error)
                        }
                    }.start()
                }
            }
        } catch {
            await services.shutdown()
            try? await store.close()
            throw error
        }
        await services.shutdown()
        try await store.close()
    }

    /// The answer to `bytes` sent on a new connection, or `nil` if the server closed it without answering.
    static func exchange(_ bytes: [UInt8], port: Int) throws -> (status: Int, body: String)? {
        let socket = try RawSocket(port: port, readTimeout: 10)
        defer { socket.close() }
        // The server may answer and close before it has read everything (a refused head): a failed send is no failure.
        try? socket.send(bytes: bytes)
        let (text, _) = socket.readUntilClosed()
        guard !text.isEmpty else { return nil }
        return (RawSocket.status(of: text), RawSocket.body(of: text))
    }

    /// True if `/health` answers 200.
    static func health(port: Int) throws -> Bool {
        try exchange(Array("GET /health HTTP/1.1\r\nHost: lodestar.test\r\nConnection: close\r\n\r\n".utf8), port: port)?.status == 200
    }
}
