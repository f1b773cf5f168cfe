import HTTPTypes
import Hummingbird
import Store

/// The headers every answer carries, errors included, set in one pass (each layer of middleware costs every request a
/// task frame and a copy of its request and response):
///
/// - **CORS**, for browser clients (YASGUI, a catalogue page on another site): `Access-Control-Allow-Origin: *`, and
///   preflight `OPTIONS` requests answered here. No answer ever carries `Access-Control-Allow-Credentials`, so a browser
///   never sends cookies or cached Basic credentials cross-origin: a cross-origin write must carry the token explicitly
///   in `Authorization`, which a page can only do if its user gave it the token.
/// - **`X-Content-Type-Options: nosniff`** everywhere, and a strict Content-Security-Policy on every HTML page: pages load
///   scripts and styles only from this server (`/assets/…`), no inline script or style, no `eval`, no framing; a
///   literal that slips through escaping still cannot run.
/// - **Surrogate keys** for the HTTP cache in front (`SurrogateKeys`): a read whose route named none depends on the
///   whole store (`all store`). A write that committed waits, before it is answered, until the caches were told what it
///   changed (`CachePurger`), so reading through the cache right after it shows it.
struct ResponseHeadersMiddleware: RouterMiddleware {
    typealias Context = LodestarRequestContext

    let store: QuadStore
    let purger: CachePurger?

    static var allowedMethods: String { "GET, HEAD, POST, PUT, DELETE, OPTIONS" }
    static var allowedHeaders: String { "Accept, Accept-Encoding, Authorization, Content-Type, If-None-Match, Origin" }
    static var exposedHeaders: String { "Content-Length, Content-Location, ETag, Link, Location, Vary, WWW-Authenticate" }
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Preflights, and any other OPTIONS: no route answers OPTIONS, so it is answered here for every path.
        if request.method == .options { return Self.preflight }
        let isRead = request.method == .get || request.method == .head
        let before = isRead || purger == nil ? 0 : store.snapshot().version
        var response = try await next(request, context)
        // No route sets these: appended, not set (setting a field first looks for it among the others).
        response.headers.append(contentsOf: Self.everyAnswer)
        if let type = response.headers[.contentType], Self.isHTML(type) {
            response.headers.append(HTTPField(name: .contentSecurityPolicy, value: Self.contentSecurityPolicy))
        }
        if isRead {
            if response.headers[.surrogateKey] == nil { response.headers.append(HTTPField(name: .surrogateKey, value: Self.storeKeys)) }
        } else if let purger {
            let after = store.snapshot().version
            if after > before { await purger.waitUntilPurged(after) }
        }
        return response
    }

    /// True for `text/html` in any case, with or without parameters (without lower-casing the whole value).
    static func isHTML(_ contentType: String) -> Bool {
        let prefix = contentType.utf8.prefix(9)
        return prefix.count == 9 && zip(prefix, "text/html".utf8).allSatisfy { $0 | 0x20 == $1 || $0 == $1 }
    }

    private static let everyAnswer: [HTTPField] = [
        HTTPField(name: .accessControlAllowOrigin, value: "*"), HTTPField(name: .accessControlExposeHeaders, value: exposedHeaders),
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
    ]

    private static let storeKeys = SurrogateKeys.everything + " " + SurrogateKeys.store

    /// The answer to every OPTIONS request.
    private static let preflight: Response = {
        var headers: HTTPFields = [
            .allow: allowedMethods,
            .accessControlAllowOrigin: "*",
            .accessControlAllowMethods: allowedMethods,
            .accessControlAllowHeaders: allowedHeaders,
            .accessControlMaxAge: "86400",
        ]
        headers[.contentLength] = "0"
        return Response(status: .noContent, headers: headers)
    }()
}
