import Foundation
import Hummingbird
import NIOCore
import Resolver

/// `/assets/…`: the pages' stylesheets and script, and the CodeMirror files the query page uses, read from Debian's
/// `libjs-codemirror` (only the files the page names: nothing else under that folder is reachable).
struct AssetRoutes {
    /// Where `libjs-codemirror` installs CodeMirror 5.
    static let codeMirrorDirectory = "/usr/share/javascript/codemirror"

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.get(RouterPath(PageStyle.path)) { _, _ in Self.asset(PageStyle.css, type: "text/css; charset=utf-8") }
        routes.get("/assets/query.css") { _, _ in Self.asset(QueryPageAssets.stylesheet, type: "text/css; charset=utf-8") }
        routes.get("/assets/query.js") { _, _ in Self.asset(QueryPageAssets.script, type: "text/javascript; charset=utf-8") }
        for file in QueryPage.editorScripts + QueryPage.editorStyles {
            routes.get(RouterPath("/assets/codemirror/" + file)) { _, _ in try Self.codeMirror(file) }
        }
        return routes
    }

    static func asset(_ text: String, type: String) -> Response {
        let buffer = ByteBuffer(string: text)
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentLength: String(buffer.readableBytes), .cacheControl: "public, max-age=3600"],
            body: ResponseBody(byteBuffer: buffer))
    }

    static func codeMirror(_ file: String) throws -> Response {
        guard let bytes = FileManager.default.contents(atPath: codeMirrorDirectory + "/" + file) else {
            throw RequestError.notFound("\(file) is not installed: the query editor needs Debian's libjs-codemirror (make deps installs it)")
        }
        let type = file.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentLength: String(bytes.count), .cacheControl: "public, max-age=86400"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
