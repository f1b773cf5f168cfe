import RDF
import SPARQL
import Testing

@Suite("Escaping")
struct ResultsEscapingTests {
    /// The bytes written for one value bound to `?v`, between the format's fixed row prefix and suffix.
    func body(_ term: Term, _ format: QueryResultsFormat) -> String {
        ResultsFixtures.text(QueryResultsSerializer.serialize(.solutions(variables: ["v"], rows: [["v": term]]), as: format))
    }

    @Test func json() {
        let json = body(.string("q\" b\\ t\t n\n r\r nul\u{0} esc\u{1B} ls\u{2028} ps\u{2029} é/"), .json)
        #expect(json.contains(#""value":"q\" b\\ t\t n\n r\r nul\u0000 esc\u001B ls\u2028 ps\u2029 é/""#))
        #expect(body(.literal(Literal("x", datatype: XSD.string)), .json).contains(#"{"type":"literal","value":"x"}"#))
        #expect(body(.literal(Literal("x", datatype: IRI("http://e/d\"t"))), .json).contains(#""datatype":"http://e/d\"t""#))
        #expect(body(.string("\u{8}\u{C}"), .json).contains(#""\b\f""#))
    }

    /// Plain text is skipped eight bytes at a time: a character to escape (or one that only looks like it: `é`, `’`
    /// shares U+2028's first byte) is found at every offset of a word, and at the ends of the string.
    @Test(arguments: [
        ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{1F}", #"\u001F"#), ("\u{2028}", #"\u2028"#), ("é", "é"),
        ("’", "’"), ("\u{7F}", "\u{7F}"),
    ])
    func jsonFindsEscapesAtEveryOffset(character: String, escaped: String) {
        for position in 0...19 {
            let before = String(repeating: "a", count: position), after = String(repeating: "b", count: 19 - position)
            let json = body(.string(before + character + after + character), .json)
            #expect(json.contains(#""value":""# + before + escaped + after + escaped + "\""), "\(position): \(json)")
        }
    }

    @Test func xml() {
        let xml = body(.string("a < b & c > d \"q\" 'a' ]]> tab\t lf\n cr\r"), .xml)
        #expect(xml.contains("<literal>a &lt; b &amp; c &gt; d \"q\" 'a' ]]&gt; tab\t lf\n cr&#13;</literal>"))
        let typed = body(.literal(Literal("1", datatype: IRI("http://e/?a=1&b=\"2\""))), .xml)
        #expect(typed.contains(#"<literal datatype="http://e/?a=1&amp;b=&quot;2&quot;">1</literal>"#))
        #expect(body(.iri("http://e/?a&b"), .xml).contains("<uri>http://e/?a&amp;b</uri>"))
        #expect(body(.blankNode(BlankNode("a<b")), .xml).contains("<bnode>a&lt;b</bnode>"))
    }

    /// XML 1.0 cannot carry most C0 controls, nor U+FFFE/U+FFFF: they become U+FFFD so the document stays well-formed.
    @Test func xmlReplacesCharactersXMLCannotHold() throws {
        let xml = body(.string("nul\u{0} bell\u{7} fffe\u{FFFE} ffff\u{FFFF} ok\u{FFFD}"), .xml)
        #expect(xml.contains("<literal>nul\u{FFFD} bell\u{FFFD} fffe\u{FFFD} ffff\u{FFFD} ok\u{FFFD}</literal>"))
        let parsed = try QueryResultsParser.parse(Array(xml.utf8), format: .xml)
        #expect(parsed == .solutions(variables: ["v"], rows: [["v": .string("nul\u{FFFD} bell\u{FFFD} fffe\u{FFFD} ffff\u{FFFD} ok\u{FFFD}")]]))
    }

    @Test func xmlAttributesKeepWhitespace() throws {
        let variable = "v"
        let datatype = IRI("http://e/a\tb\nc\rd")
        let xml = body(.literal(Literal("x", datatype: datatype)), .xml)
        #expect(xml.contains(#"datatype="http://e/a&#9;b&#10;c&#13;d""#))
        let parsed = try QueryResultsParser.parse(Array(xml.utf8), format: .xml)
        #expect(parsed == .solutions(variables: [variable], rows: [[variable: .literal(Literal("x", datatype: datatype))]]))
    }

    @Test func csv() {
        #expect(body(.string("plain text"), .csv) == "v\r\nplain text\r\n")
        #expect(body(.string("a,b"), .csv) == "v\r\n\"a,b\"\r\n")
        #expect(body(.string("say \"hi\""), .csv) == "v\r\n\"say \"\"hi\"\"\"\r\n")
        #expect(body(.string("two\nlines"), .csv) == "v\r\n\"two\nlines\"\r\n")
        #expect(body(.string("cr\r"), .csv) == "v\r\n\"cr\r\"\r\n")
        #expect(body(.string("tab\tand 'single'"), .csv) == "v\r\ntab\tand 'single'\r\n")
        #expect(body(.literal(Literal("chat", language: "fr")), .csv) == "v\r\nchat\r\n")
        #expect(body(.literal(Literal("1.0E6", datatype: XSD.double)), .csv) == "v\r\n1.0E6\r\n")
        #expect(body(.iri("http://e/a,b"), .csv) == "v\r\n\"http://e/a,b\"\r\n")
        #expect(body(.blankNode(BlankNode("b,1")), .csv) == "v\r\n\"_:b,1\"\r\n")
    }

    @Test func tsvStrings() {
        #expect(body(.string("t\t n\n r\r q\" b\\ '"), .tsv) == "?v\n\"t\\t n\\n r\\r q\\\" b\\\\ '\"\n")
        #expect(body(.string("nul\u{0} del\u{7F} é"), .tsv) == "?v\n\"nul\\u0000 del\\u007F é\"\n")
        #expect(body(.literal(Literal("hi", language: "EN-gb")), .tsv) == "?v\n\"hi\"@en-gb\n")
        #expect(body(.literal(Literal("x", datatype: IRI("http://e/dt"))), .tsv) == "?v\n\"x\"^^<http://e/dt>\n")
        #expect(body(.iri("http://e/a b>c"), .tsv) == "?v\n<http://e/a\\u0020b\\u003Ec>\n")
        #expect(body(.blankNode(BlankNode("b-1_x")), .tsv) == "?v\n_:b-1_x\n")
        #expect(body(.blankNode(BlankNode("has space")), .tsv) == "?v\n" + NTriples.blankNode("has space") + "\n")
    }

    /// Numbers and booleans are bare only when their lexical form is a Turtle token of the same datatype; never rewritten.
    @Test(arguments: [
        (Literal("4", datatype: XSD.integer), "4"),
        (Literal("-07", datatype: XSD.integer), "-07"),
        (Literal("+5", datatype: XSD.integer), "+5"),
        (Literal("5.5", datatype: XSD.decimal), "5.5"),
        (Literal(".5", datatype: XSD.decimal), ".5"),
        (Literal("1.0E6", datatype: XSD.double), "1.0E6"),
        (Literal("1e-3", datatype: XSD.double), "1e-3"),
        (Literal("true", datatype: XSD.boolean), "true"),
        (Literal("false", datatype: XSD.boolean), "false"),
        (Literal("1", datatype: XSD.boolean), #""1"^^<http://www.w3.org/2001/XMLSchema#boolean>"#),
        (Literal("5.", datatype: XSD.decimal), #""5."^^<http://www.w3.org/2001/XMLSchema#decimal>"#),
        (Literal("4", datatype: XSD.decimal), #""4"^^<http://www.w3.org/2001/XMLSchema#decimal>"#),
        (Literal("1.5", datatype: XSD.double), #""1.5"^^<http://www.w3.org/2001/XMLSchema#double>"#),
        (Literal("INF", datatype: XSD.double), #""INF"^^<http://www.w3.org/2001/XMLSchema#double>"#),
        (Literal("abc", datatype: XSD.integer), #""abc"^^<http://www.w3.org/2001/XMLSchema#integer>"#),
        (
            Literal("-3", datatype: IRI("http://www.w3.org/2001/XMLSchema#negativeInteger")),
            #""-3"^^<http://www.w3.org/2001/XMLSchema#negativeInteger>"#
        ),
        (Literal("42"), #""42""#),
    ])
    func tsvNumbers(literal: Literal, expected: String) throws {
        let output = body(.literal(literal), .tsv)
        #expect(output == "?v\n" + expected + "\n")
        #expect(try QueryResultsParser.parse(Array(output.utf8), format: .tsv) == .solutions(variables: ["v"], rows: [["v": .literal(literal)]]))
    }

    /// Every awkward string survives a round trip through each format that keeps literals.
    @Test(arguments: [QueryResultsFormat.json, .xml, .tsv])
    func awkwardStringsRoundTrip(format: QueryResultsFormat) throws {
        var strings = ResultsFixtures.awkwardStrings
        if format != .xml { strings.append(ResultsFixtures.controlCharacters) }
        let rows: [[String: Term]] = strings.map { text in
            ["s": .string(text), "l": .literal(Literal(text, language: "en")), "t": .literal(Literal(text, datatype: IRI("http://e/t")))]
        }
        let results = QueryResults.solutions(variables: ["s", "l", "t"], rows: rows)
        #expect(try QueryResultsParser.parse(QueryResultsSerializer.serialize(results, as: format), format: format) == results)
    }

    /// CSV keeps strings but not types; strings that look like something else are read as that something else.
    @Test func awkwardStringsThroughCSV() throws {
        let strings = ResultsFixtures.awkwardStrings.filter { !$0.isEmpty && !$0.hasPrefix("_:") } + [ResultsFixtures.controlCharacters]
        let results = QueryResults.solutions(variables: ["s"], rows: strings.map { ["s": .string($0)] })
        #expect(try QueryResultsParser.parse(QueryResultsSerializer.serialize(results, as: .csv), format: .csv) == results)
    }
}
