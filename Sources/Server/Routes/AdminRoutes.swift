import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store

/// `/admin/backup`: a consistent copy of the live store, for holders of the update token (issue 10).
struct AdminRoutes {
    let services: ServerServices

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.post("/admin/backup") { request, context in try await backup(request, fields: context.urlFields) }
        routes.refuseOtherMethods(on: "/admin/backup", allowed: [.post])
        return routes
    }

    /// `POST /admin/backup?target=/absolute/new/directory`: copies the store there while writes go on; 201 with the
    /// target and the checkpoint the copy starts from, once the copy is synced.
    func backup(_ request: Request, fields: FormFields) async throws -> Response {
        try services.authorization.check(request.headers[.authorization])
        let targets = fields.values("target")
        guard targets.count == 1, let target = targets.first, target.hasPrefix("/") else {
            throw RequestError.badRequest("name the backup directory once, as an absolute path: POST /admin/backup?target=/path/to/new-dir")
        }
        guard !FileManager.default.fileExists(atPath: target) else {
            throw RequestError.badRequest("backup target \(target) already exists; name a new directory")
        }
        let checkpoint = try await services.store.backup(to: target)
        let json = "{\"target\":\(HTML.jsonString(target)),\"checkpoint\":\(checkpoint)}\n"
        return Response(
            status: .created,
            headers: [.contentType: "application/json", .contentLength: String(json.utf8.count)],
            body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }
}
