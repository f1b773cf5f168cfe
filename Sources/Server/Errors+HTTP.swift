import JSONLD
package import HTTPTypes
package import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import RDF
import Redland
import Resolver
import SPARQL
import Store

/// The one place that turns errors — the server's own and every module's — into HTTP statuses (STYLE.md §4).
///
/// Every error answer is `text/plain` with a message a person can act on: a syntax error gives its line and column,
/// a 401 says how to authenticate, a 406 lists what is available.
package enum ErrorResponses {
    /// The status, extra headers and message for `error`.
    package static func describe(_ error: any Error) -> (status: HTTPResponse.Status, headers: HTTPFields, message: String) {
        switch error {
        case let error as RequestError: return describe(error)
        case let error as ResolverError:
            switch error {
            case .invalidNamespace: return (.internalServerError, [:], error.description)
            case .unknownPURI, .unknownResource, .unknownExtension: return (.notFound, [.vary: "Accept"], error.description)
            case .notAcceptable: return (.notAcceptable, [.vary: "Accept"], error.description)
            }
        case let error as SPARQLSyntaxError: return (.badRequest, [:], error.description)
        case let error as QueryEvaluationError:
            switch error {
            case .timeout: return (.serviceUnavailable, [:], "the query did not finish within its time limit")
            case .cancelled: return (.serviceUnavailable, [:], "the query was cancelled")
            case .unsupported(let message): return (.notImplemented, [:], "not supported: \(message)")
            case .tooComplex, .invalidServiceCall: return (.badRequest, [:], error.description)
            }
        case let error as UpdateError: return (.badRequest, [:], error.description)
        case let error as ReplicationRefusal: return (.serviceUnavailable, [.retryAfter: "1"], error.description)
        case let error as StoreError:
            switch error.code {
            case .invalidData: return (.badRequest, [:], error.description)
            case .closed: return (.serviceUnavailable, [:], "the store is closed: the server is shutting down")
            case .io, .storage, .full: return (.internalServerError, [:], "the store failed: \(error.description)")
            }
        case let error as RedlandError:
            switch error.code {
            case .syntax, .invalidData: return (.badRequest, [:], "the RDF is not valid: \(error.description)")
            case .unsupported: return (.unsupportedMediaType, [:], error.description)
            case .io, .storage: return (.internalServerError, [:], error.description)
            }
        case let error as DumpError:
            switch error {
            case .io: return (.internalServerError, [:], error.description)
            case .unknownDump, .noSuchPage: return (.notFound, [:], error.description + "; see /dumps for the list")
            }
        case let error as JSONLDError: return (.badRequest, [:], "the JSON-LD is not valid: \(error.description)")
        case let error as ComputeLimiter.Refusal:
            switch error {
            case .timeout: return (.serviceUnavailable, [:], "the server was too busy to start the query within its time limit")
            case .cancelled: return (.serviceUnavailable, [:], "the request was cancelled")
            }
        case let error as HTTPParserError:
            // The decoder stopped inside a body (a malformed chunk size, a body cut short): the client's framing.
            let message = "the request body is not valid HTTP/1.1 framing (\(error)); check its chunked encoding or Content-Length"
            return (.badRequest, [.connection: "close"], message)
        case let error as any HTTPResponseError where error.status == .notFound:
            // The router found no route: say what is served instead of a bare "Not Found".
            return (.notFound, [:], "nothing is served at this path; the server answers /sparql, /update, /store, /graphs/…, /dumps, "
                + "/catalog, /.well-known/void, /queries, /health, /metrics and its PURI namespaces (see /sparql for the query page)")
        case let error as any HTTPResponseError: return (error.status, [:], error.status.reasonPhrase)
        default: return (.internalServerError, [:], "internal error: \(error)")
        }
    }

    private static func describe(_ error: RequestError) -> (status: HTTPResponse.Status, headers: HTTPFields, message: String) {
        switch error {
        case .badRequest: return (.badRequest, [:], error.description)
        case .methodNotAllowed(_, let allowed): return (.methodNotAllowed, [.allow: allowed.joined(separator: ", ")], error.description)
        case .unsupportedMediaType, .unsupportedCharset: return (.unsupportedMediaType, [:], error.description)
        case .notAcceptable, .cannotRepresent: return (.notAcceptable, [.vary: "Accept"], error.description)
        case .unauthorized: return (.unauthorized, [.wwwAuthenticate: #"Bearer realm="lodestar", Basic realm="lodestar""#], error.description)
        case .updatesDisabled: return (.forbidden, [:], error.description)
        case .readOnlyReplica: return (.methodNotAllowed, [.allow: "GET, HEAD"], error.description)
        case .bodyTooLarge: return (.contentTooLarge, [.connection: "close"], error.description)
        case .notFound: return (.notFound, [:], error.description)
        case .queryTimeout: return (.serviceUnavailable, [:], error.description)
        }
    }

    /// The response for `error`: its status and headers, and the message as a `text/plain` body.
    package static func response(for error: any Error) -> Response {
        let (status, extraHeaders, message) = describe(error)
        var headers = extraHeaders
        headers[.contentType] = "text/plain; charset=utf-8"
        let buffer = ByteBuffer(string: message + "\n")
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// True for errors that are the server's fault (logged at error level), as opposed to the client's.
    package static func isServerFault(_ error: any Error) -> Bool {
        describe(error).status.code >= 500 && !(error is QueryEvaluationError) && !(error is ComputeLimiter.Refusal)
            && !(error is RequestError) && !(error is DumpError && describe(error).status == .notFound)
    }
}
