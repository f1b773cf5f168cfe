package import HTTPTypes
import Hummingbird
import NIOCore
import RDF
import Resolver

/// Any resource of the store (DESIGN.md: HTTP): `/resource?iri=IRI` negotiates like a PURI document (`Vary`, `Link`
/// alternates, `ETag`/304), `/resource.{ttl|rdf|nt|jsonld|nq|trig|html}?iri=IRI` names a representation. An IRI of a
/// served namespace answers 303 to its PURI document; an IRI no statement uses answers 404 with look-alikes.
struct ResourceRoutes {
    let services: ServerServices
    private var puris: PURIService { services.puris }

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        for method in [HTTPRequest.Method.get, .head] {
            routes.on("/resource", method: method) { request, context in try await resource(request, context: context, representation: nil) }
            for representation in Representation.all {
                routes.on(RouterPath("/resource.\(representation.fileExtension)"), method: method) { request, context in
                    try await resource(request, context: context, representation: representation)
                }
            }
        }
        return routes
    }

    private func resource(_ request: Request, context: LodestarRequestContext, representation fixed: Representation?) async throws -> Response {
        let values = context.urlFields.values("iri")
        guard values.count == 1, let value = values.first, !value.isEmpty else {
            throw RequestError.badRequest("give exactly one 'iri' parameter: /resource?iri=http%3A%2F%2Fexample.org%2Fthing")
        }
        let iri = IRI(value)
        guard PURIDocument.isResourceIRI(iri) else { throw RequestError.badRequest("'iri' must be an absolute IRI, not '\(value)'") }
        let representation = try fixed ?? Representation.negotiate(accept: request.accept)
        if let (namespace, local) = puris.resolver.namespaces.locate(iri) {
            let location = puris.url(PURIDocument.path(namespace: namespace, local: local, representation: fixed ?? representation))
            return Response(status: .seeOther, headers: [.location: location, .vary: "Accept", .contentLength: "0"], body: ResponseBody())
        }
        let rendered: RenderedDocument
        do {
            rendered = try await puris.rendered(resource: iri, as: representation, languages: DocumentResponses.languages(request))
        } catch let error as ResolverError {
            return notFound(error, accept: fixed.map { $0.mediaType } ?? request.accept, head: request.method == .head)
        }
        let alternates = Representation.all.map { alternate in
            "<\(puris.url(PURIDocument.resourcePath(iri, representation: alternate)))>; rel=\"alternate\"; type=\"\(alternate.mediaType)\""
        }
        let location = fixed == nil ? puris.url(PURIDocument.resourcePath(iri, representation: representation)) : nil
        return DocumentResponses.response(rendered, contentLocation: location, alternates: alternates)
    }

    /// 404 for an IRI no statement uses: the HTML page with look-alikes for browsers, plain text for everyone else.
    private func notFound(_ error: ResolverError, accept: String?, head: Bool) -> Response {
        guard case .unknownResource(let iri, let suggestions) = error else { return ErrorResponses.response(for: error) }
        let wantsHTML = (try? Representation.negotiate(accept: accept)) == .html
        let text =
            wantsHTML
            ? puris.pages.notFoundPage(forResource: iri, suggestions: suggestions)
            : error.description + "\n" + suggestions.map { puris.url(PURIDocument.resourcePath($0, representation: nil)) + "\n" }.joined()
        let buffer = ByteBuffer(string: text)
        let headers: HTTPFields = [
            .contentType: wantsHTML ? Representation.html.contentType : "text/plain; charset=utf-8", .vary: "Accept",
            .contentLength: String(buffer.readableBytes),
        ]
        return Response(status: .notFound, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: buffer))
    }
}
