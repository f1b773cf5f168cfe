import HTTPTypes
import Hummingbird
import NIOCore
import Store

/// `/health`, `/metrics`, `/queries/{name}`, and `/` (to the query page).
struct OperationalRoutes {
    let services: ServerServices

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.get("/health") { _, _ in Response.text(services.configuration.replication.health(services.store.snapshot())) }
        routes.get("/metrics") { _, _ in
            let snapshot = services.store.snapshot()
            let bytes = services.metrics.exposition(snapshot: snapshot) + Array(services.configuration.replication.metrics(snapshot).utf8)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .contentLength: String(bytes.count)],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
        routes.get("/queries") { _, _ in
            Response.text(services.namedQueries.entries.map { "/queries/\($0.name)\n" }.joined())
        }
        routes.get("/queries/{name}") { _, context in
            let name = try context.parameters.require("name")
            guard let text = services.namedQueries.query(named: name) else {
                throw RequestError.notFound("no query called '\(name)'; see /queries for the list")
            }
            return Response.text(text, contentType: "application/sparql-query; charset=utf-8")
        }
        routes.get("/") { _, _ in
            Response(status: .seeOther, headers: [.location: "/sparql", .contentLength: "0"], body: ResponseBody())
        }
        return routes
    }
}
