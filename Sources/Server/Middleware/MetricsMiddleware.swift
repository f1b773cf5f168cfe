import Hummingbird

/// Counts requests by route pattern, method and status, and times them to the last byte of a streamed body
/// (STYLE.md §7; hummingbird's MetricsMiddleware does the same against the global metrics system).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        let status = response.status.code
        let metrics = self.metrics
        // A body of known length is already complete: record now, and keep Hummingbird's one-write fast path.
        guard response.body.contentLength == nil else {
            metrics.recordRequest(route: route, method: method, status: status, duration: ContinuousClock.now - start)
            return response
        }
        let body = response.body
        response.body = ResponseBody { writer in
            defer { metrics.recordRequest(route: route, method: method, status: status, duration: ContinuousClock.now - start) }
            try await body.write(writer)
        }
        return response
    }
}
