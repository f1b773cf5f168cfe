package import RDF
import Redland
import Resolver
package import SPARQL
package import Store

/// How queries are run: the base IRI, the default graph's meaning, and time limits.
package struct QuerySettings: Sendable {
    /// The base IRI of queries without a BASE: the endpoint's URL (SPARQL 1.1 Protocol §2.1.4 allows it).
    package var baseIRI: String
    package var unionDefaultGraph: Bool
    /// Seconds a query may run when it does not ask (`?timeout=`).
    package var defaultTimeout: Double
    /// The most seconds `?timeout=` may ask for.
    package var maxTimeout: Double
    /// The SERVICE IRIs answered in process (the search service).
    package var services: [IRI: any ServiceHandler] = [:]

    /// The evaluation options of one query that must end by `deadline`, or once `cancellation` is set.
    func options(deadline: ContinuousClock.Instant, cancellation: QueryCancellation? = nil) -> QueryOptions {
        var options = QueryOptions(deadline: deadline, unionDefaultGraph: unionDefaultGraph, baseIRI: baseIRI)
        options.cancellation = cancellation
        options.services = services
        return options
    }

    /// The seconds a request gets: what it asked for, capped by the maximum; the default if it did not ask.
    /// - Throws: `RequestError.badRequest` for a value that is not a positive number.
    package func timeLimit(asked: String?) throws(RequestError) -> Double {
        guard let asked else { return min(defaultTimeout, maxTimeout) }
        guard let seconds = Double(asked.trimmed), seconds.isFinite, seconds > 0 else {
            throw .badRequest("timeout must be a positive number of seconds, not '\(asked)'")
        }
        return min(seconds, maxTimeout)
    }
}

/// A query's answer, ready to stream: the format chosen, the first chunks (computed before the response starts, so
/// that a timeout there is still a 503), and the rest.
package struct QueryAnswer: Sendable {
    package var format: ResponseFormat
    /// Up to two chunks computed before answering.
    package var ready: [[UInt8]]
    /// The chunks after `ready`; `nil` when `ready` is the whole body. A complete answer holds none of the query's
    /// evaluation state, so its cursors are freed on the query thread that made them, not on the request's task.
    package var rest: ChunkStream?
    /// True if `ready` is the whole body.
    package var complete: Bool { rest == nil }
    package var deadline: ContinuousClock.Instant
    /// The seconds the query was given.
    package var timeLimit: Double
}

/// Answers SPARQL queries from the store's latest snapshot: parses, applies the protocol's dataset, negotiates the
/// format, and evaluates under the compute limiter with a deadline. Everything that can be a 4xx happens here,
/// before the first byte (STYLE.md §8).
package struct QueryService: Sendable {
    package let store: QuadStore
    package let limiter: ComputeLimiter
    package let settings: QuerySettings
    /// The parsed and planned queries, shared by every request.
    package let plans: QueryPlanCache

    package init(store: QuadStore, limiter: ComputeLimiter, settings: QuerySettings, plans: QueryPlanCache = QueryPlanCache()) {
        self.store = store
        self.limiter = limiter
        self.settings = settings
        self.plans = plans
    }

    /// The answer to `request` for a client sending `accept`.
    ///
    /// One path for every query: parsing, negotiation, planning and the first chunks run in one piece of work on the
    /// limiter's threads, whose stacks are large enough for the deepest query the parser accepts (`LargeStack`), under
    /// the one deadline that also governs the rest of the body.
    /// - Throws: `SPARQLSyntaxError` (400), `RequestError` (400 for parameters, 406, 503 on timeout),
    ///   `QueryEvaluationError.unsupported`.
    ///
    /// When the task is cancelled (the client has gone, or the server stops), the work stops at its next check of the
    /// deadline: planning, evaluation and the chunks still to stream.
    /// - Parameter receivedAt: when the request arrived: its time limit counts from there, decoding included.
    package func answer(_ request: QueryRequest, accept: String?, receivedAt: ContinuousClock.Instant = .now) async throws -> QueryAnswer {
        let timeLimit = try settings.timeLimit(asked: request.timeout)
        let deadline = receivedAt + .milliseconds(Int64(timeLimit * 1000))
        let settings = self.settings
        let plans = self.plans
        let snapshot = store.snapshot()
        let cancellation = QueryCancellation()
        do {
            return try await withTaskCancellationHandler {
                try await limiter.withPermit(deadline: deadline) { () throws -> QueryAnswer in
                    try Self.compute(
                        request, accept: accept, in: snapshot, settings: settings, plans: plans, deadline: deadline,
                        cancellation: cancellation, timeLimit: timeLimit)
                }
            } onCancel: {
                cancellation.cancel()
            }
        } catch QueryEvaluationError.timeout {
            throw RequestError.queryTimeout(seconds: timeLimit)
        } catch ComputeLimiter.Refusal.timeout {
            throw RequestError.queryTimeout(seconds: timeLimit)
        }
    }

    /// Parses and plans (or finds the plan kept for this text, dataset and store version), negotiates, evaluates and pulls
    /// the first two chunks; runs on a limiter thread.
    private static func compute(
        _ request: QueryRequest, accept: String?, in snapshot: Snapshot, settings: QuerySettings, plans: QueryPlanCache,
        deadline: ContinuousClock.Instant, cancellation: QueryCancellation, timeLimit: Double
    ) throws -> QueryAnswer {
        let evaluator = QueryEvaluator(options: settings.options(deadline: deadline, cancellation: cancellation))
        let key = QueryPlanCache.Key(text: request.query, defaultGraphs: request.defaultGraphs, namedGraphs: request.namedGraphs)
        let planned = try plans.plan(for: key, version: snapshot.version) {
            var query = try SPARQLParser.parseQuery(request.query, baseIRI: settings.baseIRI, deadline: deadline, cancellation: cancellation)
            if !request.defaultGraphs.isEmpty || !request.namedGraphs.isEmpty {
                query.dataset = QueryDataset(
                    defaultGraphs: try request.defaultGraphs.map(Self.graphIRI),
                    namedGraphs: try request.namedGraphs.map(Self.graphIRI)
                )
            }
            return query
        } plan: { query in
            try evaluator.plan(query, in: snapshot)
        }
        let format = try Self.negotiate(for: planned.query.form, accept: accept, format: request.format)
        let result = try evaluator.evaluate(planned, in: snapshot)
        let stream = ChunkStream(Self.chunkSource(for: result, format: format))
        var ready: [[UInt8]] = []
        while ready.count < 2, let chunk = try stream.nextChunk() { ready.append(chunk) }
        return QueryAnswer(format: format, ready: ready, rest: ready.count < 2 ? nil : stream, deadline: deadline, timeLimit: timeLimit)
    }

    /// The representation for a query of this form: from `?format=` if given, else from `Accept`.
    /// - Throws: `RequestError.badRequest` for an unknown `format`, `.notAcceptable` when nothing offered is accepted.
    package static func negotiate(for form: Query.Form, accept: String?, format: String?) throws(RequestError) -> ResponseFormat {
        let isGraph: Bool
        switch form {
        case .select, .ask: isGraph = false
        case .construct, .describe: isGraph = true
        }
        return try choose(offers: isGraph ? ResponseFormat.graphOffers : ResponseFormat.resultOffers, accept: accept, format: format)
    }

    private static func choose(offers: Offers<ResponseFormat>, accept: String?, format: String?) throws(RequestError) -> ResponseFormat {
        var effectiveAccept = accept
        if let format {
            guard let override = FormatParameter.accept(for: format) else {
                throw .badRequest("unknown format '\(format)': use json, xml, csv, tsv, ttl, nt, nq, trig, rdf or jsonld")
            }
            effectiveAccept = override
        }
        guard let offer = ContentNegotiation.choose(from: offers, accept: effectiveAccept) else {
            throw .notAcceptable(offered: ResponseFormat.mediaTypes(offers))
        }
        return offer.value
    }

    /// A protocol dataset IRI (`default-graph-uri`, `named-graph-uri`), which must be absolute.
    static func graphIRI(_ text: String) throws(RequestError) -> IRI {
        guard GraphIRI.isAbsolute(text) else { throw .badRequest("'\(text)' is not an absolute IRI") }
        return IRI(text)
    }

    /// The chunk source writing `result` in `format` (any RDF syntax for graphs; results formats for the rest).
    static func chunkSource(for result: QueryResult, format: ResponseFormat) -> any ChunkSource {
        switch (result, format) {
        case (.solutions(let solutions), .results(let resultsFormat)): return SolutionChunks(solutions, format: resultsFormat)
        case (.boolean(let value), .results(let resultsFormat)): return BooleanChunk(value, format: resultsFormat)
        case (.graph(let triples), .graph(let rdfFormat)): return GraphChunks(.triples(triples), format: rdfFormat)
        case (.solutions, _), (.boolean, _), (.graph, _):
            preconditionFailure("negotiation offers results formats for SELECT and ASK, RDF formats for graphs")
        }
    }
}
