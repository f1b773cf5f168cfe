import RDF
import Store
import Testing

@testable import Server

/// The parsed-and-planned query cache: a kept plan never changes an answer (other dataset parameters are another
/// query, a write plans again), and the cache stays within its bounds.
@Suite struct QueryPlanCacheTests {
    static let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    static let g1 = "http://example.org/g1", g2 = "http://example.org/g2"

    @Test func theSameTextWithOtherDatasetParametersIsAnotherQuery() async throws {
        try await Self.withService { (service: QueryService, _: QuadStore) async throws in
            // The default graph has two triples, g1 and g2 one each (TestServer.data).
            #expect(try await Self.csv(service, QueryRequest(query: Self.count)) == "n\r\n2\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: Self.count, defaultGraphs: [Self.g1])) == "n\r\n1\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: Self.count, defaultGraphs: [Self.g1, Self.g2])) == "n\r\n2\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: Self.count, namedGraphs: [Self.g2])) == "n\r\n0\r\n")
            let named = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
            #expect(try await Self.csv(service, QueryRequest(query: named)) == "g\r\n\(Self.g1)\r\n\(Self.g2)\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: named, namedGraphs: [Self.g2])) == "g\r\n\(Self.g2)\r\n")
            #expect(service.plans.count == 6)
            // Asked again, each gives its own answer from its kept plan.
            #expect(try await Self.csv(service, QueryRequest(query: Self.count, defaultGraphs: [Self.g1])) == "n\r\n1\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: Self.count)) == "n\r\n2\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: named, namedGraphs: [Self.g2])) == "g\r\n\(Self.g2)\r\n")
            #expect(service.plans.count == 6)
        }
    }

    @Test func aWriteInBetweenGivesTheNewAnswer() async throws {
        try await Self.withService { (service: QueryService, store: QuadStore) async throws in
            let ask = "ASK { <http://example.org/carol> ?p ?o }"
            #expect(try await Self.csv(service, QueryRequest(query: Self.count)) == "n\r\n2\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: ask)).contains("false"))
            let before = store.snapshot().version
            #expect(service.plans.plannedVersion(of: .init(text: Self.count)) == before)
            let carol = #"<http://example.org/carol> <http://xmlns.com/foaf/0.1/name> "Carol" ."#
            try await store.load(bytes: Array(carol.utf8), name: "carol.nt", format: .ntriples, baseIRI: "http://example.org/")
            #expect(try await Self.csv(service, QueryRequest(query: Self.count)) == "n\r\n3\r\n")
            #expect(try await Self.csv(service, QueryRequest(query: ask)).contains("true"))
            // Planned again for the new version's statistics, in the same entry.
            #expect(store.snapshot().version > before)
            #expect(service.plans.plannedVersion(of: .init(text: Self.count)) == store.snapshot().version)
            #expect(service.plans.count == 2)
        }
    }

    @Test func badQueriesAreRefusedEveryTimeAndNotKept() async throws {
        try await Self.withService { (service: QueryService, _: QuadStore) async throws in
            for _ in 0..<2 {
                await #expect(throws: (any Error).self) { try await Self.csv(service, QueryRequest(query: "SELECT ?x WHERE { ?x")) }
                await #expect(throws: RequestError.self) {
                    try await Self.csv(service, QueryRequest(query: Self.count, defaultGraphs: ["not-absolute"]))
                }
            }
            #expect(service.plans.count == 0)
        }
    }

    @Test func theEntryBoundHoldsAndTheLeastRecentlyUsedGoesFirst() async throws {
        let plans = QueryPlanCache(capacity: 3, textBudget: 1 << 20)
        try await Self.withService(plans: plans) { (service: QueryService, _: QuadStore) async throws in
            let queries = (0..<8).map { "ASK { ?s ?p \"\($0)\" }" }
            for query in queries.prefix(3) { _ = try await Self.csv(service, QueryRequest(query: query)) }
            _ = try await Self.csv(service, QueryRequest(query: queries[0]))  // used again: now the most recent
            _ = try await Self.csv(service, QueryRequest(query: queries[3]))
            #expect(plans.count == 3)
            #expect(plans.holds(.init(text: queries[0])))
            #expect(!plans.holds(.init(text: queries[1])))
            for query in queries {
                #expect(try await Self.csv(service, QueryRequest(query: query)).contains("false"))
                #expect(plans.count <= 3)
            }
        }
    }

    @Test func theTextBoundHolds() async throws {
        let plans = QueryPlanCache(capacity: 100, textBudget: 200)
        try await Self.withService(plans: plans) { (service: QueryService, _: QuadStore) async throws in
            for index in 0..<10 {
                let query = "ASK { ?s <http://example.org/p> \"\(index)\" }"  // 40 bytes
                #expect(try await Self.csv(service, QueryRequest(query: query)).contains("false"))
                #expect(plans.weight <= 200)
            }
            #expect(plans.count == 5)
            // A text longer than the whole budget is answered, not kept, and evicts nothing.
            let long = "ASK { ?s ?p \"" + String(repeating: "x", count: 300) + "\" }"
            #expect(try await Self.csv(service, QueryRequest(query: long)).contains("false"))
            #expect(!plans.holds(.init(text: long)))
            #expect(plans.count == 5)
        }
    }

    /// A query service over `TestServer.data` in memory, with `plans` as its cache.
    static func withService(
        plans: QueryPlanCache = QueryPlanCache(), _ body: (QueryService, QuadStore) async throws -> Void
    ) async throws {
        let store = try await QuadStore.open(.memory)
        let limiter = ComputeLimiter(permits: 1)
        do {
            try await store.load(bytes: Array(TestServer.data.utf8), name: "test.nq", format: .nquads, baseIRI: "http://example.org/")
            let settings = QuerySettings(baseIRI: "http://lodestar.test/sparql", unionDefaultGraph: false, defaultTimeout: 10, maxTimeout: 20)
            try await body(QueryService(store: store, limiter: limiter, settings: settings, plans: plans), store)
        } catch {
            await limiter.shutdown()
            try? await store.close()
            throw error
        }
        await limiter.shutdown()
        try await store.close()
    }

    /// The whole answer as CSV (or the boolean as text).
    static func csv(_ service: QueryService, _ request: QueryRequest) async throws -> String {
        let answer = try await service.answer(request, accept: "text/csv")
        var bytes = answer.ready.flatMap { $0 }
        while let chunk = try answer.rest?.nextChunk() { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }
}
