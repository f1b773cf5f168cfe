import HTTPTypes
import Hummingbird

/// Cross-origin access for browser clients (YASGUI, a catalogue page on another site).
///
/// Every answer carries `Access-Control-Allow-Origin: *`, and preflight `OPTIONS` requests are answered here. No
/// answer ever carries `Access-Control-Allow-Credentials`, so a browser never sends cookies or cached Basic
/// credentials cross-origin: a cross-origin write must carry the token explicitly in `Authorization`, which a page
/// can only do if its user gave it the token.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    static var allowedMethods: String { "GET, HEAD, POST, PUT, DELETE, OPTIONS" }
    static var allowedHeaders: String { "Accept, Accept-Encoding, Authorization, Content-Type, If-None-Match, Origin" }
    static var exposedHeaders: String { "Content-Length, Content-Location, ETag, Link, Location, Vary, WWW-Authenticate" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Preflights, and any other OPTIONS: no route answers OPTIONS, so it is answered here for every path.
        if request.method == .options {
            var headers: HTTPFields = [
                .allow: Self.allowedMethods,
                .accessControlAllowOrigin: "*",
                .accessControlAllowMethods: Self.allowedMethods,
                .accessControlAllowHeaders: Self.allowedHeaders,
                .accessControlMaxAge: "86400",
            ]
            headers[.contentLength] = "0"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        return response
    }
}
