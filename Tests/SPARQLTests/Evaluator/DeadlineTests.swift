import RDF
import Synchronization
import Testing

@testable import SPARQL

/// Wraps a dataset and counts the quads pulled through it.
final class CountingDataset: QueryableDataset {
    let base: InMemoryDataset
    let pulled = Atomic<Int>(0)

    init(_ base: InMemoryDataset) { self.base = base }

    struct Quads: Sequence {
        let quads: [EncodedQuad]
        let counter: CountingDataset

        func makeIterator() -> Iterator { Iterator(inner: quads.makeIterator(), counter: counter) }

        struct Iterator: IteratorProtocol {
            var inner: IndexingIterator<[EncodedQuad]>
            let counter: CountingDataset

            mutating func next() -> EncodedQuad? {
                guard let quad = inner.next() else { return nil }
                counter.pulled.add(1, ordering: .relaxed)
                return quad
            }
        }
    }

    func quads(matching pattern: EncodedQuadPattern) -> Quads { Quads(quads: base.quads(matching: pattern), counter: self) }
    func estimatedCount(matching pattern: EncodedQuadPattern) -> Int { base.estimatedCount(matching: pattern) }
    func id(of term: Term) -> TermID? { base.id(of: term) }
    func term(for id: TermID) -> Term { base.term(for: id) }
    var namedGraphs: [TermID] { base.namedGraphs }
}

@Suite("Evaluator: deadlines, cancellation and streaming")
struct DeadlineTests {
    static let wide: InMemoryDataset = {
        var data = InMemoryDataset()
        for index in 0..<200 { data.insert(Quad(iri("s\(index)"), iri("p"), int(index))) }
        return data
    }()

    @Test("A huge cartesian product stops with .timeout after its deadline", arguments: [true, false])
    func timeout(optimize: Bool) throws {
        var options = QueryOptions(deadline: .now + .milliseconds(50))
        options.optimize = optimize
        let pattern = bgp(tp("?a", ":p", "?w"), tp("?b", ":p", "?x"), tp("?c", ":p", "?y"), tp("?d", ":p", "?z"))
        let query = Query(form: .select, pattern: pattern)
        #expect(throws: QueryEvaluationError.timeout) {
            guard case .solutions(var solutions) = try QueryEvaluator(options: options).evaluate(query, in: Self.wide) else {
                Issue.record("a SELECT evaluated to something other than solutions")
                return
            }
            while try solutions.next() != nil {}
        }
    }

    @Test("ORDER BY over a huge input stops with .timeout too")
    func timeoutWhileSorting() throws {
        let options = QueryOptions(deadline: .now + .milliseconds(50))
        let pattern = GraphPattern.orderBy(bgp(tp("?a", ":p", "?w"), tp("?b", ":p", "?x"), tp("?c", ":p", "?y")), [.descending(ev("y"))])
        #expect(throws: QueryEvaluationError.timeout) {
            guard
                case .solutions(var solutions) = try QueryEvaluator(options: options).evaluate(Query(form: .select, pattern: pattern), in: Self.wide)
            else {
                Issue.record("a SELECT evaluated to something other than solutions")
                return
            }
            _ = try solutions.next()
        }
    }

    @Test("A deadline already past fails before evaluation")
    func pastDeadline() throws {
        let options = QueryOptions(deadline: .now - .seconds(1))
        #expect(throws: QueryEvaluationError.timeout) { try select(.empty, in: Self.wide, options: options) }
    }

    @Test("Cancelling the task stops evaluation with .cancelled")
    func cancellation() async throws {
        let task = Task {
            let pattern = bgp(tp("?a", ":p", "?w"), tp("?b", ":p", "?x"), tp("?c", ":p", "?y"), tp("?d", ":p", "?z"))
            guard case .solutions(var solutions) = try QueryEvaluator().evaluate(Query(form: .select, pattern: pattern), in: Self.wide) else {
                Issue.record("a SELECT evaluated to something other than solutions")
                return
            }
            while try solutions.next() != nil {}
        }
        task.cancel()
        await #expect(throws: QueryEvaluationError.cancelled) { try await task.value }
    }

    @Test("LIMIT stops pulling quads early; the first row comes before the answer is complete")
    func limitStopsEarly() throws {
        let counting = CountingDataset(Self.wide)
        let pattern = GraphPattern.slice(bgp(tp("?a", ":p", "?w"), tp("?b", ":p", "?x")), offset: 0, limit: 3)
        let query = Query(form: .select, pattern: pattern)
        guard case .solutions(var solutions) = try QueryEvaluator().evaluate(query, in: counting) else {
            Issue.record("a SELECT evaluated to something other than solutions")
            return
        }
        var count = 0
        while try solutions.next() != nil { count += 1 }
        #expect(count == 3)
        #expect(counting.pulled.load(ordering: .relaxed) < 20)

        let unlimited = CountingDataset(Self.wide)
        guard case .solutions(var all) = try QueryEvaluator().evaluate(Query(form: .select, pattern: pattern.sliceInner), in: unlimited) else {
            Issue.record("a SELECT evaluated to something other than solutions")
            return
        }
        _ = try all.next()
        #expect(unlimited.pulled.load(ordering: .relaxed) < 20)
    }
}

extension GraphPattern {
    fileprivate var sliceInner: GraphPattern {
        if case .slice(let inner, _, _) = self { return inner }
        return self
    }
}
