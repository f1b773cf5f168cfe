import Hummingbird

/// Refuses a request whose URL is not UTF-8 once percent-decoded, in its path or in any field of its query string, with
/// a 400 naming the field and the byte, for every route alike (the SPARQL routes' own fields say the same): silently
/// replacing the bytes with U+FFFD would look up another resource or search for other text than the one asked for.
/// The query string is parsed once for every middleware and route (`LodestarRequestContext.urlFields`), by
/// `VersionMiddleware` or, when that found it unparseable or is absent, here.
struct URLTextMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: LodestarRequestContext, next: (Request, LodestarRequestContext) async throws -> Response
    ) async throws -> Response {
        try FormFields.checkUTF8(percentEncoded: request.uri.path, what: "the path", in: "the URL")
        guard context.urlFields == nil else { return try await next(request, context) }
        var context = context
        context.urlFields = try FormFields(parsing: request.uri.query ?? "", in: "the query string")
        return try await next(request, context)
    }
}
