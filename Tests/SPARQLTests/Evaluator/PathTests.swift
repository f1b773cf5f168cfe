import RDF
import Testing

@testable import SPARQL

@Suite("Evaluator: property paths")
struct PathTests {
    static let p = PropertyPath.predicate(IRI(Notation.namespace + "p"))
    static let q = PropertyPath.predicate(IRI(Notation.namespace + "q"))
    /// a → b → c → a (a cycle), c → d, and a literal object.
    static let cycle = dataset(":a :p :b", ":b :p :c", ":c :p :a", ":c :p :d", ":d :q \"end\"")

    func path(_ s: String, _ path: PropertyPath, _ o: String) -> GraphPattern {
        .path(subject: Notation.pattern(s), path: path, object: Notation.pattern(o))
    }

    @Test("p* from a node on a cycle: each reachable node once, the start included", arguments: allModes)
    func zeroOrMoreCycle(options: QueryOptions) throws {
        let result = try select(path(":a", .zeroOrMore(Self.p), "?x"), ["x"], in: Self.cycle, options: options)
        #expect(sorted(result) == rows(["x": ":a"], ["x": ":b"], ["x": ":c"], ["x": ":d"]))
    }

    @Test("p+ includes the start only when a cycle leads back", arguments: allModes)
    func oneOrMore(options: QueryOptions) throws {
        #expect(try select(path(":a", .oneOrMore(Self.p), "?x"), in: Self.cycle, options: options).count == 4)
        #expect(sorted(try select(path(":c", .oneOrMore(Self.p), "?x"), ["x"], in: dataset(":c :p :d"), options: options)) == rows(["x": ":d"]))
        #expect(
            sorted(try select(path("?x", .oneOrMore(Self.p), ":d"), ["x"], in: Self.cycle, options: options))
                == rows(["x": ":a"], ["x": ":b"], ["x": ":c"]))
    }

    @Test("p* with both ends open matches every node of the graph with itself, literals included", arguments: allModes)
    func zeroLengthAllNodes(options: QueryOptions) throws {
        let result = try select(path("?x", .zeroOrMore(Self.q), "?y"), ["x", "y"], in: Self.cycle, options: options)
        #expect(
            sorted(result)
                == rows(
                    ["x": ":a", "y": ":a"], ["x": ":b", "y": ":b"], ["x": ":c", "y": ":c"], ["x": ":d", "y": ":d"],
                    ["x": "\"end\"", "y": "\"end\""], ["x": ":d", "y": "\"end\""]))
    }

    @Test("A constant the data lacks still matches itself by a zero-length path")
    func zeroLengthUnknownTerm() throws {
        #expect(sorted(try select(path(":nowhere", .zeroOrMore(Self.p), "?x"), ["x"], in: Self.cycle)) == rows(["x": ":nowhere"]))
        #expect(try select(path(":nowhere", .oneOrMore(Self.p), "?x"), in: Self.cycle).isEmpty)
        #expect(try select(path(":a", .zeroOrMore(Self.p), ":a"), in: Self.cycle) == [[:]])
    }

    @Test("Same variable at both ends: the nodes on a cycle", arguments: allModes)
    func sameVariable(options: QueryOptions) throws {
        #expect(
            sorted(try select(path("?x", .oneOrMore(Self.p), "?x"), ["x"], in: Self.cycle, options: options))
                == rows(["x": ":a"], ["x": ":b"], ["x": ":c"]))
    }

    @Test("Sequence and alternative keep duplicates; ? does not", arguments: allModes)
    func bagSemantics(options: QueryOptions) throws {
        let data = dataset(":a :p :m1", ":a :p :m2", ":m1 :q :z", ":m2 :q :z", ":a :q :z")
        #expect(try select(path(":a", .sequence(Self.p, Self.q), "?x"), in: data, options: options).count == 2)
        #expect(try select(path(":a", .alternative(Self.q, Self.q), "?x"), in: data, options: options).count == 2)
        #expect(try select(path(":a", .zeroOrOne(.alternative(Self.q, Self.q)), "?x"), in: data, options: options).count == 2)
        #expect(try select(path("?s", .sequence(Self.p, Self.q), "?x"), in: data, options: options).count == 2)
    }

    @Test("Inverse and negated property sets", arguments: allModes)
    func inverseAndNegated(options: QueryOptions) throws {
        #expect(sorted(try select(path(":b", .inverse(Self.p), "?x"), ["x"], in: Self.cycle, options: options)) == rows(["x": ":a"]))
        let notP = PropertyPath.negatedPropertySet(forward: [IRI(Notation.namespace + "p")], inverse: [])
        #expect(sorted(try select(path("?s", notP, "?o"), ["s", "o"], in: Self.cycle, options: options)) == rows(["s": ":d", "o": "\"end\""]))
        let inverseNotQ = PropertyPath.negatedPropertySet(forward: [], inverse: [IRI(Notation.namespace + "q")])
        #expect(sorted(try select(path(":b", inverseNotQ, "?o"), ["o"], in: Self.cycle, options: options)) == rows(["o": ":a"]))
    }

    @Test("Paths inside GRAPH ?g stay in each graph", arguments: allModes)
    func pathsPerGraph(options: QueryOptions) throws {
        let data = dataset(":a :p :b :g1", ":b :p :c :g2", ":b :p :x :g1")
        let pattern = GraphPattern.graph(name: .variable(v("g")), path(":a", .oneOrMore(Self.p), "?x"))
        #expect(sorted(try select(pattern, ["g", "x"], in: data, options: options)) == rows(["g": ":g1", "x": ":b"], ["g": ":g1", "x": ":x"]))
    }

    @Test("Path joined with a BGP: bound start from the left side", arguments: allModes)
    func pathInJoin(options: QueryOptions) throws {
        let data = dataset(":root :label \"r\"", ":root :p :k1", ":k1 :p :k2", ":k2 :p :k1")
        let pattern = GraphPattern.join(bgp(tp("?r", ":label", "\"r\"")), path("?r", .oneOrMore(Self.p), "?k"))
        #expect(sorted(try select(pattern, ["k"], in: data, options: options)) == rows(["k": ":k1"], ["k": ":k2"]))
    }
}
