import RDF
import Testing

@testable import SPARQL

@Suite("Evaluator: GROUP BY and aggregates")
struct AggregateTests {
    static let data = dataset(
        """
        :x :p 1
        :x :p 2
        :x :p 3
        :y :p 1
        :y :p _:b
        :y :p 4
        :z :p 1.5
        :z :p 2
        :w1 :q "a"
        :w2 :q "b"
        :w3 :q "a"
        """)

    func aggregate(_ function: AggregateExpression.Function, _ expression: Expression?, distinct: Bool = false, by keys: [String] = ["s"])
        throws -> [Bindings]
    {
        let group = GraphPattern.group(
            bgp(tp("?s", ":p", "?o")), variables: keys.map(v),
            aggregates: [GroupAggregate(v("r"), AggregateExpression(function, expression, distinct: distinct))])
        return try select(group, keys + ["r"], in: Self.data)
    }

    func decimal(_ text: String) -> String { "\"\(text)\"^^<http://www.w3.org/2001/XMLSchema#decimal>" }

    @Test("COUNT, COUNT(*), COUNT(DISTINCT)")
    func count() throws {
        #expect(sorted(try aggregate(.count, ev("o"))) == rows(["s": ":x", "r": "3"], ["s": ":y", "r": "3"], ["s": ":z", "r": "2"]))
        #expect(sorted(try aggregate(.count, nil, by: [])) == rows(["r": "8"]))
        let distinctValues = try aggregate(.count, ev("o"), distinct: true, by: [])
        #expect(sorted(distinctValues) == rows(["r": "6"]))
        let strings = GraphPattern.group(
            bgp(tp("?s", ":q", "?o")), variables: [],
            aggregates: [
                GroupAggregate(v("all"), AggregateExpression(.count, nil)),
                GroupAggregate(v("rows"), AggregateExpression(.count, nil, distinct: true)),
                GroupAggregate(v("values"), AggregateExpression(.count, ev("o"), distinct: true)),
            ])
        #expect(sorted(try select(strings, ["all", "rows", "values"], in: Self.data)) == rows(["all": "3", "rows": "3", "values": "2"]))
    }

    @Test("An empty input without GROUP BY is one group; with GROUP BY, no group")
    func emptyGroups() throws {
        let none = bgp(tp("?s", ":none", "?o"))
        let count = GroupAggregate(v("c"), AggregateExpression(.count, nil))
        let max = GroupAggregate(v("m"), AggregateExpression(.max, ev("o")))
        let sum = GroupAggregate(v("t"), AggregateExpression(.sum, ev("o")))
        #expect(
            sorted(try select(.group(none, variables: [], aggregates: [count, max, sum]), ["c", "m", "t"], in: Self.data))
                == rows(["c": "0", "t": "0"]))
        #expect(try select(.group(none, variables: [v("s")], aggregates: [count]), ["s", "c"], in: Self.data).isEmpty)
    }

    @Test("SUM and AVG promote numerics; a non-numeric makes them unbound (agg-err-01)")
    func sumAndAverage() throws {
        let sums = try aggregate(.sum, ev("o"))
        #expect(sums.first { $0["s"] == iri("x") }?["r"] == int(6))
        #expect(sums.first { $0["s"] == iri("y") }?["r"] == nil)
        #expect(sums.first { $0["s"] == iri("z") }?["r"] == .literal(Literal("3.5", datatype: XSD.decimal)))
        let averages = try aggregate(.avg, ev("o"))
        #expect(averages.first { $0["s"] == iri("x") }?["r"] == .literal(Literal("2", datatype: XSD.decimal)))
        #expect(averages.first { $0["s"] == iri("y") }?["r"] == nil)
        #expect(averages.first { $0["s"] == iri("z") }?["r"] == .literal(Literal("1.75", datatype: XSD.decimal)))
    }

    @Test("MIN and MAX use the ORDER BY order, blank nodes included")
    func minAndMax() throws {
        let minimums = try aggregate(.min, ev("o"))
        #expect(minimums.first { $0["s"] == iri("x") }?["r"] == int(1))
        #expect(minimums.first { $0["s"] == iri("y") }?["r"]?.isBlankNode == true)
        let maximums = try aggregate(.max, ev("o"))
        #expect(maximums.first { $0["s"] == iri("y") }?["r"] == int(4))
        #expect(maximums.first { $0["s"] == iri("z") }?["r"] == int(2))
    }

    @Test("SAMPLE picks a value of the group")
    func sample() throws {
        let samples = try aggregate(.sample, ev("o"))
        #expect(samples.count == 3)
        #expect([int(1), int(2), int(3)].contains(samples.first { $0["s"] == iri("x") }!["r"]!))
    }

    @Test("GROUP_CONCAT with separator and DISTINCT; a blank node makes it unbound")
    func groupConcat() throws {
        let group = GraphPattern.group(
            bgp(tp("?s", ":q", "?o")), variables: [],
            aggregates: [
                GroupAggregate(v("all"), AggregateExpression(.groupConcat(separator: "|"), ev("o"))),
                GroupAggregate(v("distinct"), AggregateExpression(.groupConcat(separator: " "), ev("o"), distinct: true)),
            ])
        let result = try select(group, ["all", "distinct"], in: Self.data)
        let all = result[0]["all"]?.literal?.lexicalForm
        #expect(all?.split(separator: "|").sorted() == ["a", "a", "b"])
        #expect(["a b", "b a"].contains(result[0]["distinct"]?.literal?.lexicalForm ?? ""))
        let concat = try aggregate(.groupConcat(separator: ","), ev("o"))
        #expect(concat.first { $0["s"] == iri("y") }?["r"] == nil)
        #expect(concat.first { $0["s"] == iri("x") }?["r"]?.literal?.lexicalForm.count == 5)
    }

    @Test("HAVING-style filters and expressions over aggregate results")
    func having() throws {
        let count = GroupAggregate(v("c"), AggregateExpression(.count, nil))
        let pattern = GraphPattern.filter(.greater(ev("c"), const("2")), .group(bgp(tp("?s", ":p", "?o")), variables: [v("s")], aggregates: [count]))
        #expect(sorted(try select(pattern, ["s"], in: Self.data)) == rows(["s": ":x"], ["s": ":y"]))
    }

    @Test("A custom aggregate is refused before evaluation")
    func customAggregate() throws {
        #expect(throws: QueryEvaluationError.self) { try aggregate(.custom(IRI("http://example.org/median")), ev("o")) }
    }
}
