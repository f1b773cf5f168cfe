import HTTPTypes
import Hummingbird
import RDF
import Resolver

/// `/store` (indirect graph identification: `?graph=IRI`, `?default`) and `/graphs/…` (direct identification: the
/// graph named by the URL itself, as are those a POST to `/store` creates): the SPARQL 1.1 Graph Store HTTP Protocol. Reads are open; writes need the
/// update token.
struct GraphStoreRoutes {
    let services: ServerServices

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        let handlers: [(HTTPRequest.Method, @Sendable (Request, GraphTarget, LodestarRequestContext) async throws -> Response)] = [
            (.get, read), (.put, replace), (.post, merge), (.delete, delete),
        ]
        for (method, handler) in handlers {
            routes.on("/store", method: method) { request, context in
                try await handler(request, try indirectTarget(context.urlFields), context)
            }
            routes.on("/graphs/**", method: method) { request, context in try await handler(request, directTarget(context), context) }
        }
        for path: RouterPath in ["/store", "/graphs/**"] { routes.refuseOtherMethods(on: path, allowed: [.get, .put, .post, .delete]) }
        return routes
    }

    /// Direct identification: the graph's IRI is its URL under the server's base URL.
    func directTarget(_ context: LodestarRequestContext) -> GraphTarget {
        .named(IRI(services.graphStore.baseURL + "/graphs/" + context.parameters.getCatchAll().joined(separator: "/")))
    }

    /// The graph `?graph=` or `?default` names; `.store` for neither.
    /// - Throws: `RequestError.badRequest` for both, a repeated `graph`, or a `graph` that is not an absolute IRI.
    func indirectTarget(_ fields: FormFields) throws(RequestError) -> GraphTarget {
        let graph = try fields.single("graph")
        switch (graph, fields.contains("default")) {
        case (nil, false): return .store
        case (nil, true): return .defaultGraph
        case (let graph?, false):
            guard GraphIRI.isAbsolute(graph) else { throw .badRequest("graph=\(graph) is not an absolute IRI") }
            return .named(IRI(graph))
        case (_?, true): throw .badRequest("give either ?graph=IRI or ?default, not both")
        }
    }

    /// GET (and HEAD, generated from it): the graph (or the store) in the negotiated syntax, streamed.
    func read(_ request: Request, target: GraphTarget, context: LodestarRequestContext) async throws -> Response {
        let graphStore = services.graphStore
        let format = try graphStore.negotiate(target, accept: try acceptOverride(context.urlFields) ?? request.accept)
        let read = try await graphStore.read(target, format: format)
        let body = StreamedBody.make(
            ready: read.ready,
            complete: read.complete,
            rest: read.rest,
            limiter: graphStore.limiter,
            deadline: nil,
            logger: context.logger
        )
        return Response.negotiated(.graph(format), body: body)
    }

    /// PUT: replaces the graph with the body.
    func replace(_ request: Request, target: GraphTarget, context: LodestarRequestContext) async throws -> Response {
        let graphStore = services.graphStore
        guard let graph = target.graphName else {
            throw RequestError.badRequest("PUT needs a graph: /store?graph=IRI or /store?default")
        }
        let quads = try await upload(request, into: graph)
        let created = try await graphStore.replace(graph, with: quads)
        return .empty(created ? .created : .noContent)
    }

    /// POST: adds the body to the graph, or to a new graph whose IRI goes back in `Location`.
    func merge(_ request: Request, target: GraphTarget, context: LodestarRequestContext) async throws -> Response {
        let graphStore = services.graphStore
        var location: String?
        let graph: GraphName
        if let name = target.graphName {
            graph = name
        } else {
            let iri = graphStore.newGraphIRI()
            graph = .iri(iri)
            location = iri.value
        }
        let quads = try await upload(request, into: graph, allowsMultipart: true)
        let created = try await graphStore.merge(graph, with: quads)
        if let location { return .empty(.created, headers: [.location: location]) }
        return .empty(created ? .created : .noContent)
    }

    /// DELETE: removes the graph.
    func delete(_ request: Request, target: GraphTarget, context: LodestarRequestContext) async throws -> Response {
        let graphStore = services.graphStore
        try services.authorization.check(request.headers[.authorization])
        guard let graph = target.graphName else {
            throw RequestError.badRequest("DELETE needs a graph: /store?graph=IRI or /store?default")
        }
        try await graphStore.delete(graph)
        return .empty(.noContent)
    }

    /// `?format=` as an `Accept` value.
    private func acceptOverride(_ urlFields: FormFields) throws -> String? {
        guard let format = QueryRequest.joined(urlFields.values("format")) else { return nil }
        guard let accept = FormatParameter.accept(for: format) else {
            throw RequestError.badRequest("unknown format '\(format)': use ttl, nt, nq, trig, rdf or jsonld")
        }
        return accept
    }

    /// The token, the body's syntax and size, then the parsed body, all before anything is written. A
    /// `multipart/form-data` body (POST only) is one document per part.
    private func upload(_ request: Request, into graph: GraphName, allowsMultipart: Bool = false) async throws -> [Quad] {
        try services.authorization.check(request.headers[.authorization])
        let accepted = RDFFormat.allCases.map(\.mediaType) + (allowsMultipart ? ["multipart/form-data"] : [])
        guard let contentType = request.contentType else { throw RequestError.unsupportedMediaType(nil, accepted: accepted) }
        let baseIRI: String
        if case .iri(let iri) = graph { baseIRI = iri.value } else { baseIRI = services.graphStore.baseURL + "/store" }
        if allowsMultipart, contentType.mediaType == "multipart/form-data" {
            guard let boundary = contentType.parameters["boundary"] else {
                throw RequestError.badRequest("multipart/form-data needs a boundary parameter")
            }
            let body = try await request.collectBody(limit: services.configuration.maxRequestBodySize)
            var quads: [Quad] = []
            for part in try MultipartBody.parts(of: body, boundary: boundary) {
                quads += try await parse(part.content, contentType: ContentType(header: part.contentType), baseIRI: baseIRI, into: graph)
            }
            return quads
        }
        guard let format = RDFFormat(mediaType: contentType.mediaType) else {
            throw RequestError.unsupportedMediaType(contentType.mediaType, accepted: accepted)
        }
        try contentType.requireUTF8()
        return try await services.graphStore.parse(
            streaming: request.body, declaredLength: request.headers[.contentLength].flatMap { Int($0) },
            limit: services.configuration.maxRequestBodySize, format: format, baseIRI: baseIRI, into: graph)
    }

    /// One RDF document in the syntax its content type names.
    private func parse(_ body: [UInt8], contentType: ContentType?, baseIRI: String, into graph: GraphName) async throws -> [Quad] {
        let accepted = RDFFormat.allCases.map(\.mediaType)
        guard let contentType else { throw RequestError.unsupportedMediaType(nil, accepted: accepted) }
        guard let format = RDFFormat(mediaType: contentType.mediaType) else {
            throw RequestError.unsupportedMediaType(contentType.mediaType, accepted: accepted)
        }
        try contentType.requireUTF8()
        return try await services.graphStore.parse(body, format: format, baseIRI: baseIRI, into: graph)
    }
}
