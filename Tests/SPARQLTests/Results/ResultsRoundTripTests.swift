import RDF
import SPARQL
import Testing

@Suite("Round trips")
struct ResultsRoundTripTests {
    /// Every kind of term and literal the formats distinguish.
    static let variety = QueryResults.solutions(
        variables: ["term", "other"],
        rows: [
            ["term": .iri("http://example.org/ä?q=1#frag"), "other": .blankNode(BlankNode("node1"))],
            ["term": .string("simple")],
            ["other": .literal(Literal("hello", language: "en-GB"))],
            ["term": .literal(Literal("42", datatype: XSD.integer)), "other": .literal(Literal("-0.5", datatype: XSD.decimal))],
            ["term": .literal(Literal("1.0E6", datatype: XSD.double)), "other": .literal(Literal("true", datatype: XSD.boolean))],
            ["term": .literal(Literal("0", datatype: XSD.boolean)), "other": .literal(Literal("2024-01-01", datatype: XSD.date))],
            ["term": .literal(Literal("<b>x</b>", datatype: RDFVocabulary.xmlLiteral)), "other": .literal(Literal("", datatype: XSD.string))],
            [:],
            ["term": .blankNode(BlankNode("node1")), "other": .iri("urn:isbn:0451450523")],
        ]
    )

    @Test(arguments: [QueryResultsFormat.json, .xml, .tsv])
    func exactFormats(format: QueryResultsFormat) throws {
        for results in [Self.variety, ResultsFixtures.results, .boolean(true), .boolean(false)] {
            let bytes = QueryResultsSerializer.serialize(results, as: format)
            #expect(try QueryResultsParser.parse(bytes, format: format) == results)
        }
    }

    /// CSV keeps IRIs and blank nodes and turns every literal into a simple literal of its lexical form.
    @Test func csvIsLossy() throws {
        let bytes = QueryResultsSerializer.serialize(ResultsFixtures.results, as: .csv)
        let expected = QueryResults.solutions(
            variables: ResultsFixtures.variables,
            rows: [
                ["x": .iri("http://example.org/a"), "label": .string("Alice"), "n": .string("42")],
                ["x": .blankNode(BlankNode("b0")), "label": .string("a, \"b\"")],
                [:],
            ]
        )
        #expect(try QueryResultsParser.parse(bytes, format: .csv) == expected)
        #expect(try QueryResultsParser.parse(QueryResultsSerializer.serialize(.boolean(true), as: .csv), format: .csv) == .boolean(true))
    }

    /// A one-variable result whose last rows are unbound must not lose them to line-ending handling.
    @Test(arguments: QueryResultsFormat.allCases)
    func trailingUnboundRows(format: QueryResultsFormat) throws {
        let results = QueryResults.solutions(variables: ["x"], rows: [["x": .iri("http://e/a")], [:], [:]])
        #expect(try QueryResultsParser.parse(QueryResultsSerializer.serialize(results, as: format), format: format) == results)
    }
}
