import Foundation
import RDF
import Testing

@testable import SPARQL

/// Issue 15: one deadline governs a request from its first token, and a cancelled request stops wherever it is.
@Suite("Deadlines over parsing, planning and evaluation; cancellation from another thread")
struct RequestDeadlineTests {
    /// 100,000 disjoint triple patterns: over 300,000 tokens.
    static let longQuery = "SELECT * { " + (0..<100_000).map { "?s\($0) <p> ?o\($0) . " }.joined() + "}"

    @Test func parsingStopsAtAPassedDeadline() throws {
        #expect(throws: QueryEvaluationError.timeout) { try SPARQLParser.parseQuery(Self.longQuery, deadline: .now) }
        let update = "INSERT DATA { " + (0..<10_000).map { "<s\($0)> <p> <o> . " }.joined() + "}"
        #expect(throws: QueryEvaluationError.timeout) { try SPARQLParser.parseUpdate(update, deadline: .now) }
    }

    @Test func parsingStopsWhenCancelled() throws {
        let cancellation = QueryCancellation()
        cancellation.cancel()
        #expect(throws: QueryEvaluationError.cancelled) {
            try SPARQLParser.parseQuery(Self.longQuery, deadline: nil, cancellation: cancellation)
        }
    }

    @Test func aParseWithinTheDeadlineIsTheSameParse() throws {
        let text = "SELECT ?s { ?s <p> ?o OPTIONAL { ?o <q> ?x } FILTER(?x > 1) }"
        #expect(try SPARQLParser.parseQuery(text, deadline: .now + .seconds(600)) == SPARQLParser.parseQuery(text))
    }

    /// A query whose client has gone: the flag set from another thread stops evaluation at its next check.
    @Test func evaluationStopsWhenCancelledFromAnotherThread() throws {
        let values = (1...100).map(String.init).joined(separator: " ")
        let query = try SPARQLParser.parseQuery(
            "SELECT (COUNT(*) AS ?n) { VALUES ?a { \(values) } VALUES ?b { \(values) } VALUES ?c { \(values) } VALUES ?d { \(values) } }")
        let cancellation = QueryCancellation()
        var options = QueryOptions()
        options.cancellation = cancellation
        let canceller = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            cancellation.cancel()
        }
        canceller.start()
        #expect(throws: QueryEvaluationError.cancelled) {
            if case .solutions(var rows) = try QueryEvaluator(options: options).evaluate(query, in: dataset()) {
                while try rows.next() != nil {}
            }
        }
    }
}
