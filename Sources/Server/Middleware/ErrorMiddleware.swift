import Hummingbird
import Logging

/// Turns every error a route throws into its HTTP answer (`ErrorResponses`), so that the middleware outside it (CORS,
/// metrics, logging, compression) sees an ordinary response. Errors that are the server's fault are logged.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if ErrorResponses.isServerFault(error) {
                context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            return ErrorResponses.response(for: error)
        }
    }
}
