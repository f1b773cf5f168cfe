import Logging
import ServiceLifecycle
import Store

/// Runs beside the HTTP server in its service group. On graceful shutdown (SIGTERM, SIGINT) the group stops the HTTP
/// server first (it was added last), then this: it stops the server's raptor thread and, when it owns the store,
/// closes it, which syncs Redland.
struct ServerLifecycle: Service {
    let services: ServerServices
    let closesStore: Bool
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        await services.shutdown()
        if closesStore {
            try await services.store.close()
            logger.info("store closed")
        }
    }
}
