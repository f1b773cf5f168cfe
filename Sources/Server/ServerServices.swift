import Foundation
import Logging
import RDF
import Resolver
package import Search
package import Store
import Synchronization

/// Everything the routes share, built once per server: the services over the store, and the server's settings.
package final class ServerServices: Sendable {
    package let configuration: ServerConfiguration
    package let store: QuadStore
    package let queries: QueryService
    package let updates: UpdateService
    package let graphStore: GraphStoreService
    package let authorization: UpdateAuthorization
    package let metrics: ServerMetrics
    package let namedQueries: NamedQueries
    package let puris: PURIService
    /// The full-text index, built from the store when the server starts and kept in step with every write.
    package let search: SearchIndex
    let syntaxHost: RDFSyntaxHost
    package let dumps: DumpRepository
    /// Wakes requests waiting for a version (`?min-version=N`).
    package let versions: VersionWaiter
    /// Bans what each commit changed in the caches in front; `nil` without `--purge`.
    package let purger: CachePurger?
    /// The temporary dump folder to remove at shutdown, when the configuration named none.
    private let temporaryDumps: String?
    private let isShutDown = Mutex(false)

    package init(configuration: ServerConfiguration, store: QuadStore) {
        self.configuration = configuration
        self.store = store
        let syntaxHost = RDFSyntaxHost()
        self.syntaxHost = syntaxHost
        let limiter = ComputeLimiter(permits: configuration.maxConcurrentQueries)
        let baseURL = configuration.publicBaseURL
        do {
            search = try SearchIndex.attach(to: store, path: configuration.searchIndexPath)
        } catch {
            // A broken index file must not keep the server down: a temporary index is rebuilt from the store.
            search = try! SearchIndex.attach(to: store)
        }
        var settings = QuerySettings(
            baseIRI: baseURL + "/sparql",
            unionDefaultGraph: configuration.unionDefaultGraph,
            defaultTimeout: configuration.queryTimeout,
            maxTimeout: configuration.maxQueryTimeout
        )
        settings.services = [SearchService.iri: SearchService(index: search)]
        queries = QueryService(store: store, limiter: limiter, settings: settings)
        var updateSettings = settings
        updateSettings.baseIRI = baseURL + "/update"
        updates = UpdateService(store: store, baseIRI: baseURL + "/update", settings: updateSettings)
        graphStore = GraphStoreService(store: store, syntaxHost: syntaxHost, limiter: limiter, baseURL: baseURL)
        if case .replica(let source) = configuration.replication {
            authorization = UpdateAuthorization(token: nil, replicaOf: source)
        } else {
            authorization = UpdateAuthorization(token: configuration.updateToken)
        }
        metrics = ServerMetrics()
        namedQueries = NamedQueries(directory: configuration.queriesDirectory)
        puris = PURIService(store: store, namespaces: configuration.puriNamespaces, baseURL: baseURL)
        temporaryDumps =
            configuration.dumpsDirectory == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-dumps-\(UUID().uuidString)").path : nil
        versions = VersionWaiter(store: store)
        purger = configuration.purgeURLs.isEmpty ? nil : CachePurger(store: store, urls: configuration.purgeURLs)
        dumps = DumpRepository(directory: configuration.dumpsDirectory ?? temporaryDumps!, limiter: limiter)
    }

    /// What the VoID and DCAT descriptions say about this server.
    package var catalogueFacts: CatalogueFacts {
        CatalogueFacts(
            baseURL: configuration.publicBaseURL, title: configuration.catalogTitle, description: configuration.catalogDescription,
            publisherName: configuration.publisherName, uriSpaces: configuration.puriNamespaces.all.map(\.base))
    }

    /// Stops the server's own threads (raptor's, the query threads), once: later calls do nothing.
    package func shutdown() async {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        await syntaxHost.close()
        await queries.limiter.shutdown()
        search.close()
        if let temporaryDumps { try? FileManager.default.removeItem(atPath: temporaryDumps) }
    }
}
