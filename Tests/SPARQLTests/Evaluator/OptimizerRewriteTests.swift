import RDF
import Testing

@testable import SPARQL

@Suite("Optimizer: join order, filter placement, join strategies")
struct OptimizerRewriteTests {
    static let data: InMemoryDataset = {
        var data = InMemoryDataset()
        for index in 0..<50 {
            data.insert(Quad(iri("s\(index)"), iri("type"), iri("Common")))
            data.insert(Quad(iri("s\(index)"), iri("value"), int(index)))
        }
        data.insert(Quad(iri("s7"), iri("rare"), iri("gem")))
        return data
    }()

    func optimize(_ pattern: GraphPattern) -> GraphPattern {
        let access = TypedDatasetAccess(Self.data)
        let context = EvaluationContext(
            access: access, view: DatasetView(clause: nil, unionDefaultGraph: false, access: access), deadline: Deadline(nil),
            functions: FunctionContext())
        // No deadline, and test patterns are far below the join budget: the optimiser cannot throw here.
        return try! Optimizer(context: context).optimize(pattern)
    }

    @Test("The most selective triple pattern goes first, then connected ones")
    func selectiveFirst() {
        let pattern = bgp(tp("?s", ":type", ":Common"), tp("?s", ":value", "?v"), tp("?s", ":rare", "?o"))
        guard case .bgp(let ordered) = optimize(pattern) else {
            Issue.record("expected one BGP")
            return
        }
        #expect(ordered.first == tp("?s", ":rare", "?o"))
        #expect(ordered.count == 3)
    }

    @Test("No cartesian product while a connected pattern remains")
    func connectedBeforeCartesian() {
        let pattern = bgp(tp("?s", ":type", ":Common"), tp("?x", ":value", "?y"), tp("?s", ":rare", "?o"))
        guard case .bgp(let ordered) = optimize(pattern) else {
            Issue.record("expected one BGP")
            return
        }
        #expect(ordered == [tp("?s", ":rare", "?o"), tp("?s", ":type", ":Common"), tp("?x", ":value", "?y")])
    }

    @Test("A filter lands right after the shortest prefix that binds its variables")
    func filterAfterPrefix() {
        let pattern = GraphPattern.filter(
            .greater(ev("v"), const("3")), bgp(tp("?s", ":rare", "?o"), tp("?s", ":value", "?v"), tp("?s", ":type", "?t")))
        let optimized = optimize(pattern)
        guard case .join(.filter(_, .bgp(let first)), .bgp(let rest), strategy: .nestedLoop) = optimized else {
            Issue.record("unexpected plan \(optimized)")
            return
        }
        #expect(first == [tp("?s", ":rare", "?o"), tp("?s", ":value", "?v")])
        #expect(rest == [tp("?s", ":type", "?t")])
    }

    @Test("A filter moves into the left side of an OPTIONAL, never into its right side")
    func filterAndOptional() {
        let optional = GraphPattern.leftJoin(bgp(tp("?s", ":value", "?v")), bgp(tp("?s", ":rare", "?o")), filter: nil)
        let left = optimize(.filter(.greater(ev("v"), const("3")), optional))
        guard case .leftJoin(.filter, .bgp, nil, _) = left else {
            Issue.record("unexpected plan \(left)")
            return
        }
        let unbound = optimize(.filter(.not(.bound(v("o"))), optional))
        guard case .filter(_, .leftJoin(.bgp, .bgp, nil, _)) = unbound else {
            Issue.record("unexpected plan \(unbound)")
            return
        }
    }

    @Test("VALUES goes first and the rest joins by substitution")
    func valuesFirst() {
        let pattern = GraphPattern.join(bgp(tp("?s", ":value", "?v"), tp("?s", ":type", "?t")), .values(variables: [v("s")], rows: [[iri("s3")]]))
        let optimized = optimize(pattern)
        guard case .join(.values, .bgp, strategy: .nestedLoop) = optimized else {
            Issue.record("unexpected plan \(optimized)")
            return
        }
    }

    @Test("A right side that substitution would change is hash joined")
    func hashForUnfitRightSide() {
        // The OPTIONAL may bind ?c, which the other operand binds: not well designed, so no substitution.
        let pattern = GraphPattern.join(
            bgp(tp("?x", ":rare", "?c")), .leftJoin(bgp(tp("?a", ":type", "?b")), bgp(tp("?a", ":value", "?c")), filter: nil))
        let optimized = optimize(pattern)
        guard case .join(let left, let right, let strategy) = optimized else {
            Issue.record("unexpected plan \(optimized)")
            return
        }
        if case .leftJoin = right { #expect(strategy == .hash) }
        if case .leftJoin = left { #expect(strategy == .nestedLoop) }
    }

    @Test("An OPTIONAL sharing a variable with its left side is a nested loop; one a substitution would change is hashed")
    func leftJoinStrategies() {
        let connected = optimize(.leftJoin(bgp(tp("?s", ":rare", "?o")), bgp(tp("?s", ":value", "?v")), filter: nil))
        guard case .leftJoin(_, _, nil, strategy: .nestedLoop) = connected else {
            Issue.record("unexpected plan \(connected)")
            return
        }
        // `{ ?s :value ?v FILTER(?o) }` inside the OPTIONAL reads ?o, which only the left side binds: substituting it
        // would change the filter's answer (§18.5 evaluates the inner group alone).
        let scoped = GraphPattern.filter(.bound(v("o")), bgp(tp("?s", ":value", "?v")))
        let hashed = optimize(.leftJoin(bgp(tp("?s", ":rare", "?o")), scoped, filter: nil))
        guard case .leftJoin(_, .filter, nil, strategy: .hash) = hashed else {
            Issue.record("unexpected plan \(hashed)")
            return
        }
    }

    @Test("Without the rewrite the order stays as written and the join strategies are still chosen")
    func strategiesWithoutRewrite() throws {
        let access = TypedDatasetAccess(Self.data)
        let context = EvaluationContext(
            access: access, view: DatasetView(clause: nil, unionDefaultGraph: false, access: access), deadline: Deadline(nil),
            functions: FunctionContext())
        let pattern = GraphPattern.join(bgp(tp("?s", ":type", ":Common")), .leftJoin(bgp(tp("?s", ":value", "?v")), bgp(tp("?s", ":rare", "?o")), filter: nil))
        let chosen = try Optimizer(context: context).choosingJoinStrategiesOnly(pattern)
        #expect(
            chosen
                == .join(
                    bgp(tp("?s", ":type", ":Common")),
                    .leftJoin(bgp(tp("?s", ":value", "?v")), bgp(tp("?s", ":rare", "?o")), filter: nil, strategy: .nestedLoop),
                    strategy: .nestedLoop))
    }

    @Test("Filters with EXISTS keep the active graph: not moved into GRAPH")
    func existsStaysOutsideGraph() {
        let pattern = GraphPattern.filter(.exists(bgp(tp("?s", ":rare", "?o"))), .graph(name: .term(iri("g")), bgp(tp("?s", ":value", "?v"))))
        guard case .filter(.exists, .graph) = optimize(pattern) else {
            Issue.record("EXISTS moved into GRAPH")
            return
        }
    }
}
