/// Why the server refuses a request before any module sees it. `Errors+HTTP.swift` turns these into statuses.
package enum RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is missing, repeated or malformed; the message says which.
    case badRequest(String)
    /// The method is not one the resource answers.
    case methodNotAllowed(String, allowed: [String])
    /// The request body's media type is not one the endpoint reads (`nil`: no `Content-Type` at all).
    case unsupportedMediaType(String?, accepted: [String])
    /// The body's `charset` is not UTF-8.
    case unsupportedCharset(String)
    /// None of the representations the client accepts can be sent; `offered` lists those that can.
    case notAcceptable(offered: [String])
    /// The chosen syntax cannot express this data (RDF/XML and a predicate that does not end in an XML name).
    case cannotRepresent(mediaType: String, reason: String)
    /// A write came without the token, or with a wrong one.
    case unauthorized
    /// Writes are switched off: no update token is configured.
    case updatesDisabled
    /// This server is a read-only replica of a change log; writes go to its primary (at this URL, when known).
    case readOnlyReplica(primary: String?)
    /// The body is larger than the limit (bytes).
    case bodyTooLarge(limit: Int)
    /// No such graph, query or page.
    case notFound(String)
    /// The query's time ran out before the first byte of the answer (seconds allowed).
    case queryTimeout(seconds: Double)

    package var description: String {
        switch self {
        case .badRequest(let message): message
        case .methodNotAllowed(let method, let allowed):
            "\(method) is not allowed here; use \(allowed.joined(separator: ", "))"
        case .unsupportedMediaType(let type, let accepted):
            "\(type.map { "'\($0)' is not a body type this endpoint reads" } ?? "the request has no Content-Type"); "
                + "send one of: \(accepted.joined(separator: ", "))"
        case .unsupportedCharset(let charset): "charset '\(charset)' is not supported; send UTF-8"
        case .notAcceptable(let offered):
            "none of the types in Accept can be sent; this resource is available as: \(offered.joined(separator: ", "))"
        case .cannotRepresent(let mediaType, let reason):
            "the answer cannot be written as \(mediaType) (\(reason)); ask for another type, such as text/turtle or application/n-triples"
        case .unauthorized:
            "this needs the update token: send 'Authorization: Bearer TOKEN' (or Basic auth with the token as password)"
        case .updatesDisabled:
            "writes are turned off on this server; start it with --update-token TOKEN (or set LODESTAR_UPDATE_TOKEN) "
                + "and send 'Authorization: Bearer TOKEN'"
        case .readOnlyReplica(let primary):
            "this server is a read-only replica; send writes to the primary" + (primary.map { " at \($0)" } ?? "")
        case .bodyTooLarge(let limit): "the request body is larger than the limit of \(limit) bytes"
        case .notFound(let message): message
        case .queryTimeout(let seconds):
            "the query did not finish within its limit of \(Self.format(seconds)) s; narrow it, or ask for more time "
                + "with ?timeout=SECONDS (up to the server's maximum)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
