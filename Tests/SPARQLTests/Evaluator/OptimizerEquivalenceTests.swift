import RDF
import Testing
import TestKit

@testable import SPARQL

/// The optimiser and the planner's nested loops must not change any answer: every shape below is evaluated on random
/// graphs optimised, unoptimised, and by the reference semantics (hash joins only, no rewrites), and compared as
/// multisets.
@Suite("Optimizer: rewrites preserve results")
struct OptimizerEquivalenceTests {
    static let p = IRI(Notation.namespace + "p")
    static let q = IRI(Notation.namespace + "q")

    static func optional(_ a: GraphPattern, _ b: GraphPattern, _ filter: Expression? = nil) -> GraphPattern {
        .leftJoin(a, b, filter: filter)
    }

    /// Query shapes chosen for the rewrites' traps: filter scope, non-well-designed OPTIONALs, MINUS domains, EXISTS.
    static let shapes: [(String, GraphPattern)] = [
        ("chain", bgp(tp("?a", ":p", "?b"), tp("?b", ":q", "?c"), tp("?c", ":r", "?d"))),
        ("cartesian + filter", .filter(.equal(ev("b"), ev("c")), bgp(tp("?a", ":p", "?b"), tp("?c", ":q", "?d")))),
        ("filter on chain", .filter(.greater(ev("c"), const("2")), bgp(tp("?a", ":p", "?b"), tp("?b", ":q", "?c")))),
        ("optional filter", optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?b", ":q", "?c")), .greater(ev("c"), const("1")))),
        ("!bound after optional", .filter(.not(.bound(v("c"))), optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?b", ":q", "?c"))))),
        ("join after optional", .join(optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?b", ":q", "?c"))), bgp(tp("?c", ":r", "?d")))),
        ("optional on the right", .join(bgp(tp("?x", ":r", "?c")), optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?b", ":q", "?c"))))),
        ("union join", .join(.union(bgp(tp("?a", ":p", "?b")), bgp(tp("?a", ":q", "?b"))), bgp(tp("?b", ":r", "?c")))),
        ("minus", .minus(bgp(tp("?a", ":p", "?b")), bgp(tp("?b", ":q", "?c")))),
        ("minus disjoint", .minus(bgp(tp("?a", ":p", "?b")), bgp(tp("?c", ":q", "?d")))),
        ("minus optional", .minus(bgp(tp("?a", ":p", "?b")), optional(bgp(tp("?a", ":q", "?c")), bgp(tp("?c", ":r", "?b"))))),
        ("exists", .filter(.exists(bgp(tp("?b", ":q", "?c"))), bgp(tp("?a", ":p", "?b")))),
        (
            "not exists reading outer",
            .filter(.not(.exists(.filter(.equal(ev("c"), ev("a")), bgp(tp("?b", ":q", "?c"))))), bgp(tp("?a", ":p", "?b")))
        ),
        ("filter scope", .join(bgp(tp("?a", ":p", "?b")), .filter(.equal(ev("a"), ev("c")), bgp(tp("?b", ":q", "?c"))))),
        ("bind scope", .join(bgp(tp("?a", ":p", "?b")), .extend(bgp(tp("?b", ":q", "?c")), variable: v("d"), expression: ev("a")))),
        ("bind then join", .join(.extend(bgp(tp("?a", ":p", "?b")), variable: v("d"), expression: ev("b")), bgp(tp("?d", ":q", "?c")))),
        ("values", .join(.values(variables: [v("a")], rows: [[iri("n0")], [iri("n1")], [nil]]), bgp(tp("?a", ":p", "?b")))),
        (
            "subquery",
            .join(bgp(tp("?a", ":p", "?b")), .project(bgp(tp("?b", ":q", "?a"), tp("?a", ":r", "?x")), [v("b"), v("x")]))
        ),
        (
            "group join",
            .join(
                .group(bgp(tp("?a", ":p", "?b")), variables: [v("a")], aggregates: [GroupAggregate(v("n"), AggregateExpression(.count, nil))]),
                bgp(tp("?a", ":q", "?c")))
        ),
        ("graph bgp", .graph(name: .variable(v("g")), bgp(tp("?a", ":p", "?b"), tp("?b", ":q", "?c")))),
        ("graph optional", .graph(name: .variable(v("g")), optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?b", ":q", "?c"))))),
        ("graph join", .join(.graph(name: .variable(v("g")), bgp(tp("?a", ":p", "?b"))), bgp(tp("?b", ":q", "?c")))),
        ("graph filter", .filter(.notEqual(ev("g"), const(":g1")), .graph(name: .variable(v("g")), bgp(tp("?a", ":p", "?b"))))),
        (
            "path sequence",
            .join(
                .path(subject: .variable(v("a")), path: .sequence(.predicate(p), .predicate(q)), object: .variable(v("c"))), bgp(tp("?c", ":r", "?d"))
            )
        ),
        (
            "path closure",
            .filter(
                .notEqual(ev("a"), ev("c")),
                .path(subject: .variable(v("a")), path: .zeroOrMore(.alternative(.predicate(p), .predicate(q))), object: .variable(v("c"))))
        ),
        (
            "nested optionals",
            optional(bgp(tp("?a", ":p", "?b")), optional(bgp(tp("?b", ":q", "?c")), bgp(tp("?c", ":r", "?d"))), .notEqual(ev("d"), ev("a")))
        ),
        (
            "disjunction over optional",
            .filter(
                .or(.equal(ev("b"), ev("c")), .equal(ev("d"), const("1"))),
                optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?a", ":q", "?c"), tp("?c", ":r", "?d"))))
        ),
        (
            "two optionals binding one variable",
            .join(optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?a", ":q", "?c"))), optional(bgp(tp("?a", ":r", "?d")), bgp(tp("?d", ":p", "?c"))))
        ),
        (
            "filter over union join",
            .filter(.notEqual(ev("b"), ev("c")), .join(.union(bgp(tp("?a", ":p", "?b")), bgp(tp("?a", ":q", "?c"))), bgp(tp("?a", ":r", "?d"))))
        ),
        (
            "bind then filter",
            .filter(
                .greater(ev("z"), const("2")),
                .extend(bgp(tp("?a", ":p", "?b"), tp("?b", ":q", "?c")), variable: v("z"), expression: .add(ev("c"), const("1"))))
        ),
        (
            "values with filter",
            .join(.values(variables: [v("b")], rows: [[int(1)], [int(2)]]), .filter(.greater(ev("b"), const("0")), bgp(tp("?a", ":p", "?c"))))
        ),
        ("distinct", .distinct(.project(bgp(tp("?a", ":p", "?b"), tp("?c", ":p", "?b")), [v("b")]))),
        (
            "optional with outer filter on both",
            .filter(.and(.bound(v("c")), .lessOrEqual(ev("b"), ev("c"))), optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?a", ":q", "?c"))))
        ),
        (
            "exists in optional filter",
            optional(bgp(tp("?a", ":p", "?b")), bgp(tp("?a", ":q", "?c")), .exists(bgp(tp("?c", ":r", "?b"))))
        ),
    ]

    /// A random graph over nodes n0…n5 and literals 0…3, in the default graph and two named graphs.
    static func randomDataset(seed: UInt64) -> InMemoryDataset {
        var random = SplitMix(seed: seed)
        var data = InMemoryDataset()
        let predicates = ["p", "q", "r"]
        for graph in [nil, "g1", "g2"] {
            for _ in 0..<(graph == nil ? 22 : 10) {
                let subject = iri("n\(random.next(6))")
                let predicate = iri(predicates[random.next(3)])
                let object = random.next(3) == 0 ? int(random.next(4)) : iri("n\(random.next(6))")
                data.insert(Quad(subject, predicate, object, graph: graph.map { GraphName(iri($0))! } ?? .defaultGraph))
            }
        }
        return data
    }

    @Test("Optimised, unoptimised and reference evaluation agree on random graphs", arguments: shapes.indices)
    func equivalence(shape: Int) throws {
        let (name, pattern) = Self.shapes[shape]
        for seed in 0..<25 {
            let data = Self.randomDataset(seed: UInt64(seed * 7919 + shape))
            let reference = sorted(try select(pattern, in: data, options: .reference))
            for options in [QueryOptions(), .unoptimized] {
                let result = sorted(try select(pattern, in: data, options: options))
                #expect(result == reference, "\(name), seed \(seed), optimize: \(options.optimize)")
                if result != reference { return }
            }
        }
    }

    @Test("Union default graph and FROM merges agree too", arguments: [0, 5, 7, 19, 21])
    func datasetsAgree(shape: Int) throws {
        let pattern = Self.shapes[shape].1
        for seed in 0..<10 {
            let data = Self.randomDataset(seed: UInt64(seed))
            var union = QueryOptions(unionDefaultGraph: true)
            var reference = QueryOptions.reference
            reference.unionDefaultGraph = true
            #expect(sorted(try select(pattern, in: data, options: union)) == sorted(try select(pattern, in: data, options: reference)))
            union.unionDefaultGraph = false
            let clause = QueryDataset(
                defaultGraphs: [IRI(Notation.namespace + "g1"), IRI(Notation.namespace + "g2")], namedGraphs: [IRI(Notation.namespace + "g2")])
            #expect(
                sorted(try select(pattern, in: data, dataset: clause, options: union))
                    == sorted(try select(pattern, in: data, dataset: clause, options: .reference)))
        }
    }
}
