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
/// has no query.
struct SPARQLRoutes {
    let services: ServerServices

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        for method in [HTTPRequest.Method.get, .head, .post, .put, .delete, .patch] {
            routes.on("/sparql", method: method) { request, context in try await query(request, context: context) }
        }
        return routes
    }

    /// Decodes the query, answers it, streams the result.
    func query(_ request: Request, context: LodestarRequestContext) async throws -> Response {
        let start = ContinuousClock.now
        guard let queryRequest = try await QueryRequest.decode(request, bodyLimit: services.configuration.maxRequestBodySize) else {
            return try await serviceDescription(request)
        }
        let answer: QueryAnswer
        do {
            answer = try await services.queries.answer(queryRequest, accept: request.accept)
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
        return request.method == .head ? .headers(of: .negotiated(answer.format, body: body)) : .negotiated(answer.format, body: body)
    }

    /// The service description in an RDF syntax, or the query page for browsers.
    func serviceDescription(_ request: Request) async throws -> Response {
        var accept = request.accept
        if let format = QueryRequest.joined(request.queryFields.values("format")) {
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
            let page = QueryPage.render(endpoint: "/sparql", examples: services.namedQueries.entries, quads: snapshot.count)
            return .negotiated(.html, body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
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
