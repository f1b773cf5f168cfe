import HTTPTypes
import Hummingbird
import Store

/// Surrogate keys for the HTTP cache in front (`SurrogateKeys`): a read whose route named none depends on the whole
/// store (`all store`). A write that committed waits, before it is answered, until the caches were told what it
/// changed (`CachePurger`), so reading through the cache right after it shows it.
struct CacheKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: QuadStore
    let purger: CachePurger?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let before = store.snapshot().version
        var response = try await next(request, context)
        if request.method == .get || request.method == .head {
            if response.headers[.surrogateKey] == nil {
                response.headers[.surrogateKey] = SurrogateKeys.everything + " " + SurrogateKeys.store
            }
        } else if let purger {
            let after = store.snapshot().version
            if after > before { await purger.waitUntilPurged(after) }
        }
        return response
    }
}
