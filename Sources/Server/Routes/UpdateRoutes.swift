import HTTPTypes
import Hummingbird
import Logging
import Store

/// `/update`: the SPARQL 1.1 Protocol update operation, for holders of the update token.
struct UpdateRoutes {
    let services: ServerServices

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        for method in [HTTPRequest.Method.get, .head, .post, .put, .delete, .patch] {
            routes.on("/update", method: method) { request, context in try await update(request, context: context) }
        }
        return routes
    }

    /// Checks the method and the token, decodes the update, applies it; 204 once it is durable.
    func update(_ request: Request, context: LodestarRequestContext) async throws -> Response {
        guard request.method == .post else { throw RequestError.methodNotAllowed(request.method.rawValue, allowed: ["POST"]) }
        try services.authorization.check(request.headers[.authorization])
        let updateRequest = try await UpdateRequest.decode(request, bodyLimit: services.configuration.maxRequestBodySize)
        let report = try await services.updates.apply(updateRequest)
        context.logger.info("update applied", metadata: ["inserted": "\(report.inserted)", "deleted": "\(report.deleted)"])
        return .empty(.noContent)
    }
}
