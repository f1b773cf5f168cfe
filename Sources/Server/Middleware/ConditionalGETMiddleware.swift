import Foundation
import HTTPTypes
import Hummingbird

/// Conditional GET (RFC 9110 §13): a GET or HEAD whose answer carries an `ETag` or `Last-Modified` the client already
/// has (`If-None-Match`, or without it `If-Modified-Since`) gets 304 Not Modified with the validators and no body.
/// Routes only set validators (PURI documents, dumps, the catalogue); the comparison is made here, once.
struct ConditionalGETMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .get || request.method == .head, response.status == .ok || response.status == .partialContent,
            Self.isNotModified(request.headers, entityTag: response.headers[.eTag], lastModified: response.headers[.lastModified])
        else { return response }
        // §15.4.5: a 304 repeats the headers a 200 would have sent that describe the representation's validity.
        var headers = HTTPFields()
        for name in [HTTPField.Name.eTag, .lastModified, .vary, .cacheControl, .contentLocation, .expires] {
            if let value = response.headers[name] { headers[name] = value }
        }
        return Response(status: .notModified, headers: headers, body: ResponseBody())
    }

    /// True if the client's copy is current: `If-None-Match` names the tag (weak comparison, or `*`); without it,
    /// `If-Modified-Since` is not earlier than `Last-Modified`.
    static func isNotModified(_ headers: HTTPFields, entityTag: String?, lastModified: String?) -> Bool {
        let tags = headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if !tags.isEmpty {
            guard let entityTag else { return false }
            let opaque = entityTag.hasPrefix("W/") ? String(entityTag.dropFirst(2)) : entityTag
            return tags.contains { $0 == "*" || $0 == opaque || $0 == "W/" + opaque }
        }
        guard let lastModified = lastModified.flatMap(HTTPDate.parse), let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) else {
            return false
        }
        return lastModified <= since
    }
}
