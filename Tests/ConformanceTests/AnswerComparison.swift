import RDF
import SPARQL

/// Compares our answer with the expected one the way the W3C suites mean it
/// (https://www.w3.org/2009/sparql/docs/tests/README.html#queryevaltests).
///
/// - Blank nodes may be renamed, by one bijection for the whole answer (`ResultsComparison.isomorphic`). Graphs are
///   compared the same way, as tables of (s, p, o) rows: a consistent blank node bijection under which the triple
///   sets are equal is exactly graph isomorphism.
/// - Literals are compared after `SPARQLFunctions.canonicalized` on **both** sides: numeric, boolean and date/time
///   lexical forms differ legitimately between implementations (`2.0` or `2.0E0` for a computed double, `1.50` or
///   `1.5` for a decimal), and the expected files themselves write one value several ways across tests. The price: a
///   test that checks a lexical form is preserved (`"01"^^xsd:integer` coming out as written) cannot catch us
///   returning the canonical form instead. Row counts still count, so DISTINCT over `"1"` and `"01"` is still checked.
/// - Row order counts only when the query orders its solutions at the top (see `isOrdered`).
/// - With `mf:LaxCardinality` (REDUCED) duplicates do not count: both sides are compared as sets of rows.
/// - CSV (`mf:CSVResultFormatTest`, or a `.csv` result) loses datatypes and languages, so our answer is written as CSV
///   and read back before comparing, exactly as lossy as the expected file.
struct AnswerComparison {
    var ordered = false
    var laxCardinality = false
    var throughCSV = false

    /// `nil` when the answers match; otherwise both, printed for the failure message.
    func mismatch(actual: Answer, expected: Answer) throws -> String? {
        switch (actual, expected) {
        case (.results(var actual), .results(var expected)):
            if throughCSV {
                actual = try QueryResultsParser.parse(QueryResultsSerializer.serialize(actual, as: .csv), format: .csv)
            } else {
                actual = Self.canonical(actual)
                expected = Self.canonical(expected)
            }
            if laxCardinality {
                actual = Self.distinct(actual)
                expected = Self.distinct(expected)
            }
            if ResultsComparison.isomorphic(actual, expected, ordered: ordered) { return nil }
            return "expected:\n\(Self.render(expected, ordered: ordered))\nactual:\n\(Self.render(actual, ordered: ordered))"
        case (.graph(let actual), .graph(let expected)):
            let a = Self.table(actual), e = Self.table(expected)
            if ResultsComparison.isomorphic(a, e, ordered: false) { return nil }
            return "expected graph:\n\(Self.render(expected))\nactual graph:\n\(Self.render(actual))"
        case (.results, .graph):
            return "expected a graph, got a result table"
        case (.graph, .results):
            return "expected a result table, got a graph"
        }
    }

    /// Whether the order of the solutions is part of the answer: ORDER BY at the top of the query, under the
    /// projection, DISTINCT/REDUCED and LIMIT/OFFSET layers only (an ORDER BY inside a subquery orders nothing visible).
    static func isOrdered(_ pattern: GraphPattern) -> Bool {
        switch pattern {
        case .orderBy: true
        case .project(let inner, _), .distinct(let inner), .reduced(let inner), .slice(let inner, _, _): isOrdered(inner)
        default: false
        }
    }

    private static func canonical(_ results: QueryResults) -> QueryResults {
        guard case .solutions(let variables, let rows) = results else { return results }
        return .solutions(variables: variables, rows: rows.map { $0.mapValues(SPARQLFunctions.canonicalized) })
    }

    private static func distinct(_ results: QueryResults) -> QueryResults {
        guard case .solutions(let variables, let rows) = results else { return results }
        var seen = Set<[String: Term]>()
        return .solutions(variables: variables, rows: rows.filter { seen.insert($0).inserted })
    }

    /// A graph as a table of (s, p, o) rows, literals canonicalised.
    private static func table(_ graph: Set<Triple>) -> QueryResults {
        let rows = graph.map { triple -> [String: Term] in
            ["s": triple.subject, "p": triple.predicate, "o": SPARQLFunctions.canonicalized(triple.object)]
        }
        // Canonicalising can merge two triples ("1" and "01"): a graph is a set.
        return .solutions(variables: ["s", "p", "o"], rows: Array(Set(rows)))
    }

    /// At most this many rows or triples are printed per side.
    private static let printedLines = 40

    private static func render(_ results: QueryResults, ordered: Bool) -> String {
        switch results {
        case .boolean(let value):
            return "  \(value)"
        case .solutions(let variables, let rows):
            var lines = rows.map { row in
                variables.map { name in "?\(name)=\(row[name]?.description ?? "UNDEF")" }.joined(separator: " ")
            }
            if !ordered { lines.sort() }
            let header = "  variables: " + variables.map { "?" + $0 }.joined(separator: " ") + " (\(rows.count) rows)"
            return ([header] + clipped(lines)).joined(separator: "\n")
        }
    }

    private static func render(_ graph: Set<Triple>) -> String {
        (["  (\(graph.count) triples)"] + clipped(graph.map(\.description).sorted())).joined(separator: "\n")
    }

    private static func clipped(_ lines: [String]) -> [String] {
        let shown = lines.prefix(printedLines).map { "  " + $0 }
        return lines.count > printedLines ? shown + ["  … \(lines.count - printedLines) more"] : shown
    }
}
