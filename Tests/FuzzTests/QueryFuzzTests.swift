import Foundation
import RDF
@testable import SPARQL
import Testing
import TestKit

/// A fuzzer that stays (issue 15): grammar-aware queries and updates, and mutations of them, through the parser and
/// both evaluators, on the large stack the server uses. Invariants: nothing crashes; a syntax error has a position
/// inside the text; optimised and reference evaluation agree; an update refused by its parser changes nothing.
///
/// Runs `LODESTAR_FUZZ_SECONDS` seconds (default 60) from seed `LODESTAR_FUZZ_SEED` (default: from the clock), both
/// printed. A failure prints the seed and the input; each input that ever failed is kept in `RegressionCases`.
@Suite struct QueryFuzzTests {
    static let seconds = Double(ProcessInfo.processInfo.environment["LODESTAR_FUZZ_SECONDS"] ?? "") ?? 60
    static let seed = UInt64(ProcessInfo.processInfo.environment["LODESTAR_FUZZ_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970 * 1000)

    static let data: InMemoryDataset = {
        var data = InMemoryDataset()
        let ex = "http://example.org/"
        for i in 0..<5 {
            data.insert(Quad(.iri(IRI(ex + "n\(i)")), .iri(IRI(ex + "p")), .iri(IRI(ex + "n\((i + 1) % 5)")), graph: .defaultGraph))
            data.insert(Quad(.iri(IRI(ex + "n\(i)")), .iri(IRI(ex + "q")), .literal(Literal(String(i), datatype: XSD.integer)), graph: .defaultGraph))
            data.insert(Quad(.iri(IRI(ex + "n\(i)")), .iri(IRI(ex + "r")), .string("x\(i)"), graph: GraphName(.iri(IRI(ex + "g")))!))
        }
        return data
    }()

    @Test func generatedAndMutatedQueriesKeepTheInvariants() throws {
        print("QueryFuzzTests: seed \(Self.seed), \(Self.seconds) s (LODESTAR_FUZZ_SEED, LODESTAR_FUZZ_SECONDS)")
        let end = Date().addingTimeInterval(Self.seconds)
        var grammar = QueryGrammar(random: SplitMix(seed: Self.seed))
        var counts = (queries: 0, refused: 0, updates: 0)
        try LargeStack.run { () throws in
            while Date() < end {
                let generated = grammar.chance(3) ? grammar.update() : grammar.query()
                let text = grammar.chance(2) ? grammar.mutate(generated) : generated
                if text.contains("INSERT") || text.contains("DELETE") || text.contains("CLEAR") {
                    counts.updates += 1
                    try Self.checkUpdate(text)
                } else {
                    counts.queries += 1
                    if try !Self.checkQuery(text) { counts.refused += 1 }
                }
            }
        }
        print("QueryFuzzTests: \(counts.queries) queries (\(counts.refused) refused), \(counts.updates) updates, seed \(Self.seed)")
        #expect(counts.queries > 0)
    }

    @Test(arguments: RegressionCases.queries)
    func regressionQueries(_ text: String) throws {
        try LargeStack.run { () throws in _ = try Self.checkQuery(text) }
    }

    /// Parses and evaluates `text` both ways; false if the parser refused it (with a valid position).
    static func checkQuery(_ text: String) throws -> Bool {
        let query: Query
        do {
            query = try SPARQLParser.parseQuery(text)
        } catch {
            expectPositioned(error, in: text)
            return false
        }
        // The printed query parses back to the same algebra.
        let reparsed = try SPARQLParser.parseQuery(query.description)
        #expect(reparsed.pattern.sse == query.pattern.sse, "seed \(seed): \(text)")
        var reference = QueryOptions()
        reference.referenceSemantics = true
        reference.optimize = false
        let expected = try answer(query, options: reference)
        let actual = try answer(query, options: QueryOptions())
        #expect(actual == expected, "seed \(seed): optimised and reference answers differ for \(text)")
        return true
    }

    /// An update that parses is computed against the data; one that does not has a position and changes nothing
    /// (it never reaches the data).
    static func checkUpdate(_ text: String) throws {
        let update: Update
        do {
            update = try SPARQLParser.parseUpdate(text)
        } catch {
            expectPositioned(error, in: text)
            return
        }
        do {
            _ = try UpdateExecutor().changes(for: update, in: data)
        } catch is QueryEvaluationError {
            Issue.record("seed \(seed): an update without a deadline failed to evaluate: \(text)")
        } catch {
            // UpdateError (e.g. LOAD, a missing graph without SILENT) is the client's: fine.
        }
    }

    static func expectPositioned(_ error: SPARQLSyntaxError, in text: String) {
        let length = text.utf8.count
        #expect(error.start.offset >= 0 && error.start.offset <= length, "seed \(seed): \(error) for \(text)")
        #expect(error.description.hasPrefix("Syntax error at line "), "seed \(seed): \(error)")
    }

    /// The answer as a sorted list of printed rows (a multiset), or the boolean, or the sorted triples.
    static func answer(_ query: Query, options: QueryOptions) throws -> [String] {
        switch try QueryEvaluator(options: options).evaluate(query, in: data) {
        case .boolean(let value): return ["\(value)"]
        case .solutions(var rows):
            var result: [String] = []
            while let row = try rows.next() {
                // Blank nodes from BNODE() and random functions differ between runs: compare their kind only.
                result.append(row.map { $0.map(stable) ?? "-" }.joined(separator: " "))
            }
            return result.sorted()
        case .graph(var triples):
            var result: [String] = []
            while let triple = try triples.next() { result.append("\(stable(triple.subject)) \(triple.predicate) \(stable(triple.object))") }
            return result.sorted()
        }
    }

    static func stable(_ term: Term) -> String {
        if case .blankNode = term { return "_:b" }
        return term.description
    }
}

/// Inputs that once broke an invariant, kept so they never do again.
enum RegressionCases {
    static let queries: [String] = [
        // Issue 15: long left-associative chains crashed on the stack; now refused past the height limit.
        "SELECT (" + Array(repeating: "1", count: 40_000).joined(separator: " + ") + " AS ?x) {}",
        "SELECT * { ?s " + Array(repeating: "<p>", count: 1_000_000).joined(separator: "|") + " ?o }",
        "ASK { " + Array(repeating: "{}", count: 500_000).joined(separator: " UNION ") + " }",
    ]
}
