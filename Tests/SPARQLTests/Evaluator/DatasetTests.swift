import RDF
import Testing

@testable import SPARQL

@Suite("Evaluator: GRAPH, FROM, FROM NAMED and the union default graph")
struct DatasetTests {
    static let data = dataset(
        """
        :d :p "default"
        :a :p "one" :g1
        :shared :p "both" :g1
        :b :p "two" :g2
        :shared :p "both" :g2
        :b :q :a :g2
        """)

    @Test("The default graph is the stored one; GRAPH ?g ranges over named graphs only", arguments: allModes)
    func defaultAndNamed(options: QueryOptions) throws {
        #expect(sorted(try select(bgp(tp("?s", ":p", "?o")), ["o"], in: Self.data, options: options)) == rows(["o": "\"default\""]))
        let named = GraphPattern.graph(name: .variable(v("g")), bgp(tp("?s", ":p", "?o")))
        #expect(
            sorted(try select(named, ["g", "o"], in: Self.data, options: options))
                == rows(["g": ":g1", "o": "\"one\""], ["g": ":g1", "o": "\"both\""], ["g": ":g2", "o": "\"two\""], ["g": ":g2", "o": "\"both\""]))
    }

    @Test("GRAPH ?g {} gives one row per named graph; GRAPH <unknown> gives nothing", arguments: allModes)
    func emptyGroupAndUnknownGraph(options: QueryOptions) throws {
        #expect(sorted(try select(.graph(name: .variable(v("g")), .empty), in: Self.data, options: options)) == rows(["g": ":g1"], ["g": ":g2"]))
        #expect(try select(.graph(name: .term(iri("nope")), .empty), in: Self.data, options: options).isEmpty)
        #expect(try select(.graph(name: .term(iri("d")), .empty), in: Self.data, options: options).isEmpty)
        #expect(try select(.graph(name: .term(iri("g1")), .empty), in: Self.data, options: options) == [[:]])
    }

    @Test("GRAPH ?g: joins stay within one graph; an already bound ?g picks the graph", arguments: allModes)
    func graphJoins(options: QueryOptions) throws {
        // ?b :q ?x in g2 and ?x :p ?o — ?x = :a has :p only in g1, so nothing within one graph.
        let inGraph = GraphPattern.graph(name: .variable(v("g")), bgp(tp("?s", ":q", "?x"), tp("?x", ":p", "?o")))
        #expect(try select(inGraph, in: Self.data, options: options).isEmpty)
        let bound = GraphPattern.join(.values(variables: [v("g")], rows: [[iri("g2")]]), .graph(name: .variable(v("g")), bgp(tp("?s", ":p", "?o"))))
        #expect(try select(bound, in: Self.data, options: options).count == 2)
        // The graph variable also used inside the graph.
        let values = GraphPattern.graph(name: .variable(v("g")), .values(variables: [v("x")], rows: [[int(1)]]))
        #expect(try select(values, in: Self.data, options: options).count == 2)
    }

    @Test("GRAPH ?g around a subquery evaluates it per graph (agg-empty-group-count-graph)")
    func graphSubquery() throws {
        let count = GraphPattern.project(
            .group(bgp(tp("?s", ":p", "?o")), variables: [], aggregates: [GroupAggregate(v("c"), AggregateExpression(.count, nil))]), [v("c")])
        let result = try select(.graph(name: .variable(v("g")), count), ["g", "c"], in: Self.data)
        #expect(sorted(result) == rows(["g": ":g1", "c": "2"], ["g": ":g2", "c": "2"]))
    }

    @Test("FROM: the default graph is the merge of the graphs, each triple once", arguments: allModes)
    func from(options: QueryOptions) throws {
        let clause = QueryDataset(defaultGraphs: [IRI(Notation.namespace + "g1"), IRI(Notation.namespace + "g2")])
        let result = try select(bgp(tp("?s", ":p", "?o")), ["o"], in: Self.data, dataset: clause, options: options)
        #expect(sorted(result) == rows(["o": "\"one\""], ["o": "\"two\""], ["o": "\"both\""]))
        // With FROM but no FROM NAMED there are no named graphs.
        #expect(try select(.graph(name: .variable(v("g")), .empty), in: Self.data, dataset: clause, options: options).isEmpty)
    }

    @Test("FROM NAMED: GRAPH ranges over those graphs only, and the default graph is empty", arguments: allModes)
    func fromNamed(options: QueryOptions) throws {
        let clause = QueryDataset(namedGraphs: [IRI(Notation.namespace + "g2"), IRI(Notation.namespace + "missing")])
        #expect(try select(bgp(tp("?s", "?p", "?o")), in: Self.data, dataset: clause, options: options).isEmpty)
        let named = GraphPattern.graph(name: .variable(v("g")), bgp(tp("?s", ":p", "?o")))
        #expect(sorted(try select(named, ["g"], in: Self.data, dataset: clause, options: options)) == rows(["g": ":g2"], ["g": ":g2"]))
        #expect(try select(.graph(name: .term(iri("g1")), bgp(tp("?s", "?p", "?o"))), in: Self.data, dataset: clause, options: options).isEmpty)
    }

    @Test("unionDefaultGraph: the default graph is every graph merged", arguments: [true, false])
    func unionDefaultGraph(optimize: Bool) throws {
        var options = QueryOptions(unionDefaultGraph: true)
        options.optimize = optimize
        let result = try select(bgp(tp("?s", ":p", "?o")), ["o"], in: Self.data, options: options)
        #expect(sorted(result) == rows(["o": "\"default\""], ["o": "\"one\""], ["o": "\"two\""], ["o": "\"both\""]))
        // Named graphs are unchanged.
        #expect(try select(.graph(name: .variable(v("g")), .empty), in: Self.data, options: options).count == 2)
        // Paths cross graphs in the union.
        let path = GraphPattern.path(
            subject: .term(iri("b")), path: .sequence(.predicate(IRI(Notation.namespace + "q")), .predicate(IRI(Notation.namespace + "p"))),
            object: .variable(v("o")))
        #expect(sorted(try select(path, ["o"], in: Self.data, options: options)) == rows(["o": "\"one\""]))
    }
    @Test("unionDefaultGraph with an empty stored default graph: a triple in two graphs still comes once", arguments: [true, false])
    func unionOfNamedGraphsOnly(optimize: Bool) throws {
        // The lowest graph's quads are taken without a look for other copies; the higher graph's are still looked up.
        let data = dataset(
            """
            :a :p "one" :g1
            :shared :p "both" :g1
            :b :p "two" :g2
            :shared :p "both" :g2
            :c :p "three" :g3
            :shared :p "both" :g3
            """)
        var options = QueryOptions(unionDefaultGraph: true)
        options.optimize = optimize
        let result = try select(bgp(tp("?s", ":p", "?o")), ["o"], in: data, options: options)
        #expect(sorted(result) == rows(["o": "\"one\""], ["o": "\"two\""], ["o": "\"three\""], ["o": "\"both\""]))
        #expect(try select(bgp(tp(":shared", "?p", "?o")), in: data, options: options).count == 1)
        let single = dataset(":a :p \"one\" :g1\n:b :p \"two\" :g1")
        #expect(try select(bgp(tp("?s", ":p", "?o")), in: single, options: options).count == 2)
    }
}

