import ArgumentParser
import Foundation
import Logging
import Replication
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

    @Option(help: "How many queries may compute at once (default: one less than the cores, at least two).")
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

    @Option(help: "Primary: ship every write to the change log in PostgreSQL at this postgresql:// URL before acknowledging it.")
    var replicateTo: String?

    @Option(help: "Replica: follow the change log in PostgreSQL at this postgresql:// URL; writes are refused (405).")
    var replicaOf: String?

    @Option(
        help: """
            Replica: where a new store (or one the log has trimmed past) starts: a backup directory ('lodestar backup'), \
            or the primary's URL (its /dumps/all.nq at the version it names).
            """)
    var bootstrap: String?

    @Option(
        name: .customLong("purge"),
        help: "An HTTP cache to tell what each commit changed (a PURGE request the cache turns into a ban, e.g. http://127.0.0.1:6081/); repeatable.")
    var purgeURLs: [String] = []

    @Option(help: "The most seconds a request with ?min-version=N waits for this server to reach version N (then 503).")
    var minVersionTimeout: Double = 5

    @Option(help: "Seconds open requests get to finish after SIGTERM or SIGINT before they are cancelled and the server stops.")
    var drainTimeout: Double = 10

    func validate() throws {
        if replicateTo != nil && replicaOf != nil {
            throw ValidationError("--replicate-to (a primary) and --replica-of (a replica) exclude each other")
        }
        if bootstrap != nil && replicaOf == nil { throw ValidationError("--bootstrap needs --replica-of") }
        guard drainTimeout >= 0 else { throw ValidationError("--drain-timeout must be zero or a positive number of seconds") }
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
        for url in purgeURLs where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw ValidationError("--purge must be an http:// or https:// URL, not '\(url)'")
        }
        guard minVersionTimeout > 0 else { throw ValidationError("--min-version-timeout must be a positive number of seconds") }
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
        var configuration = ServerConfiguration(
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
        configuration.drainTimeout = drainTimeout
        configuration.purgeURLs = purgeURLs
        configuration.minVersionTimeout = minVersionTimeout
        let store: QuadStore
        var follower: LogFollower?
        if let replicaOf {
            var options = StoreOptions.directory(location.path, sync: syncOption.mode)
            options.checkpointBytes = syncOption.checkpointBytes
            (store, follower) = try await ReplicaSetup.open(storePath: location.path, options: options, logURL: replicaOf, bootstrap: bootstrap)
            configuration.replication = .replica(FollowerStatus(follower: follower!))
            follower?.start()
        } else {
            store = try await location.open(syncOption)
            if let replicateTo {
                _ = try await LogAppender.start(url: replicateTo, store: store, primaryURL: configuration.publicBaseURL)
                configuration.replication = .primary(log: LogAppender.redacted(replicateTo))
            }
            if token == nil { Terminal.error("note: writes are off; pass --update-token TOKEN (or set LODESTAR_UPDATE_TOKEN) to allow them") }
        }
        try await LodestarServer(configuration: configuration, store: store).run()
        await follower?.stop()
    }
}
