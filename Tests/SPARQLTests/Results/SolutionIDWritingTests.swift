import RDF
import SPARQL
import Testing

/// `QueryResultsSerializer.write(_:of:)` (what the endpoint writes: IDs, spelt by the dataset) gives the same bytes as
/// writing the decoded terms, in every format, for every kind of term, escapes, unbound values and computed terms.
@Suite("Writing solutions by ID")
struct SolutionIDWritingTests {
    static let data = InMemoryDataset([
        Quad(iri("a"), iri("label"), .literal(Literal("Ångström \"quoted\"\\ \u{1}\u{2028}\ttab", language: "EN-gb"))),
        Quad(iri("a"), iri("count"), int(42)),
        Quad(iri("b"), iri("label"), .literal(Literal("plain, \"csv\"\nline"))),
        Quad(.blankNode(BlankNode("n1")), iri("label"), .literal(Literal("x", datatype: IRI("http://example.org/dt\"q")))),
        Quad(iri("c\u{2029}"), iri("other"), .blankNode(BlankNode("n2"))),
    ])

    static let query = """
        PREFIX : <http://example.org/>
        SELECT ?s ?label ?n ?computed WHERE {
          { ?s :label ?label } UNION { ?s :other ?label }
          OPTIONAL { ?s :count ?n }
          BIND (IF(BOUND(?n), ?n + 1, CONCAT(STR(?label), "€")) AS ?computed)
        }
        """

    private func written(_ format: QueryResultsFormat, byID: Bool) throws -> [UInt8] {
        guard case .solutions(var solutions) = try QueryEvaluator().evaluate(try SPARQLParser.parseQuery(Self.query), in: Self.data) else {
            Issue.record("a SELECT evaluated to something other than solutions")
            return []
        }
        var bytes: [UInt8] = []
        var serializer = QueryResultsSerializer(format: format) { bytes.append(contentsOf: $0) }
        try serializer.start(variables: solutions.variables.map(\.name))
        if byID {
            while let row = try solutions.nextIDs() { try serializer.write(row, of: solutions) }
        } else {
            while let row = try solutions.next() { try serializer.write(row) }
        }
        try serializer.finish()
        return bytes
    }

    @Test(arguments: [QueryResultsFormat.json, .xml, .csv, .tsv])
    func idsAndTermsWriteTheSameBytes(format: QueryResultsFormat) throws {
        let byID = try written(format, byID: true)
        #expect(ResultsFixtures.text(byID) == ResultsFixtures.text(try written(format, byID: false)))
        // Every row is there, the computed and unbound values included.
        let text = ResultsFixtures.text(byID)
        #expect(text.contains("43") && text.contains("€") && text.contains("n2"), "\(text)")
    }

    /// The JSON spelling of each kind of term, escapes included, byte for byte.
    @Test func jsonSpellsEachKindOfTerm() throws {
        let text = ResultsFixtures.text(try written(.json, byID: true))
        #expect(text.contains(#"{"type":"literal","value":"Ångström \"quoted\"\\ \u0001\u2028\ttab","xml:lang":"en-gb"}"#), "\(text)")
        #expect(text.contains(#""n":{"type":"literal","value":"42","datatype":"http://www.w3.org/2001/XMLSchema#integer"}"#))
        #expect(text.contains(#"{"type":"literal","value":"plain, \"csv\"\nline"}"#))
        #expect(text.contains(#"{"type":"literal","value":"x","datatype":"http://example.org/dt\"q"}"#))
        #expect(text.contains(#"{"type":"uri","value":"http://example.org/c\u2029"}"#))
        #expect(text.contains(#"{"type":"bnode","value":"n1"}"#))
    }
}
