import HTTPTypes
import Hummingbird

extension RouteCollection where Context == LodestarRequestContext {
    /// The methods a resource may be asked for; HEAD comes from GET (`.autoGenerateHeadEndpoints`).
    private static var knownMethods: [HTTPRequest.Method] { [.get, .post, .put, .delete, .patch] }

    /// Answers every method on `path` that is not in `allowed` (HEAD goes with GET) with 405 and an `Allow` header (RFC 9110 §15.5.6),
    /// rather than Hummingbird's 404, which would say the resource does not exist.
    func refuseOtherMethods(on path: RouterPath, allowed: [HTTPRequest.Method]) {
        let allow = allowed.flatMap { $0 == .get ? [HTTPRequest.Method.get, .head] : [$0] }.map(\.rawValue)
        for method in Self.knownMethods where !allowed.contains(method) {
            on(path, method: method) { request, _ -> Response in
                throw RequestError.methodNotAllowed(request.method.rawValue, allowed: allow)
            }
        }
    }
}
