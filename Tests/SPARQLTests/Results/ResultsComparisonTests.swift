import RDF
import SPARQL
import Testing

@Suite("ResultsComparison")
struct ResultsComparisonTests {
    func b(_ label: String) -> Term { .blankNode(BlankNode(label)) }
    func iri(_ local: String) -> Term { .iri("http://e/" + local) }

    func table(_ rows: [[Term?]], variables: [String] = ["x", "y"]) -> QueryResults {
        .solutions(
            variables: variables,
            rows: rows.map { row in
                var solution: [String: Term] = [:]
                for (variable, term) in zip(variables, row) where term != nil { solution[variable] = term }
                return solution
            }
        )
    }

    @Test func booleans() {
        #expect(ResultsComparison.isomorphic(.boolean(true), .boolean(true), ordered: false))
        #expect(!ResultsComparison.isomorphic(.boolean(true), .boolean(false), ordered: false))
        #expect(!ResultsComparison.isomorphic(.boolean(true), table([]), ordered: false))
    }

    @Test func multisetsIgnoreOrderButCountDuplicates() {
        let a = table([[iri("a"), .string("1")], [iri("a"), .string("1")], [iri("b"), nil]])
        let shuffled = table([[iri("b"), nil], [iri("a"), .string("1")], [iri("a"), .string("1")]])
        let fewerDuplicates = table([[iri("b"), nil], [iri("a"), .string("1")], [iri("b"), nil]])
        #expect(ResultsComparison.isomorphic(a, shuffled, ordered: false))
        #expect(!ResultsComparison.isomorphic(a, shuffled, ordered: true))
        #expect(ResultsComparison.isomorphic(a, a, ordered: true))
        #expect(!ResultsComparison.isomorphic(a, fewerDuplicates, ordered: false))
    }

    @Test func variablesAreASet() {
        let xy = QueryResults.solutions(variables: ["x", "y"], rows: [["x": iri("a"), "y": iri("b")]])
        let yx = QueryResults.solutions(variables: ["y", "x"], rows: [["x": iri("a"), "y": iri("b")]])
        let xz = QueryResults.solutions(variables: ["x", "z"], rows: [["x": iri("a"), "z": iri("b")]])
        #expect(ResultsComparison.isomorphic(xy, yx, ordered: true))
        #expect(!ResultsComparison.isomorphic(xy, xz, ordered: false))
    }

    @Test func literalsCompareExactly() {
        let one = table([[.literal(Literal("1", datatype: XSD.integer)), nil]])
        let zeroOne = table([[.literal(Literal("01", datatype: XSD.integer)), nil]])
        let string = table([[.string("1"), nil]])
        #expect(!ResultsComparison.isomorphic(one, zeroOne, ordered: false))
        #expect(!ResultsComparison.isomorphic(one, string, ordered: false))
        #expect(!ResultsComparison.isomorphic(table([[.literal(Literal("a", language: "en")), nil]]), table([[.string("a"), nil]]), ordered: false))
    }

    @Test func blankNodesRenamedConsistently() {
        let a = table([[b("a"), iri("p")], [b("a"), b("b")], [b("b"), .string("x")]])
        let renamed = table([[b("y"), .string("x")], [b("z"), b("y")], [b("z"), iri("p")]])
        #expect(ResultsComparison.isomorphic(a, renamed, ordered: false))
        #expect(!ResultsComparison.isomorphic(a, renamed, ordered: true))
        let renamedInOrder = table([[b("z"), iri("p")], [b("z"), b("y")], [b("y"), .string("x")]])
        #expect(ResultsComparison.isomorphic(a, renamedInOrder, ordered: true))
    }

    @Test func inconsistentRenamingIsRejected() {
        // One node in `a` where `b` has two, and the reverse: no bijection.
        #expect(!ResultsComparison.isomorphic(table([[b("a"), b("a")]]), table([[b("x"), b("y")]]), ordered: false))
        #expect(!ResultsComparison.isomorphic(table([[b("x"), b("y")]]), table([[b("a"), b("a")]]), ordered: false))
        #expect(!ResultsComparison.isomorphic(table([[b("a"), nil], [b("b"), nil]]), table([[b("a"), nil], [b("a"), nil]]), ordered: false))
        // A blank node never matches an IRI or literal.
        #expect(!ResultsComparison.isomorphic(table([[b("a"), nil]]), table([[iri("a"), nil]]), ordered: false))
        #expect(!ResultsComparison.isomorphic(table([[b("a"), nil]]), table([[.string("_:a"), nil]]), ordered: true))
    }

    /// Symmetric cases that need the search, not just local checks.
    @Test func cyclesNeedBacktracking() {
        let triangle = table([[b("a"), b("b")], [b("b"), b("c")], [b("c"), b("a")]])
        let rotated = table([[b("3"), b("1")], [b("1"), b("2")], [b("2"), b("3")]])
        let twoCycles = table([[b("a"), b("b")], [b("b"), b("a")], [b("c"), b("c")]])
        #expect(ResultsComparison.isomorphic(triangle, rotated, ordered: false))
        #expect(!ResultsComparison.isomorphic(triangle, twoCycles, ordered: false))
        let twoTriangles = table([[b("a"), b("b")], [b("b"), b("c")], [b("c"), b("a")], [b("d"), b("e")], [b("e"), b("f")], [b("f"), b("d")]])
        let hexagon = table([[b("1"), b("2")], [b("2"), b("3")], [b("3"), b("4")], [b("4"), b("5")], [b("5"), b("6")], [b("6"), b("1")]])
        #expect(!ResultsComparison.isomorphic(twoTriangles, hexagon, ordered: false))
        #expect(ResultsComparison.isomorphic(hexagon, hexagon, ordered: false))
    }

    @Test func largeResultsWithBlankNodesAreQuick() {
        let rows: [[Term?]] = (0..<3_000).map { [b("n\($0)"), .literal(Literal(String($0 % 100), datatype: XSD.integer))] }
        let renamed: [[Term?]] = rows.reversed().map { row in
            guard case .blankNode(let node)? = row[0] else { return row }
            return [b("m" + node.id), row[1]]
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(ResultsComparison.isomorphic(table(rows), table(renamed), ordered: false))
        }
        #expect(elapsed < .seconds(10))
    }
}
