import RDF
import SPARQL
import Testing

/// Byte-exact output, so formatting changes are deliberate.
@Suite("Serializer output")
struct ResultsSerializerOutputTests {
    static let expectedSolutions: [(QueryResultsFormat, String)] = [
        (
            .json,
            #"{"head":{"vars":["x","label","n"]},"results":{"bindings":["#
                + #"{"x":{"type":"uri","value":"http://example.org/a"},"label":{"type":"literal","value":"Alice","xml:lang":"en"},"#
                + #""n":{"type":"literal","value":"42","datatype":"http://www.w3.org/2001/XMLSchema#integer"}},"#
                + #"{"x":{"type":"bnode","value":"b0"},"label":{"type":"literal","value":"a, \"b\""}},{}]}}"# + "\n"
        ),
        (
            .xml,
            "<?xml version=\"1.0\"?>\n"
                + #"<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/><variable name="label"/>"#
                + #"<variable name="n"/></head><results><result><binding name="x"><uri>http://example.org/a</uri></binding>"#
                + #"<binding name="label"><literal xml:lang="en">Alice</literal></binding><binding name="n">"#
                + #"<literal datatype="http://www.w3.org/2001/XMLSchema#integer">42</literal></binding></result>"#
                + #"<result><binding name="x"><bnode>b0</bnode></binding><binding name="label"><literal>a, "b"</literal></binding>"#
                + #"</result><result></result></results></sparql>"# + "\n"
        ),
        (.csv, "x,label,n\r\nhttp://example.org/a,Alice,42\r\n_:b0,\"a, \"\"b\"\"\",\r\n,,\r\n"),
        (.tsv, "?x\t?label\t?n\n<http://example.org/a>\t\"Alice\"@en\t42\n_:b0\t\"a, \\\"b\\\"\"\t\n\t\t\n"),
    ]

    @Test(arguments: expectedSolutions)
    func solutions(format: QueryResultsFormat, expected: String) {
        let output = QueryResultsSerializer.serialize(ResultsFixtures.results, as: format)
        #expect(ResultsFixtures.text(output) == expected)
    }

    static let expectedBooleans: [(QueryResultsFormat, String, String)] = [
        (.json, "{\"head\":{},\"boolean\":true}\n", "{\"head\":{},\"boolean\":false}\n"),
        (
            .xml,
            "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head/><boolean>true</boolean></sparql>\n",
            "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head/><boolean>false</boolean></sparql>\n"
        ),
        (.csv, "_askResult\r\ntrue\r\n", "_askResult\r\nfalse\r\n"),
        (.tsv, "?_askResult\ntrue\n", "?_askResult\nfalse\n"),
    ]

    @Test(arguments: expectedBooleans)
    func booleans(format: QueryResultsFormat, whenTrue: String, whenFalse: String) throws {
        #expect(ResultsFixtures.text(QueryResultsSerializer.serialize(.boolean(true), as: format)) == whenTrue)
        #expect(ResultsFixtures.text(QueryResultsSerializer.serialize(.boolean(false), as: format)) == whenFalse)
        #expect(try QueryResultsParser.parse(Array(whenTrue.utf8), format: format) == .boolean(true))
        #expect(try QueryResultsParser.parse(Array(whenFalse.utf8), format: format) == .boolean(false))
    }

    static let expectedEmpty: [(QueryResultsFormat, String)] = [
        (.json, "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[]}}\n"),
        (.xml, "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head></head><results></results></sparql>\n"),
        (.csv, "\r\n"),
        (.tsv, "\n"),
    ]

    @Test(arguments: expectedEmpty)
    func noVariablesNoRows(format: QueryResultsFormat, expected: String) throws {
        let empty = QueryResults.solutions(variables: [], rows: [])
        let output = QueryResultsSerializer.serialize(empty, as: format)
        #expect(ResultsFixtures.text(output) == expected)
        #expect(try QueryResultsParser.parse(output, format: format) == empty)
    }

    /// The unit result of `SELECT * {}`: one solution binding nothing.
    @Test(arguments: QueryResultsFormat.allCases)
    func oneEmptySolution(format: QueryResultsFormat) throws {
        let unit = QueryResults.solutions(variables: [], rows: [[:]])
        #expect(try QueryResultsParser.parse(QueryResultsSerializer.serialize(unit, as: format), format: format) == unit)
    }

    @Test(arguments: QueryResultsFormat.allCases)
    func chunksOfAbout64KiB(format: QueryResultsFormat) throws {
        var chunks: [[UInt8]] = []
        var serializer = QueryResultsSerializer(format: format) { chunks.append($0) }
        try serializer.start(variables: ["s", "o"])
        var expectedRows: [[String: Term]] = []
        for index in 0..<5_000 {
            let row: [Term?] = [.iri("http://example.org/item/\(index)"), .string("value number \(index) with some padding text")]
            try serializer.write(row)
            expectedRows.append(["s": row[0]!, "o": row[1]!])
        }
        try serializer.finish()
        #expect(chunks.count > 2)
        for chunk in chunks.dropLast() {
            #expect(chunk.count >= 64 * 1024)
            #expect(chunk.count < 64 * 1024 + 512)
        }
        let whole = chunks.flatMap { $0 }
        #expect(whole == QueryResultsSerializer.serialize(.solutions(variables: ["s", "o"], rows: expectedRows), as: format))
    }

    struct SinkFailure: Error {}

    @Test func sinkErrorsPropagate() {
        var serializer = QueryResultsSerializer(format: .json) { _ in throw SinkFailure() }
        #expect(throws: SinkFailure.self) {
            try serializer.start(variables: ["x"])
            try serializer.write([.string("x")])
            try serializer.finish()
        }
    }

    @Test func nothingReachesTheSinkBeforeAChunkIsFull() throws {
        var chunks = 0
        var serializer = QueryResultsSerializer(format: .tsv) { _ in chunks += 1 }
        try serializer.start(variables: ["x"])
        for _ in 0..<10 { try serializer.write([.string("small")]) }
        #expect(chunks == 0)
        try serializer.finish()
        #expect(chunks == 1)
    }
}
