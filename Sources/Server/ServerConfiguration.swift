import Foundation
public import Resolver

/// How `lodestar serve` runs: where it listens, what it calls itself, who may write, and how long queries may take.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; loopback by default.
    public var host: String
    public var port: Int
    /// The server's public URL (`https://data.example.eu`), without a trailing slash: the base of query IRIs, of
    /// minted graph IRIs and of the service description. By default `http://HOST:PORT`.
    public var baseURL: String?
    /// The token writes must present (`Authorization: Bearer …`, or Basic with it as password); `nil` turns writes off.
    public var updateToken: String?
    /// Seconds a query may run when it does not ask for a limit with `?timeout=`.
    public var queryTimeout: Double
    /// The most seconds `?timeout=` may ask for.
    public var maxQueryTimeout: Double
    /// Whether the default graph of queries is the union of every graph.
    public var unionDefaultGraph: Bool
    /// How many queries may compute at once; by default one less than the cores (at least one), so that lookups and
    /// `/health` always find a free thread.
    public var maxConcurrentQueries: Int
    /// The largest request body accepted, in bytes (413 past it).
    public var maxRequestBodySize: Int
    /// The folder of named queries (`Queries/`); `nil` for none.
    public var queriesDirectory: String?
    /// The PURI namespaces served at `/{name}/{local…}` and `/doc/{name}/…` (`dr8` by default; more with `--puri NS=BASE`);
    /// also the `void:uriSpace`s of `/.well-known/void`.
    public var puriNamespaces: PURINamespaces
    /// Where dump files are kept (`STORE/dumps` for `lodestar serve`); `nil` for a temporary folder removed at shutdown.
    public var dumpsDirectory: String?
    /// The search index's SQLite file (rebuilt from the store when missing or stale); `nil` for a temporary file.
    public var searchIndexPath: String? = nil
    /// What `/catalog` and `/.well-known/void` call the dataset, and who publishes it.
    public var catalogTitle: String
    public var catalogDescription: String
    public var publisherName: String
    /// Timeouts for each stage of a connection and the cap on open connections.
    public var connectionLimits: ConnectionLimits
    /// Primary of a replicated change log, replica of one, or neither (issue 14).
    public var replication: ReplicationRole = .standalone
    /// The HTTP caches to tell what each commit changed (`--purge URL`): a `PURGE` request per commit, which the cache
    /// turns into a ban (`CachePurger`).
    public var purgeURLs: [String] = []
    /// The longest a request with `?min-version=N` waits for the store to reach version N, in seconds (then 503).
    public var minVersionTimeout: Double = 5
    /// Seconds open requests get to finish after SIGTERM or SIGINT; then they are cancelled and the server stops.
    public var drainTimeout: Double = 10

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        baseURL: String? = nil,
        updateToken: String? = nil,
        queryTimeout: Double = 30,
        maxQueryTimeout: Double = 300,
        unionDefaultGraph: Bool = false,
        maxConcurrentQueries: Int = ServerConfiguration.defaultConcurrentQueries,
        maxRequestBodySize: Int = 256 << 20,
        queriesDirectory: String? = "Queries",
        puriNamespaces: PURINamespaces = .standard,
        dumpsDirectory: String? = nil,
        catalogTitle: String = "Lodestar",
        catalogDescription: String = "Linked data of an interoperability catalogue: architecture building blocks, solutions and their persistent URIs.",
        publisherName: String = "Lodestar",
        connectionLimits: ConnectionLimits = ConnectionLimits()
    ) {
        self.host = host
        self.port = port
        self.baseURL = baseURL
        self.updateToken = updateToken
        self.queryTimeout = queryTimeout
        self.maxQueryTimeout = maxQueryTimeout
        self.unionDefaultGraph = unionDefaultGraph
        self.maxConcurrentQueries = maxConcurrentQueries
        self.maxRequestBodySize = maxRequestBodySize
        self.queriesDirectory = queriesDirectory
        self.puriNamespaces = puriNamespaces
        self.dumpsDirectory = dumpsDirectory
        self.catalogTitle = catalogTitle
        self.catalogDescription = catalogDescription
        self.publisherName = publisherName
        self.connectionLimits = connectionLimits
    }

    /// One less than the active cores (a core left for HTTP), but at least two: with one query thread every query waits
    /// behind the one running, and a descheduled thread stalls them all (on 2 cores, one-subject lookups under 16 clients
    /// ran at 60% of the throughput that two threads give).
    public static var defaultConcurrentQueries: Int { max(2, ProcessInfo.processInfo.activeProcessorCount - 1) }

    /// `baseURL`, or `http://host:port`, without a trailing slash.
    public var publicBaseURL: String {
        var url = baseURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
