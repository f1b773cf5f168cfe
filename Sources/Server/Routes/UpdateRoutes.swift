import HTTPTypes
import Hummingbird
import Logging
import Store

/// `/update`: the SPARQL 1.1 Protocol update operation, for holders of the update token.
struct UpdateRoutes {
    let services: ServerServices

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.post("/update") { request, context in try await update(request, context: context) }
        routes.refuseOtherMethods(on: "/update", allowed: [.post])
        return routes
    }

    /// Checks the token, decodes the update, applies it; 204 once it is durable.
    func update(_ request: Request, context: LodestarRequestContext) async throws -> Response {
        try services.authorization.check(request.headers[.authorization])
        let updateRequest = try await UpdateRequest.decode(
            request, urlFields: context.urlFields, bodyLimit: services.configuration.maxRequestBodySize)
        let report = try await services.updates.apply(updateRequest)
        // Debug, not info: the request log line already records each update, and a second line per write cost ~2% of the
        // server's CPU under many small writes (issue 10).
        context.logger.debug("update applied", metadata: ["inserted": "\(report.inserted)", "deleted": "\(report.deleted)"])
        return .empty(.noContent)
    }
}
