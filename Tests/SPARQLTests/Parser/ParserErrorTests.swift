import RDF
import Testing
@testable import SPARQL

/// Syntax errors: printed text byte for byte, and the 0-based positions (line, column in scalars, byte offset).
@Suite struct ParserErrorTests {
    private func error(_ text: String) -> SPARQLSyntaxError? {
        do {
            _ = try SPARQLParser.parseQuery(text)
            return nil
        } catch {
            return error
        }
    }

    private func expectError(_ text: String, _ message: String, start: (Int, Int, Int), end: (Int, Int, Int),
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = error(text) else {
            Issue.record("parsed without error: \(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.description == message, sourceLocation: sourceLocation)
        #expect(error.start == SourcePosition(line: start.0, column: start.1, offset: start.2), sourceLocation: sourceLocation)
        #expect(error.end == SourcePosition(line: end.0, column: end.1, offset: end.2), sourceLocation: sourceLocation)
    }

    @Test func misspelledKeyword() {
        expectError("SELECT * WHERE { ?s ?p ?o FILTRE }",
                    "Syntax error at line 1 column 27: expected '}' or a triple pattern, found 'FILTRE'", start: (0, 26, 26), end: (0, 32, 32))
    }

    @Test func crlfLineEndsCountAsOneLineBreak() {
        expectError("SELECT *\r\nWHERE {\r\n  ?s ?p ?o .\r\n  ?s ?p\r\n}",
                    "Syntax error at line 5 column 1: expected an object, found '}'", start: (4, 0, 42), end: (4, 1, 43))
    }

    @Test func columnsCountScalarsAndOffsetsCountBytes() {
        expectError("SELECT * { ?s <é> \"ü\" ?x }",
                    "Syntax error at line 1 column 23: expected '.' or '}' after the triple pattern, found '?x'",
                    start: (0, 22, 24), end: (0, 24, 26))
    }

    @Test func positionsPointIntoTheTextAsWrittenAfterCodepointEscapes() {
        expectError("SELECT * { ?s ?p \"\\u00e9\" . FILTRE }",
                    "Syntax error at line 1 column 29: expected '}' or a triple pattern, found 'FILTRE'", start: (0, 28, 28), end: (0, 34, 34))
        expectError("SELECT * { ?s ?p '\\uD800' }",
                    "Syntax error at line 1 column 19: the escape '\\uD800' is not a Unicode scalar value", start: (0, 18, 18), end: (0, 24, 24))
    }

    @Test func lexicalErrors() {
        expectError("SELECT * { ?s ?p \"abc }", "Syntax error at line 1 column 18: unterminated string: expected a closing \"",
                    start: (0, 17, 17), end: (0, 23, 23))
        expectError("SELECT * { ?s ?p \"a\\qb\" }",
                    "Syntax error at line 1 column 20: invalid escape '\\q' in a string; expected one of \\t \\b \\n \\r \\f \\\" \\' \\\\",
                    start: (0, 19, 19), end: (0, 21, 21))
        expectError("SELECT * { ?s ?p 'line\nbreak' }", "Syntax error at line 1 column 23: line break in a string; use \\n or a long string (''')",
                    start: (0, 22, 22), end: (1, 0, 23))
        expectError("SELECT * { ?s ?p ?o } %", "Syntax error at line 1 column 23: unexpected character '%'", start: (0, 22, 22), end: (0, 23, 23))
    }

    @Test func endOfInput() {
        expectError("SELECT * {", "Syntax error at line 1 column 11: expected '}' or a triple pattern, found the end of the input",
                    start: (0, 10, 10), end: (0, 10, 10))
    }

    @Test func staticChecksPointAtTheVariable() {
        expectError("SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s",
                    "Syntax error at line 1 column 8: ?x is neither grouped nor aggregated: in a query with GROUP BY or aggregates, "
                        + "SELECT may only use GROUP BY variables and aggregates", start: (0, 7, 7), end: (0, 9, 9))
        expectError("PREFIX : <http://e/>\nSELECT * { ?s :p ?o BIND(1 AS ?o) }",
                    "Syntax error at line 2 column 31: BIND cannot assign ?o: it is already in scope in this group",
                    start: (1, 30, 51), end: (1, 32, 53))
    }

    @Test func arityErrorsCoverTheCall() {
        expectError("SELECT * { FILTER(STRLEN(?a, ?b)) }", "Syntax error at line 1 column 19: STRLEN takes 1 argument, found 2",
                    start: (0, 18, 18), end: (0, 32, 32))
    }

    @Test func oversizedLimit() {
        expectError("ASK { ?s ?p ?o } LIMIT 99999999999999999999999", "Syntax error at line 1 column 24: LIMIT 99999999999999999999999 is too large",
                    start: (0, 23, 23), end: (0, 46, 46))
    }
}
