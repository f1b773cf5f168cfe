import Hummingbird

/// A strict Content-Security-Policy on every HTML page, and `X-Content-Type-Options: nosniff` on every answer.
///
/// Pages load scripts and styles only from this server (`/assets/…`): no inline script or style, no `eval`, nothing
/// from elsewhere, no framing; a literal that slips through escaping still cannot run.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if let type = response.headers[.contentType], type.lowercased().hasPrefix("text/html") {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        return response
    }
}
