import RDF
import Testing

@testable import SPARQL

/// Regression cases from `Benchmarks/shapes.py` (issue 15): shapes that a live server answered late, or that grew its
/// memory without bound. Each runs fast in a debug build; none asserts a time.
@Suite("Evaluator: hostile shapes")
struct HostileShapeTests {
    static let data = dataset(":a :p 1", ":b :p 2", ":c :q \"x\"")

    /// The rows of `text`, evaluated with `options`, on a thread with the stack the server gives queries (a chain of
    /// thousands of operators recurses as deep as it is long).
    static func answer(_ text: String, options: QueryOptions = QueryOptions()) throws -> [Bindings] {
        try LargeStack.run { () throws -> [Bindings] in try answerOnThisThread(text, options: options) }
    }

    private static func answerOnThisThread(_ text: String, options: QueryOptions) throws -> [Bindings] {
        try rows(of: SPARQLParser.parseQuery(text), in: data, options: options)
    }

    static func options(deadlineIn milliseconds: Int) -> QueryOptions {
        var options = QueryOptions()
        options.deadline = .now + .milliseconds(milliseconds)
        return options
    }

    @Test("9,000 conjuncts in one FILTER and 9,000 FILTERs in one group keep the rows they should (conjuncts were n²)")
    func longConjunctions() throws {
        let conjunction = (0..<9_000).map { "?o != \($0 + 3)" }.joined(separator: " && ")
        #expect(try Self.answer("SELECT ?s { ?s <http://example.org/p> ?o FILTER(\(conjunction)) }").count == 2)
        let filters = (0..<9_000).map { "FILTER(?o != \($0 + 2))" }.joined(separator: " ")
        #expect(try Self.answer("SELECT ?s { ?s <http://example.org/p> ?o \(filters) }").count == 1)
    }

    @Test("A join of 400 patterns with filters on its variables is planned and answered, optimised and not")
    func wideStarJoin() throws {
        let patterns = (0..<400).map { "?s ?p\($0) ?o\($0)" }.joined(separator: " . ")
        let filters = (0..<50).map { "FILTER(!sameTerm(?o\($0 * 7), 2))" }.joined(separator: " ")
        let text = "SELECT ?s { \(patterns) \(filters) }"
        #expect(sorted(try Self.answer(text)) == rows(["s": ":a"], ["s": ":c"]))
        #expect(sorted(try Self.answer(text, options: .reference)) == rows(["s": ":a"], ["s": ":c"]))
    }

    @Test("A chain of 5,000 BINDs, each on the one before, is planned and answered (each level copied the sets below: n²)")
    func bindChain() throws {
        let binds = (0..<5_000).map { "BIND(?v\($0) + 1 AS ?v\($0 + 1))" }.joined(separator: " ")
        let answer = try Self.answer("SELECT ?v5000 { BIND(1 AS ?v0) \(binds) }")
        #expect(answer == [["v5000": .literal(Literal("5001", datatype: XSD.integer))]])
        let over = try Self.answer("SELECT ?s ?v5000 { ?s <http://example.org/p> ?v0 \(binds) }")
        #expect(over.count == 2)
    }

    @Test("A chain of 2,000 OPTIONALs gives the reference answer")
    func optionalChain() throws {
        let optionals = (0..<2_000).map { "OPTIONAL { ?s <http://example.org/p> ?o\($0) }" }.joined(separator: " ")
        let text = "SELECT ?s ?o1999 { ?s ?any ?x \(optionals) }"
        let expected = sorted(try Self.answer(text, options: .reference))
        #expect(expected.count == 3)
        #expect(sorted(try Self.answer(text)) == expected)
    }

    @Test(
        "A regular expression that backtracks exponentially stops at the deadline",
        arguments: [
            "SELECT (REGEX(\"\(String(repeating: "a", count: 60))b\", \"^(a+)+$\") AS ?x) {}",
            "SELECT (REPLACE(\"\(String(repeating: "a", count: 60))b\", \"(a|aa)+$\", \"z\") AS ?x) {}",
            "SELECT ?s { ?s ?p ?o FILTER(REGEX(CONCAT(STR(?s), \"\(String(repeating: "a", count: 60))!\"), \"(a*)*$\")) }",
        ])
    func catastrophicRegex(_ text: String) throws {
        #expect(throws: QueryEvaluationError.timeout) { try Self.answer(text, options: Self.options(deadlineIn: 200)) }
    }

    @Test(
        "Strings doubled step by step end the query at the string limit instead of exhausting memory",
        arguments: [
            "SELECT * { BIND(\"aaaaaaaaaaaaaaaa\" AS ?v0) "
                + (0..<40).map { "BIND(CONCAT(?v\($0), ?v\($0)) AS ?v\($0 + 1))" }.joined(separator: " ") + " }",
            "SELECT * { BIND(\"aaaaaaaaaaaaaaaa\" AS ?v0) "
                + (0..<40).map { "BIND(REPLACE(\"xxxxxxxx\", \"x\", ?v\($0)) AS ?v\($0 + 1))" }.joined(separator: " ") + " }",
            "SELECT ?x30 { " + (0..<30).reversed().map { "{ SELECT (GROUP_CONCAT(?x\($0)) AS ?x\($0 + 1)) { VALUES ?k { 1 2 } " }.joined()
                + "BIND(\"aaaaaaaaaaaaaaaa\" AS ?x0)" + String(repeating: " } }", count: 30) + " }",
            "SELECT (CONCAT(" + Array(repeating: "?v", count: 2_000).joined(separator: ", ")
                + ") AS ?x) { BIND(\"" + String(repeating: "a", count: 10_000) + "\" AS ?v) }",
        ])
    func doublingStrings(_ text: String) throws {
        do {
            _ = try Self.answer(text)
            Issue.record("the query finished")
        } catch let error as QueryEvaluationError {
            guard case .tooComplex(let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(message.contains("\(SPARQLLimits.maximumStringLength) bytes"))
        }
    }
}
