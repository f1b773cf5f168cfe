import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RDF
import Resolver
import Redland
import SPARQL
import Store

/// `/sparql`: the SPARQL 1.1 Protocol query operation, and the service description (or the query page) when a GET
/// has no query; a browser's GET with a query (a permalink) opens the query page filled with it.
struct SPARQLRoutes {
    let services: ServerServices

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.get("/sparql") { request, context in
            let fields = context.urlFields
            // Read once: negotiation runs twice on a GET (page or results, then which results format).
            let accept = request.accept
            if fields.contains("query"), Self.prefersPage(accept: accept, fields: fields) { return try queryPage(filledWith: fields) }
            return try await query(request, accept: accept, urlFields: fields, context: context)
        }
        routes.post("/sparql") { request, context in
            try await query(request, accept: request.accept, urlFields: context.urlFields, context: context)
        }
        routes.refuseOtherMethods(on: "/sparql", allowed: [.get, .post])
        return routes
    }

    /// True when the client names HTML above every results and RDF type (a browser following a permalink), and asks
    /// for no `?format=`; SPARQL clients, and `Accept: */*`, get results.
    static func prefersPage(accept: String?, fields: FormFields) -> Bool {
        guard !fields.contains("format") else { return false }
        return ContentNegotiation.choose(from: ResponseFormat.pageOrResultOffers, accept: accept)?.value == .html
    }

    /// The query page; with the URL's `query` in the editor when it has one.
    func queryPage(filledWith urlFields: FormFields) throws -> Response {
        let page = QueryPage.render(
            endpoint: "/sparql", examples: services.namedQueries.entries, quads: services.store.snapshot().count,
            query: try urlFields.single("query"), storePrefixes: QuadStore.commonPrefixes,
            pages: services.configuration.puriNamespaces.all.map { (name: $0.name, base: $0.base) })
        return .negotiated(.html, body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// Decodes the query (its query string parsed once, by the route), answers it, streams the result.
    /// - Parameter accept: the request's `Accept` header (`Request.accept`).
    func query(_ request: Request, accept: String?, urlFields: FormFields, context: LodestarRequestContext) async throws -> Response {
        let start = ContinuousClock.now
        let bodyLimit = services.configuration.maxRequestBodySize
        guard let queryRequest = try await QueryRequest.decode(request, urlFields: urlFields, bodyLimit: bodyLimit) else {
            return try await serviceDescription(request, urlFields: urlFields)
        }
        let answer: QueryAnswer
        do {
            answer = try await services.queries.answer(queryRequest, accept: accept, receivedAt: start)
        } catch RequestError.queryTimeout(let seconds) {
            services.metrics.recordTimeout()
            context.logger.notice("query timed out before its first byte", metadata: ["seconds": "\(seconds)"])
            throw RequestError.queryTimeout(seconds: seconds)
        }
        let metrics = services.metrics
        let body = StreamedBody.make(
            ready: answer.ready,
            complete: answer.complete,
            rest: answer.rest,
            limiter: services.queries.limiter,
            deadline: answer.deadline,
            logger: context.logger
        ) { outcome in
            if outcome == .timedOut { metrics.recordTimeout() }
            metrics.recordQuery(duration: ContinuousClock.now - start)
        }
        return .negotiated(answer.format, body: body)
    }

    /// The service description in an RDF syntax, or the query page for browsers.
    func serviceDescription(_ request: Request, urlFields: FormFields) async throws -> Response {
        var accept = request.accept
        if let format = QueryRequest.joined(urlFields.values("format")) {
            guard let override = FormatParameter.accept(for: format) else {
                throw RequestError.badRequest("unknown format '\(format)': use ttl, nt, nq, trig, rdf, jsonld or html")
            }
            accept = override
        }
        let offers = ResponseFormat.serviceDescriptionOffers
        guard let offer = ContentNegotiation.choose(from: offers, accept: accept) else {
            throw RequestError.notAcceptable(offered: ResponseFormat.mediaTypes(offers))
        }
        let snapshot = services.store.snapshot()
        switch offer.value {
        case .html:
            return try queryPage(filledWith: urlFields)
        case .graph(let format):
            let facts = ServiceDescription.Facts(
                endpoint: services.configuration.publicBaseURL + "/sparql",
                updatesEnabled: services.authorization.token != nil,
                unionDefaultGraph: services.configuration.unionDefaultGraph
            )
            let quads = ServiceDescription.quads(facts, snapshot: snapshot)
            let bytes = try GraphRendering.render(quads, format: format, prefixes: ServiceDescription.prefixes)
            return .negotiated(offer.value, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .results:
            preconditionFailure("the service description offers no results format")
        }
    }
}
