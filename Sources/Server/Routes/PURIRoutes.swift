package import HTTPTypes
import Hummingbird
import NIOCore
import RDF
import Resolver

/// PURIs and their documents (DESIGN.md: HTTP; "Cool URIs for the Semantic Web" §4.3, 303 URIs):
/// `/{ns}/{local…}` answers 303 to `/doc/{ns}/{local}.{ext}` chosen by `Accept`; `/doc/…` serves the documents; the
/// namespace itself (`/{ns}`, `/{ns}/`) serves the whole scheme. Only the served namespaces' prefixes and `/doc/` are
/// routed here, so no other route is shadowed.
struct PURIRoutes {
    let services: ServerServices
    private var puris: PURIService { services.puris }

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        for namespace in puris.resolver.namespaces.all {
            routes.get("/\(namespace.name)") { request, _ in
                try await document(namespace: namespace, local: "", representation: nil, request: request)
            }
            routes.get("/\(namespace.name)/**") { request, context in
                let local = context.parameters.getCatchAll().joined(separator: "/")
                if local.isEmpty { return try await document(namespace: namespace, local: "", representation: nil, request: request) }
                return try await seeOther(namespace: namespace, local: local, request: request)
            }
        }
        routes.get("/doc/**") { request, context in
            let segments = context.parameters.getCatchAll().map(String.init)
            guard let target = puris.resolver.documentTarget(segments) else {
                let served = puris.resolver.namespaces.all.map { "/doc/\($0.name)/…" }.joined(separator: ", ")
                throw RequestError.notFound("no document at \(request.uri.path); documents are under \(served)")
            }
            return try await document(namespace: target.namespace, local: target.local, representation: target.representation, request: request)
        }
        // PURIs and their documents are read-only: other methods get 405 with `Allow`, not a 404 that says the PURI
        // does not exist (RFC 9110 §15.5.6). Writes go through /update and /store.
        for path in puris.resolver.namespaces.all.flatMap({ ["/\($0.name)", "/\($0.name)/**"] }) + ["/doc/**"] {
            routes.refuseOtherMethods(on: RouterPath(path), allowed: [.get])
        }
        return routes
    }

    /// 303 See Other to the document in the representation `Accept` prefers; 404 (with suggestions) for an unknown PURI.
    private func seeOther(namespace: PURINamespace, local: String, request: Request) async throws -> Response {
        let (_, path) = try puris.resolver.seeOther(namespace: namespace, local: local, accept: request.accept)
        do {
            try puris.checkKnown(namespace: namespace, local: local)
        } catch {
            return notFound(error, namespace: namespace, accept: request.accept)
        }
        let location = puris.url(path)
        var headers: HTTPFields = [.location: location, .vary: "Accept", .contentType: "text/plain; charset=utf-8"]
        headers[values: .link] = alternates(namespace: namespace, local: local)
        let body = ByteBuffer(string: "See Other: \(location)\n")
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: .seeOther, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// 200 with the document (negotiated when `representation` is `nil`, then with `Content-Location`) and its `ETag`
    /// (ConditionalGETMiddleware answers 304 from it).
    private func document(namespace: PURINamespace, local: String, representation fixed: Representation?, request: Request) async throws -> Response {
        let representation = try fixed ?? Representation.negotiate(accept: request.accept)
        let rendered: RenderedDocument
        do {
            let languages = DocumentResponses.languages(request)
            rendered = try await puris.rendered(namespace: namespace, local: local, as: representation, languages: languages)
        } catch let error as ResolverError {
            return notFound(error, namespace: namespace, accept: fixed.map { $0.mediaType } ?? request.accept)
        }
        let location = fixed == nil ? puris.url(PURIDocument.path(namespace: namespace, local: local, representation: representation)) : nil
        return DocumentResponses.response(
            rendered, contentLocation: location, alternates: alternates(namespace: namespace, local: local))
    }

    /// 404 for an unknown PURI: the HTML page with the nearest PURIs for browsers, plain text for everyone else.
    private func notFound(_ error: ResolverError, namespace: PURINamespace, accept: String?) -> Response {
        guard case .unknownPURI(let iri, let suggestions) = error else { return ErrorResponses.response(for: error) }
        let wantsHTML = (try? Representation.negotiate(accept: accept)) == .html
        let text =
            wantsHTML
            ? puris.pages.notFoundPage(for: iri, suggestions: suggestions, namespace: namespace)
            : error.description + "\n" + suggestions.map { puris.url(puris.resolver.namespaces.path(of: $0) ?? "") + "\n" }.joined()
        let buffer = ByteBuffer(string: text)
        let headers: HTTPFields = [
            .contentType: wantsHTML ? Representation.html.contentType : "text/plain; charset=utf-8", .vary: "Accept",
            .contentLength: String(buffer.readableBytes),
        ]
        return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// `Link` values naming every representation of the document (RFC 8288, `rel="alternate"`).
    private func alternates(namespace: PURINamespace, local: String) -> [String] {
        Representation.all.map { representation in
            let path = PURIDocument.path(namespace: namespace, local: local, representation: representation)
            return "<\(puris.url(path))>; rel=\"alternate\"; type=\"\(representation.mediaType)\""
        }
    }
}

extension HTTPField.Name {
    /// `Link` (RFC 8288), which HTTPTypes does not name.
    package static let link = HTTPField.Name("Link")!
}
