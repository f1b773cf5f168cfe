import Foundation
import SPARQL

/// Runs one syntax test: a positive test must parse and round-trip (parse → print → parse gives an equal `Query` or
/// `Update`, STYLE.md §6); a negative test must be rejected.
enum SyntaxRunner {
    /// - Returns: `nil` if the parser did what the test says, else what it did instead.
    /// - Throws: when the test file cannot be read: a harness failure.
    static func run(_ entry: ManifestEntry) throws -> String? {
        guard let iri = entry.query, let file = ConformanceData.file(iri) else { throw ConformanceError("no local mf:action file") }
        let mustParse = entry.type == .positiveSyntax || entry.type == .positiveUpdateSyntax
        let isUpdate = entry.type == .positiveUpdateSyntax || entry.type == .negativeUpdateSyntax
        // SPARQL text is Unicode: bytes that are not UTF-8 can only be a negative test, rejected before parsing.
        guard let text = String(bytes: try Data(contentsOf: file), encoding: .utf8) else {
            return mustParse ? "the file is not UTF-8" : nil
        }
        do {
            if isUpdate {
                let update = try SPARQLParser.parseUpdate(text, baseIRI: iri)
                return mustParse ? roundTrip(update, SPARQLParser.parseUpdate, sse: \.sse) : "accepted, but it must be rejected"
            } else {
                let query = try SPARQLParser.parseQuery(text, baseIRI: iri)
                return mustParse ? roundTrip(query, SPARQLParser.parseQuery, sse: \.sse) : "accepted, but it must be rejected"
            }
        } catch {
            return mustParse ? "rejected: \(error)" : nil
        }
    }

    /// Parses the printed form again (its BASE line restores the base IRI) and compares.
    private static func roundTrip<T: Equatable & CustomStringConvertible>(
        _ parsed: T, _ parse: (String, String?) throws(SPARQLSyntaxError) -> T, sse: (T) -> String
    ) -> String? {
        let printed = parsed.description
        do {
            let again = try parse(printed, nil)
            if again == parsed { return nil }
            return "round trip: the printed text parses to something else\nprinted:\n\(printed)\n"
                + "first parse:\n\(sse(parsed))\nsecond parse:\n\(sse(again))"
        } catch {
            return "round trip: the printed text does not parse: \(error)\nprinted:\n\(printed)"
        }
    }
}
