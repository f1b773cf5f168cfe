import Hummingbird

/// Owns the URL's text for every middleware and route after it: refuses a request whose URL is not UTF-8 once
/// percent-decoded, in its path or in any field of its query string, with a 400 naming the field and the byte (silently
/// replacing the bytes with U+FFFD would look up another resource or search for other text than the one asked for),
/// and otherwise parses the query string, once, into `LodestarRequestContext.urlFields`.
struct URLTextMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: LodestarRequestContext, next: (Request, LodestarRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        do {
            try FormFields.checkUTF8(percentEncoded: request.uri.path, what: "the path", in: "the URL")
            if let query = request.uri.query { context.urlFields = try FormFields(parsing: query, in: "the query string") }
        } catch {
            return ErrorResponses.response(for: error)
        }
        return try await next(request, context)
    }
}
