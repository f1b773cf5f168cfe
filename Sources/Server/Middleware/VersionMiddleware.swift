import HTTPTypes
import Hummingbird
import Store

/// `X-Lodestar-Version` on every response, and `?min-version=N` on any request: the request waits until this server's
/// store has reached version N (a replica catching up with a write the client made on the primary), for at most
/// `timeout`, then gets 503 with `Retry-After`.
///
/// The version a read sends is the store's when the handler starts: the snapshot the handler reads is that one or newer. A
/// handler that knows its snapshot exactly (documents, dumps) sets the header itself, and it is kept.
///
/// It reads `min-version` from the query string `URLTextMiddleware` parsed (`LodestarRequestContext.urlFields`).
struct VersionMiddleware: RouterMiddleware {
    typealias Context = LodestarRequestContext

    let store: QuadStore
    let waiter: VersionWaiter
    let timeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let value = context.urlFields.first("min-version") {
            guard let target = UInt64(value) else {
                return ErrorResponses.response(for: RequestError.badRequest("min-version must be a whole number from 0, not '\(value)'"))
            }
            guard await waiter.wait(until: target, timeout: timeout) else {
                let current = store.snapshot().version
                var response = Response.text(
                    "this server is at version \(current) and did not reach version \(target) within \(timeout); try again\n",
                    status: .serviceUnavailable)
                response.headers[.retryAfter] = "1"
                response.headers[.lodestarVersion] = String(current)
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
        let before = store.snapshot().version
        var response = try await next(request, context)
        // A read reports the version it started from; a write the one after it, which holds the write: a client passes
        // it as `?min-version=` to a replica to read what it wrote.
        let isRead = request.method == .get || request.method == .head
        if response.headers[.lodestarVersion] == nil {
            response.headers.append(HTTPField(name: .lodestarVersion, value: String(isRead ? before : store.snapshot().version)))
        }
        return response
    }
}
