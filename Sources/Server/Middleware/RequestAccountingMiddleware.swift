import Hummingbird
import Logging

/// One log line and one count per request, once its answer is complete: the log names method, path, status and
/// duration (never the query string's secrets: no `Authorization` header, no body); the metrics count requests by route
/// pattern, method and status and time them to the last byte of a streamed body (STYLE.md §7). One middleware for
/// both: they wrap the same body and read the same clock, and every layer of middleware costs each request a task
/// frame and a copy of its request and response.
struct RequestAccountingMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        let logger = context.logger
        let method = request.method.rawValue
        let path = request.uri.path
        let status = response.status.code
        let route = context.endpointPath ?? "unmatched"
        let metrics = self.metrics
        /// Counts and logs the request once its body has ended, or stopped with `error`.
        let account: @Sendable ((any Error)?) -> Void = { error in
            let duration = ContinuousClock.now - start
            metrics.recordRequest(route: route, method: method, status: status, duration: duration)
            if let error {
                logger.info("\(method) \(path) \(status) aborted", metadata: ["error": "\(error)"])
            } else {
                logger.info("\(method) \(path) \(status) \(duration.milliseconds) ms")
            }
        }
        // A body of known length is already complete: account for it now, and keep Hummingbird's one-write fast path.
        guard response.body.contentLength == nil else {
            account(nil)
            return response
        }
        let body = response.body
        response.body = ResponseBody { writer in
            do {
                try await body.write(writer)
            } catch {
                account(error)
                throw error
            }
            account(nil)
        }
        return response
    }
}

extension Duration {
    /// The duration in whole milliseconds.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
