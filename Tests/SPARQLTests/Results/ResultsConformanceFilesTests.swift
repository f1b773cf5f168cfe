import Foundation
import RDF
import SPARQL
import Testing

/// Every results file in the W3C suites parses, and the exact formats survive re-serialization.
@Suite("W3C results files", .enabled(if: ResultsSharedData.conformance != nil, ResultsSharedData.skipReason))
struct ResultsConformanceFilesTests {
    static func format(of path: String) -> QueryResultsFormat? {
        QueryResultsFormat.allCases.first { path.hasSuffix("." + $0.fileExtension) }
    }

    @Test func filesAreFound() {
        #expect(ResultsSharedData.resultFiles.count > 400)
    }

    @Test(arguments: ResultsSharedData.resultFiles)
    func parses(path: String) throws {
        let format = try #require(Self.format(of: path))
        let results = try QueryResultsParser.parse(try ResultsSharedData.bytes(path), format: format)
        guard format != .csv else { return }
        for target in [QueryResultsFormat.json, .xml, .tsv] {
            let again = try QueryResultsParser.parse(QueryResultsSerializer.serialize(results, as: target), format: target)
            #expect(ResultsComparison.isomorphic(results, again, ordered: true), "\(path) through \(target)")
        }
    }

    /// The W3C TSV file for tsv01, reproduced byte for byte from the answer the test expects.
    @Test func writesTheW3CTSVAndCSVFiles() throws {
        func row(_ n: Int, _ object: Term) -> [String: Term] {
            ["s": .iri("http://example.org/s\(n)"), "p": .iri("http://example.org/p\(n)"), "o": object]
        }
        func results(blankNode: String) -> QueryResults {
            .solutions(
                variables: ["s", "p", "o"],
                rows: [
                    row(1, .iri("http://example.org/s2")), row(2, .string("foo")), row(3, .string("bar")),
                    row(4, .literal(Literal("4", datatype: XSD.integer))), row(5, .literal(Literal("5.5", datatype: XSD.decimal))),
                    row(6, .blankNode(BlankNode(blankNode))),
                ]
            )
        }
        let tsv = try ResultsSharedData.bytes("sparql11/csv-tsv-res/csvtsv01.tsv")
        #expect(QueryResultsSerializer.serialize(results(blankNode: "b0"), as: .tsv) == tsv)
        #expect(try QueryResultsParser.parse(tsv, format: .tsv) == results(blankNode: "b0"))

        // The W3C CSV files end lines with LF where the specification (RFC 4180) says CRLF.
        let csv = try ResultsSharedData.bytes("sparql11/csv-tsv-res/csvtsv01.csv")
        let ours = ResultsFixtures.text(QueryResultsSerializer.serialize(results(blankNode: "a"), as: .csv))
        #expect(ours.replacingOccurrences(of: "\r\n", with: "\n") == ResultsFixtures.text(csv))
    }

    @Test func jsonAndXMLAgreeOnTheSameAnswer() throws {
        let json = try QueryResultsParser.parse(try ResultsSharedData.bytes("sparql11/json-res/jsonres01.srj"), format: .json)
        guard case .solutions(let variables, let rows) = json else {
            Issue.record("expected solutions")
            return
        }
        #expect(variables == ["s", "p", "o"])
        #expect(rows.count == 6)
        #expect(rows[5]["o"] == .blankNode(BlankNode("b0")))
        #expect(rows[3]["o"] == .literal(Literal("4", datatype: XSD.integer)))
    }
}
