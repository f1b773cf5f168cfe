import ArgumentParser
import Foundation
import Logging
import Resolver
import Server
import Store

/// `lodestar serve`: the HTTP service (SPARQL query and update, Graph Store, service description) over the store.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the store over HTTP until SIGTERM or SIGINT.")

    @OptionGroup var location: StoreLocation
    @OptionGroup var syncOption: SyncOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The server's public URL (default: http://HOST:PORT).")
    var baseURL: String?

    @Option(help: "The token writes must present (default: $LODESTAR_UPDATE_TOKEN; without one, writes are off).")
    var updateToken: String?

    @Option(help: "Seconds a query may run unless it asks for less or more with ?timeout=.")
    var queryTimeout: Double = 30

    @Option(help: "The most seconds ?timeout= may ask for.")
    var maxQueryTimeout: Double = 300

    @Option(help: "How many queries may compute at once (default: one less than the cores, at least one).")
    var maxConcurrentQueries: Int?

    @Flag(help: "Make the default graph of queries the union of all graphs.")
    var unionDefaultGraph = false

    @Option(help: "The folder of named queries served at /queries/{name} and shown on the query page.")
    var queries = "Queries"

    @Option(name: .customLong("puri"), help: "A PURI namespace to serve besides dr8, as NS=BASE (e.g. eli=http://data.europa.eu/eli/); repeatable.")
    var puriNamespaces: [String] = []

    @Option(help: "The dataset's title in /catalog (DCAT-AP) and /.well-known/void.")
    var catalogTitle = "Lodestar"

    @Option(help: "The publisher's name in /catalog (DCAT-AP).")
    var publisher = "Lodestar"

    @Option(help: "Seconds a kept-alive connection may sit idle between requests.")
    var idleTimeout: Double = 60

    @Option(help: "Seconds a request's line and headers may take to arrive (408 past it).")
    var headerTimeout: Double = 15

    @Option(help: "Seconds a request body may pause between reads before the connection is closed.")
    var bodyTimeout: Double = 30

    @Option(help: "The most connections open at once; more get a 503 (default: 3/4 of the descriptor limit, at most 10000).")
    var maxConnections: Int?

    func validate() throws {
        guard idleTimeout > 0, headerTimeout > 0, bodyTimeout > 0 else {
            throw ValidationError("--idle-timeout, --header-timeout and --body-timeout must be positive numbers of seconds")
        }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1") }
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard queryTimeout > 0, maxQueryTimeout > 0 else { throw ValidationError("timeouts must be positive numbers of seconds") }
        if let maxConcurrentQueries, maxConcurrentQueries < 1 { throw ValidationError("--max-concurrent-queries must be at least 1") }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an http:// or https:// URL")
        }
        do {
            _ = try PURINamespaces(defaultPlus: puriNamespaces)
        } catch {
            throw ValidationError("--puri: \(error)")
        }
    }

    func run() async throws {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, logLevel: level) }
        let token = updateToken ?? ProcessInfo.processInfo.environment["LODESTAR_UPDATE_TOKEN"]
        let configuration = ServerConfiguration(
            host: host,
            port: port,
            baseURL: baseURL,
            updateToken: token,
            queryTimeout: queryTimeout,
            maxQueryTimeout: max(queryTimeout, maxQueryTimeout),
            unionDefaultGraph: unionDefaultGraph,
            maxConcurrentQueries: maxConcurrentQueries ?? ServerConfiguration.defaultConcurrentQueries,
            queriesDirectory: FileManager.default.fileExists(atPath: queries) ? queries : nil,
            puriNamespaces: try PURINamespaces(defaultPlus: puriNamespaces),
            dumpsDirectory: location.path + "/dumps",
            catalogTitle: catalogTitle,
            publisherName: publisher,
            connectionLimits: ConnectionLimits(
                idleTimeout: idleTimeout, headerTimeout: headerTimeout, bodyTimeout: bodyTimeout,
                maxConnections: maxConnections ?? ConnectionLimits.defaultMaxConnections)
        )
        let store = try await location.open(syncOption)
        if token == nil { Terminal.error("note: writes are off; pass --update-token TOKEN (or set LODESTAR_UPDATE_TOKEN) to allow them") }
        try await LodestarServer(configuration: configuration, store: store).run()
    }
}
