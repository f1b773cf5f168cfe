import JSONLD
import RDF
import Testing

@Suite("JSON-LD parser errors")
struct JSONLDParserErrorTests {
    @Test(arguments: [
        ("{\"@id\": \"http://e/s\",}", "Syntax error at line 1 column 22: expected a string as object key"),
        ("{\n  \"a\": [1, 2\n}", "Syntax error at line 3 column 1: expected ',' or ']' in an array"),
        ("{\r\n  \"a\": tru\r\n}", "Syntax error at line 2 column 8: expected a JSON value"),
        ("{\"a\": \"line\nbreak\"}", "Syntax error at line 1 column 12: control character U+A in a string must be escaped"),
        ("{\"é\": 01}", "Syntax error at line 1 column 8: leading zeros are not allowed in a JSON number"),
        ("{\"a\": \"\\ud800\"}", "Syntax error at line 1 column 8: unpaired UTF-16 surrogate in a \\u escape"),
        ("{\"a\": 1, \"a\": 2}", "Syntax error at line 1 column 10: duplicate key \"a\" in an object"),
        ("{} {}", "Syntax error at line 1 column 4: unexpected text after the JSON document"),
        ("", "Syntax error at line 1 column 1: unexpected end of the JSON document"),
        ("{\"a\": \"unterminated", "Syntax error at line 1 column 7: unterminated string"),
    ])
    func jsonSyntaxErrorsNameLineAndColumn(input: String, expected: String) {
        #expect(errorText { _ = try parseJSONLD(input) } == expected)
    }

    @Test func invalidUTF8IsASyntaxError() {
        let bytes = Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(errorText { _ = try JSONLDParser.parse(bytes) } == "Syntax error at line 1 column 7: invalid UTF-8 in a string")
    }

    @Test func nestingIsLimited() {
        let json = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(errorText { _ = try parseJSONLD(json) } == "Syntax error at line 1 column 257: JSON nested more than 256 levels deep")
    }

    @Test(arguments: [
        (
            #"{"@context": "https://schema.org/", "name": "x"}"#,
            #"JSON-LD error at line 1 column 2: remote contexts are not fetched: "https://schema.org/"; inline the context instead"#
        ),
        (
            #"{"@context": [{"a": "http://e/a"}, "http://e/ctx.jsonld"]}"#,
            #"JSON-LD error at line 1 column 2: remote contexts are not fetched: "http://e/ctx.jsonld"; inline the context instead"#
        ),
        (
            #"{"@context": {"@import": "http://e/ctx"}}"#,
            #"JSON-LD error at line 1 column 15: remote contexts are not fetched: @import "http://e/ctx""#
        ),
        (
            "{\n  \"@id\": 5\n}",
            "JSON-LD error at line 2 column 3: invalid @id value: expected a string, found a number"
        ),
        (
            #"{"@id": "http://e/s", "@type": {"x": 1}}"#,
            "JSON-LD error at line 1 column 23: invalid type value: expected a string or an array of strings"
        ),
        (
            #"{"@id": "http://e/s", "http://e/p": {"@value": "x", "@language": "en", "@type": "http://e/t"}}"#,
            "JSON-LD error at line 1 column 37: invalid value object: @language and @type cannot both be given"
        ),
        (
            #"{"@id": "http://e/s", "http://e/p": {"@value": {"nested": 1}}}"#,
            "JSON-LD error at line 1 column 38: invalid value object value: @value must be a string, a number, a boolean or null"
        ),
        (
            #"{"@id": "http://e/s", "http://e/p": {"@value": "x", "http://e/q": "y"}}"#,
            "JSON-LD error at line 1 column 37: invalid value object: a value object may only have @value, @language, @type, @direction and @index"
        ),
        (
            #"{"@id": "http://e/s", "http://e/p": {"@value": 1, "@language": "en"}}"#,
            "JSON-LD error at line 1 column 37: invalid language-tagged value: @value must be a string when @language is given"
        ),
        (
            #"{"@id": "http://e/s", "http://e/p": {"@value": "x", "@type": "date"}}"#,
            #"JSON-LD error at line 1 column 53: invalid typed value: the datatype "date" is not an IRI"#
        ),
        (
            #"{"@context": {"id": "@id"}, "@id": "http://e/a", "id": "http://e/b"}"#,
            "JSON-LD error at line 1 column 50: colliding keywords: two entries expand to @id"
        ),
        (
            #"{"@context": {"a": "b:x", "b": "a:y"}}"#,
            #"JSON-LD error at line 1 column 15: cyclic IRI mapping: the definition of "a" depends on itself"#
        ),
        (
            #"{"@context": {"name": {"@id": "http://e/name", "@type": "date"}}}"#,
            #"JSON-LD error at line 1 column 15: invalid type mapping: the @type of "name" must be @id, @vocab, @json, @none or an IRI"#
        ),
        (
            #"{"@context": {"name": {"@container": "@bag"}, "@vocab": "http://v/"}}"#,
            #"JSON-LD error at line 1 column 15: invalid container mapping for "name""#
        ),
        (
            #"{"@context": {"@id": "http://e/"}}"#,
            "JSON-LD error at line 1 column 15: keyword redefinition: @id cannot be redefined"
        ),
        (
            #"{"@context": {"name": "not-an-iri"}}"#,
            #"JSON-LD error at line 1 column 15: invalid IRI mapping: "not-an-iri" (the @id of "name") is not an IRI"#
        ),
        (
            #"{"@context": 5}"#,
            "JSON-LD error at line 1 column 2: invalid local context: expected an object, a URL or null, found a number"
        ),
        (
            #"{"@context": {"@vocab": "http://v/", "r": {"@reverse": "http://v/r"}}, "@id": "http://e/s", "r": "literal"}"#,
            #"JSON-LD error at line 1 column 93: invalid reverse property value: "r" is a reverse property, so its values must be nodes"#
        ),
        (
            #"{"@id": "http://e/s", "http://e/p": {"@list": [1], "@id": "http://e/x"}}"#,
            "JSON-LD error at line 1 column 37: invalid set or list object: a list object may only have @list and @index"
        ),
    ])
    func jsonLDErrorsAreExplained(input: String, expected: String) {
        #expect(errorText { _ = try parseJSONLD(input) } == expected)
    }

    /// JSON-LD drops statements whose terms are no IRIs; we drop them too, and say so.
    @Test(arguments: [
        (
            #"{"@id": "relative", "http://e/p": 1, "http://e/q": {"@id": "http://e/nested", "http://e/r": "kept"}}"#,
            #"JSON-LD error at line 1 column 1: @id "relative" is a relative IRI reference and there is no base IRI (or @vocab) to resolve it against; statements using it are dropped"#,
            "<http://e/nested> <http://e/r> \"kept\" .\n"
        ),
        (
            #"{"@id": "http://e/a b", "http://e/p": 1}"#,
            #"JSON-LD error at line 1 column 1: @id "http://e/a b" contains U+20, which an IRI cannot contain; statements using it are dropped"#,
            ""
        ),
        (
            #"{"@id": "http://e/s", "@type": ["Thing", "http://e/T"]}"#,
            #"JSON-LD error at line 1 column 1: @type "Thing" is a relative IRI reference and there is no base IRI (or @vocab) to resolve it against; statements using it are dropped"#,
            "<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/T> .\n"
        ),
        (
            #"{"@id": "http://e/s", "http://e/p": [{"@value": "x", "@language": "not a tag"}, "y"]}"#,
            #"JSON-LD error at line 1 column 38: language tag "not a tag" is not well-formed; the value is dropped"#,
            "<http://e/s> <http://e/p> \"y\" .\n"
        ),
        (
            #"{"@id": "http://e/s", "http://e/p{x}": "v", "http://e/p": {"@id": "http://e/g", "@graph": {"@id": "http://e/s", "http://e/q": "in g"}}}"#,
            #"JSON-LD error at line 1 column 1: property "http://e/p{x}" contains '{', which an IRI cannot contain; its statements are dropped"#,
            "<http://e/s> <http://e/p> <http://e/g> .\n<http://e/s> <http://e/q> \"in g\" <http://e/g> .\n"
        ),
    ])
    func droppedStatementsAreReported(input: String, warning: String, remaining: String) throws {
        var warnings: [String] = []
        let quads = try JSONLDParser.parse(Array(input.utf8), warning: { warnings.append("\($0)") })
        #expect(warnings == [warning])
        #expect(Set(quads) == Set(try parseNQuads(remaining)))
    }

    @Test func errorsCarryACode() {
        do {
            _ = try parseJSONLD(#"{"@context": "http://e/c"}"#)
            Issue.record("accepted a remote context")
        } catch let error as JSONLDError {
            #expect(error.code == .remoteContext)
            #expect(error.position == SourcePosition(line: 0, column: 1, offset: 1))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aRelativeBaseIsRefused() {
        #expect(
            errorText { _ = try parseJSONLD("{}", base: "relative/path") } == #"JSON-LD error: invalid base IRI: "relative/path" is not absolute"#
        )
    }

    @Test func emitErrorsStopTheParse() {
        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            try JSONLDParser.parse(Array(#"{"@id": "http://e/s", "http://e/p": [1, 2, 3]}"#.utf8)) { _ in
                count += 1
                if count == 2 { throw Stop() }
            }
        }
        #expect(count == 2)
    }
}
