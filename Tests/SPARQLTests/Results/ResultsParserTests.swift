import RDF
import SPARQL
import Testing

@Suite("Results parsers")
struct ResultsParserTests {
    func parse(_ text: String, _ format: QueryResultsFormat) throws -> QueryResults {
        try QueryResultsParser.parse(Array(text.utf8), format: format)
    }

    func syntaxError(_ text: String, _ format: QueryResultsFormat) -> QueryResultsSyntaxError? {
        do {
            _ = try parse(text, format)
            return nil
        } catch let error as QueryResultsSyntaxError {
            return error
        } catch {
            return nil
        }
    }

    @Test func jsonInAnyOrderWithExtras() throws {
        let text = """
            { "results": { "bindings": [ { "o": { "datatype": "http://e/dt", "type": "typed-literal", "value": "v" },
                                           "s": { "value": "b1", "type": "bnode" } } ], "extra": 1 },
              "head": { "link": ["http://e/doc"], "vars": ["s", "o"] }, "other": null }
            """
        #expect(
            try parse(text, .json)
                == .solutions(
                    variables: ["s", "o"],
                    rows: [["s": .blankNode(BlankNode("b1")), "o": .literal(Literal("v", datatype: IRI("http://e/dt")))]]
                )
        )
        #expect(try parse(#"{"head":{"link":[]},"boolean":false}"#, .json) == .boolean(false))
        #expect(
            try parse(#"{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"\ud83c\udf89 \u00e9"}}]}}"#, .json)
                == .solutions(variables: ["x"], rows: [["x": .string("🎉 é")]])
        )
    }

    @Test func jsonErrorsHavePositions() throws {
        let error = try #require(syntaxError("{\n  \"head\": {\"vars\": [\"x\"]},\n  \"results\": {\"bindings\": [ {\"x\": 1} ]}\n}", .json))
        #expect(error.message == "an RDF term must be a JSON object")
        #expect(error.position?.line == 2)
        #expect(error.position?.column == 34)
        #expect(error.description == "Syntax error in query results at line 3 column 35: an RDF term must be a JSON object")

        #expect(
            syntaxError("{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"y\":{\"type\":\"uri\",\"value\":\"u\"}}]}}", .json)?
                .message == "binding for 'y', which 'head.vars' does not list"
        )
        #expect(syntaxError("{\"head\":{\"vars\":[]}}", .json)?.message == "missing 'results' object")
        #expect(syntaxError("{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[]}} x", .json)?.position?.column == 47)
        #expect(syntaxError("{\"a\":\"\\ud800\"}", .json) != nil)
        #expect(syntaxError("[", .json) != nil)
        #expect(syntaxError("{\"a\":\"raw\ttab\"}", .json) != nil)
        #expect(syntaxError(String(repeating: "[", count: 10_000), .json)?.message == "JSON nested too deeply")
    }

    @Test func jsonErrorsPointAtTheOffendingValue() {
        #expect(syntaxError(#"{"head":{"vars":["x", 1]},"results":{"bindings":[]}}"#, .json)?.position?.column == 22)
        #expect(syntaxError(#"{"head":{"vars":[]},"results":{"bindings":[{}, 2]}}"#, .json)?.position?.column == 47)
        let emptyLanguage = #"{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"v","xml:lang":""}}]}}"#
        #expect(syntaxError(emptyLanguage, .json)?.position?.column == 92)
        let root = syntaxError("\u{FEFF} \n [1]", .json)
        #expect(root?.message == "the document must be a JSON object")
        #expect(root?.position == SourcePosition(line: 1, column: 1, offset: 6))
        #expect(syntaxError(#"{"head":{"vars":[]},"head":{}}"#, .json)?.message == #"duplicate key "head" in an object"#)
    }

    @Test func xmlWithPrefixesCommentsAndCDATA() throws {
        let text = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- a comment -->
            <r:sparql xmlns:r="http://www.w3.org/2005/sparql-results#">
              <r:head><r:variable name="x"/><r:variable name="y"/><r:link href="about.html"/></r:head>
              <r:results>
                <r:result>
                  <r:binding name="x"><r:literal xml:lang="EN"><![CDATA[a <b> & c]]></r:literal></r:binding>
                  <r:binding name="y"><r:literal>  spaced  </r:literal></r:binding>
                </r:result>
                <r:result></r:result> <!-- empty -->
              </r:results>
            </r:sparql>
            """
        #expect(
            try parse(text, .xml)
                == .solutions(
                    variables: ["x", "y"],
                    rows: [["x": .literal(Literal("a <b> & c", language: "en")), "y": .string("  spaced  ")], [:]]
                )
        )
    }

    @Test func xmlErrors() throws {
        let illFormed = try #require(
            syntaxError("<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n<head>\n</sparql>", .xml)
        )
        #expect(illFormed.position?.line == 3)
        #expect(syntaxError("<sparql xmlns=\"http://example.org/wrong#\"><head/><boolean>true</boolean></sparql>", .xml) != nil)
        #expect(
            syntaxError(#"<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>maybe</boolean></sparql>"#, .xml)?
                .message == "<boolean> must hold true or false"
        )
        #expect(syntaxError(#"<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/></sparql>"#, .xml) != nil)
        let undeclared =
            #"<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><results><result><binding name="z"><uri>u</uri></binding></result></results></sparql>"#
        #expect(syntaxError(undeclared, .xml)?.message == "binding for 'z', which <head> does not list")
        #expect(syntaxError("", .xml) != nil)
    }

    @Test func csvQuotingAndLineEnds() throws {
        #expect(
            try parse("a,b\n\"x,\"\"y\"\"\",\"two\r\nlines\"\n,_:n1\rhttp://e/a,urn:x\n", .csv)
                == .solutions(
                    variables: ["a", "b"],
                    rows: [
                        ["a": .string("x,\"y\""), "b": .string("two\r\nlines")], ["b": .blankNode(BlankNode("n1"))],
                        ["a": .iri("http://e/a"), "b": .iri("urn:x")],
                    ]
                )
        )
        #expect(
            try parse("a\n1:30\nhas space:x\nmailto:me@example.org\n", .csv)
                == .solutions(
                    variables: ["a"],
                    rows: [["a": .string("1:30")], ["a": .string("has space:x")], ["a": .iri("mailto:me@example.org")]]
                )
        )
    }

    @Test func csvErrors() throws {
        let error = try #require(syntaxError("a,b\r\n1,2\r\n1,2,3\r\n", .csv))
        #expect(error.message == "3 fields for 2 variables")
        #expect(error.position?.line == 2)
        #expect(syntaxError("a\n\"unterminated\n", .csv)?.message == "unterminated quoted field")
        #expect(syntaxError("a\n\"x\"y\n", .csv) != nil)
        #expect(syntaxError("", .csv) != nil)
        #expect(syntaxError("a,a\n", .csv) != nil)
    }

    @Test func tsvTerms() throws {
        let text =
            "?a\t?b\t?c \r\n<http://e/\\u00E9>\t'single'@fr\t\"x\\ty\\u0041\\U0001F389\"^^<http://e/dt>\n"
            + "-12\t+.5\t1E3   \ntrue\tfalse\t_:b1\n\t\t\n"
        #expect(
            try parse(text, .tsv)
                == .solutions(
                    variables: ["a", "b", "c"],
                    rows: [
                        [
                            "a": .iri("http://e/é"), "b": .literal(Literal("single", language: "fr")),
                            "c": .literal(Literal("x\tyA🎉", datatype: IRI("http://e/dt"))),
                        ],
                        [
                            "a": .literal(Literal("-12", datatype: XSD.integer)), "b": .literal(Literal("+.5", datatype: XSD.decimal)),
                            "c": .literal(Literal("1E3", datatype: XSD.double)),
                        ],
                        [
                            "a": .literal(Literal("true", datatype: XSD.boolean)), "b": .literal(Literal("false", datatype: XSD.boolean)),
                            "c": .blankNode(BlankNode("b1")),
                        ],
                        [:],
                    ]
                )
        )
    }

    @Test func tsvErrorsHavePositions() throws {
        let error = try #require(syntaxError("?a\t?b\n<http://e/x>\t\"ok\"\n<http://e/y>\tnot-a-term\n", .tsv))
        #expect(error.message == "expected an RDF term in Turtle syntax")
        #expect(error.position?.line == 2)
        #expect(error.position?.column == 13)
        #expect(syntaxError("?a\n\"unterminated\n", .tsv)?.message == "unterminated string")
        #expect(syntaxError("?a\n\"x\"^^xsd:string\n", .tsv) != nil)
        #expect(syntaxError("?a\n<http://e/x> <http://e/y>\n", .tsv)?.message == "unexpected text after the term")
        #expect(syntaxError("a\tb\n", .tsv) != nil)
        #expect(syntaxError("?a\t?b\n<http://e/x>\n", .tsv)?.message == "1 fields for 2 variables")
        #expect(syntaxError("?a\n\"\\q\"\n", .tsv)?.message == "invalid escape sequence")
    }

    /// Jena writes a one-cell `_askResult` table; Oxigraph writes just the word.
    @Test func booleansInEveryDialect() throws {
        #expect(try parse("_askResult\r\nTRUE\r\n", .csv) == .boolean(true))
        #expect(try parse("false", .csv) == .boolean(false))
        #expect(try parse("?_askResult\nfalse", .tsv) == .boolean(false))
        #expect(try parse("true\n", .tsv) == .boolean(true))
        #expect(try parse("_askResult\r\nmaybe\r\n", .csv) == .solutions(variables: ["_askResult"], rows: [["_askResult": .string("maybe")]]))
    }
}
