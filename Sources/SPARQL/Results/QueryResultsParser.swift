public import RDF

/// Reads whole query results into memory, for the W3C test suites and for clients (the server streams instead).
///
/// ```swift
/// let expected = try QueryResultsParser.parse(Array(fileContents), format: .xml)
/// #expect(ResultsComparison.isomorphic(actual, expected, ordered: false))
/// ```
public enum QueryResultsParser {
    /// Parses a complete results document.
    ///
    /// CSV loses term types and is read back by guessing (see `CSVResultsParser`); compare CSV only with results that
    /// went through CSV too. CSV and TSV booleans are read in both Jena's (`_askResult` table) and Oxigraph's (lone
    /// `true`/`false`) forms.
    /// - Throws: `QueryResultsSyntaxError`, with a line and column where the reader knows them.
    public static func parse(_ bytes: [UInt8], format: QueryResultsFormat) throws -> QueryResults {
        switch format {
        case .json: try JSONResultsParser.parse(bytes)
        case .xml: try XMLResultsParser.parse(bytes)
        case .csv: try CSVResultsParser.parse(bytes)
        case .tsv: try TSVResultsParser.parse(bytes)
        }
    }

    /// Reads results written as RDF in the DAWG result-set vocabulary (http://www.w3.org/2001/sw/DataAccess/tests/result-set#),
    /// as some W3C tests give them (`.ttl`, `.rdf`). Takes triples already parsed, so it needs no RDF parser.
    ///
    /// The result set is the node typed `rs:ResultSet` (or, failing that, the subject of `rs:resultVariable`,
    /// `rs:solution` or `rs:boolean`). `rs:boolean` makes an ASK result. Otherwise variables come from
    /// `rs:resultVariable` in triple order (plus any a binding names that is not declared), and rows from `rs:solution`,
    /// each with `rs:binding [ rs:variable "name" ; rs:value term ]`. Rows are sorted by `rs:index` when solutions have
    /// one (for ordered comparisons), else kept in triple order.
    /// - Throws: `QueryResultsSyntaxError` (without a position) if the graph holds no result set or a malformed one.
    public static func fromResultSetGraph(_ triples: [Triple]) throws -> QueryResults {
        try ResultSetGraphReader(triples).read()
    }
}
