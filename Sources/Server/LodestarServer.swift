import Foundation
package import Hummingbird
public import Logging
import ServiceLifecycle
public import Store
import UnixSignals

/// The HTTP service over one open store (DESIGN.md: HTTP): SPARQL 1.1 Protocol query and update, the Graph Store
/// protocol, the service description and query page, `/health`, `/metrics`.
///
/// ```swift
/// let store = try await QuadStore.open(.directory("./var/store"))
/// let server = LodestarServer(configuration: ServerConfiguration(port: 8080, updateToken: token), store: store)
/// try await server.run()   // until SIGTERM or SIGINT; the store is closed on the way out
/// ```
public struct LodestarServer: Sendable {
    public let configuration: ServerConfiguration
    public let store: QuadStore
    let logger: Logger

    public init(configuration: ServerConfiguration, store: QuadStore, logger: Logger = Logger(label: "lodestar.server")) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting connections, lets open requests finish for up to
    /// `configuration.drainTimeout` seconds, cancels those still open (a query stops at its next deadline check), and
    /// closes the store (synced: every acknowledged write is on disk). Should anything ignore the cancellation for
    /// another `cancellationGrace`, the process exits there: acknowledged writes are in the log either way.
    /// - Throws: if the address cannot be bound, or the store fails to close.
    public func run() async throws {
        let services = ServerServices(configuration: configuration, store: store)
        let application = makeApplication(services: services, closesStore: true)
        var group = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .milliseconds(Int64(configuration.drainTimeout * 1000))
        let watchdog = Task { [logger, drain = configuration.drainTimeout] in
            for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
                Self.exit(after: drain + Self.cancellationGrace, logger: logger)
                return
            }
        }
        defer { watchdog.cancel() }
        try await ServiceGroup(configuration: group).run()
    }

    /// Seconds cancelled requests and the store's close may take after the drain before the process exits anyway.
    static let cancellationGrace = 10.0

    /// Exits the process `seconds` from now, on a thread of its own (the cooperative pool may be what is stuck).
    private static func exit(after seconds: Double, logger: Logger) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: seconds)
            logger.critical("shutdown did not finish within the drain timeout and grace period: exiting", metadata: ["seconds": "\(seconds)"])
            Foundation.exit(1)
        }
        thread.name = "lodestar-shutdown-watchdog"
        thread.start()
    }

    /// The Hummingbird application: the routes with their middleware, and — when `closesStore` — a service that closes
    /// the store after the HTTP server has stopped (tests keep their store open and close it themselves).
    package func makeApplication(services: ServerServices, closesStore: Bool = false) -> some ApplicationProtocol {
        let router = Router(context: LodestarRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Outermost first: the request log and metrics see the final status and time the whole streamed body; compression
        // wraps everything below it; CORS and the other common headers go on errors too; the URL's text is checked and
        // its query string parsed before anything reads it; errors become responses innermost. Few layers: each costs
        // every request a task frame and a copy of its request and response.
        router.add(middleware: RequestAccountingMiddleware(metrics: services.metrics))
        router.add(middleware: CompressionMiddleware())
        router.add(middleware: ResponseHeadersMiddleware(store: services.store, purger: services.purger))
        router.add(middleware: URLTextMiddleware())
        router.add(
            middleware: VersionMiddleware(
                store: services.store, waiter: services.versions, timeout: .milliseconds(Int64(configuration.minVersionTimeout * 1000))))
        router.add(middleware: ConditionalGETMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.addRoutes(OperationalRoutes(services: services).collection())
        router.addRoutes(AssetRoutes().collection())
        router.addRoutes(SPARQLRoutes(services: services).collection())
        router.addRoutes(UpdateRoutes(services: services).collection())
        router.addRoutes(AdminRoutes(services: services).collection())
        router.addRoutes(GraphStoreRoutes(services: services).collection())
        router.addRoutes(DumpRoutes(services: services).collection())
        router.addRoutes(PURIRoutes(services: services).collection())
        router.addRoutes(SourceRoutes(services: services).collection())
        router.addRoutes(ResourceRoutes(services: services).collection())
        router.addRoutes(SearchRoutes(services: services).collection())
        let lifecycle = ServerLifecycle(services: services, closesStore: closesStore, logger: logger)
        var application = Application(
            router: router,
            server: .guardedHTTP1(limits: configuration.connectionLimits, connections: OpenConnections()),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "Lodestar"),
            services: [lifecycle],
            logger: logger
        )
        application.beforeServerStarts {
            logger.info("serving", metadata: ["url": "\(configuration.publicBaseURL)", "quads": "\(store.snapshot().count)"])
        }
        return application
    }
}
