import Foundation
import RDF
import SPARQL
import Testing

/// Shared fixtures for the results tests.
enum ResultsFixtures {
    static let variables = ["x", "label", "n"]

    /// Three rows: every term kind, a quote and comma that CSV must quote, and an all-unbound row.
    static let rows: [[String: Term]] = [
        [
            "x": .iri("http://example.org/a"), "label": .literal(Literal("Alice", language: "en")),
            "n": .literal(Literal("42", datatype: XSD.integer)),
        ],
        ["x": .blankNode(BlankNode("b0")), "label": .string("a, \"b\"")],
        [:],
    ]

    static let results = QueryResults.solutions(variables: variables, rows: rows)

    /// Strings that stress every format's escaping.
    static let awkwardStrings = [
        "", " ", "quote \" and apostrophe '", "back\\slash", "comma, semicolon;", "tab\there", "line\nbreak", "carriage\rreturn",
        "crlf\r\nend", "<tag attr=\"v\">&amp;</tag>", "]]>", "unicode: é 日本語 🎉", "line separator \u{2028} paragraph \u{2029}",
        "\u{7F} delete", "    leading and trailing  ", "\"", "?x", "_:notABlankNode", "1", "true",
    ]

    /// C0 controls other than tab, LF and CR: JSON, TSV and CSV keep them; XML 1.0 cannot.
    static let controlCharacters = "nul \u{0} bell \u{7} escape \u{1B} unit separator \u{1F}"

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

/// Where the shared W3C test data lives: `$LODESTAR_SHARED`, else `shared/` beside the package root.
enum ResultsSharedData {
    static let directory: URL? = {
        if let path = ProcessInfo.processInfo.environment["LODESTAR_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.deletingLastPathComponent().appendingPathComponent("shared")
            }
            url = url.deletingLastPathComponent()
        }
        return nil
    }()

    static var conformance: URL? {
        guard let conformance = directory?.appendingPathComponent("conformance") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: conformance.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return conformance
    }

    static let skipReason: Comment = "W3C conformance data not found: set LODESTAR_SHARED or put it at <package root>/../shared/conformance"

    /// Every results file (.srx, .srj, .csv, .tsv) under the conformance folder, as paths relative to it, sorted.
    static let resultFiles: [String] = {
        guard let conformance, let enumerator = FileManager.default.enumerator(atPath: conformance.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { path in QueryResultsFormat.allCases.contains { path.hasSuffix("." + $0.fileExtension) } }
            .sorted()
    }()

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        guard let conformance else { return [] }
        return Array(try Data(contentsOf: conformance.appendingPathComponent(relativePath)))
    }
}
