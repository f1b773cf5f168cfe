import Hummingbird
import Logging

/// One log line per request once its answer is complete: method, path, status, duration. Never the query string's
/// secrets: the `Authorization` header is not logged, and neither is a body.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        let logger = context.logger
        let method = request.method.rawValue
        let path = request.uri.path
        let status = response.status.code
        // A body of known length is already complete: log now, and keep Hummingbird's one-write fast path.
        guard response.body.contentLength == nil else {
            logger.info("\(method) \(path) \(status) \((ContinuousClock.now - start).milliseconds) ms")
            return response
        }
        let body = response.body
        response.body = ResponseBody { writer in
            do {
                try await body.write(writer)
            } catch {
                logger.info("\(method) \(path) \(status) aborted", metadata: ["error": "\(error)"])
                throw error
            }
            logger.info("\(method) \(path) \(status) \((ContinuousClock.now - start).milliseconds) ms")
        }
        return response
    }
}

extension Duration {
    /// The duration in whole milliseconds.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
