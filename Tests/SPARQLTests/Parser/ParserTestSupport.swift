import Foundation
import RDF
@testable import SPARQL

/// Shorthands for writing expected algebra in parser tests. Queries use `PREFIX : <http://example.org/>`.
enum P {
    static let ex = "http://example.org/"

    static func v(_ name: String) -> TermPattern { .variable(Variable(name)) }
    static func g(_ number: Int, _ hint: String = "v") -> TermPattern { .variable(Variable.generated(number, hint: hint)) }
    static func iri(_ local: String) -> IRI { IRI(ex + local) }
    static func i(_ local: String) -> TermPattern { .term(.iri(iri(local))) }
    static func t(_ s: TermPattern, _ p: TermPattern, _ o: TermPattern) -> TriplePattern { TriplePattern(s, p, o) }
    static func int(_ lexical: String) -> Term { .literal(Literal(lexical, datatype: XSD.integer)) }
    static func ev(_ name: String) -> SPARQL.Expression { .variable(Variable(name)) }
    static func eint(_ lexical: String) -> SPARQL.Expression { .term(int(lexical)) }
    static let type = TermPattern.term(.iri(RDFVocabulary.type))

    /// The query with the example prefix declared.
    static func query(_ text: String, baseIRI: String? = nil) throws -> Query {
        try SPARQLParser.parseQuery("PREFIX : <\(ex)>\n" + text, baseIRI: baseIRI)
    }

    static func update(_ text: String, baseIRI: String? = nil) throws -> Update {
        try SPARQLParser.parseUpdate("PREFIX : <\(ex)>\n" + text, baseIRI: baseIRI)
    }

    /// The WHERE pattern of a `SELECT *` query, without the projection.
    static func wherePattern(_ text: String) throws -> GraphPattern {
        let query = try self.query("SELECT * WHERE " + text)
        guard case .project(let inner, _) = query.pattern else { return query.pattern }
        return inner
    }

    /// The syntax error `text` raises, printed; `nil` if it parses.
    static func queryError(_ text: String) -> String? {
        do {
            _ = try SPARQLParser.parseQuery(text)
            return nil
        } catch {
            return error.description
        }
    }

    static func updateError(_ text: String) -> String? {
        do {
            _ = try SPARQLParser.parseUpdate(text)
            return nil
        } catch {
            return error.description
        }
    }
}

/// The shared conformance data: `$LODESTAR_SHARED`, else `<package root>/../shared`.
enum SharedData {
    static let folder: URL? = {
        let candidates = [
            ProcessInfo.processInfo.environment["LODESTAR_SHARED"].map { URL(fileURLWithPath: $0) },
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("conformance").path) }
    }()

    static var isAvailable: Bool {
        if folder == nil { print("Skipping SPARQL conformance files: set LODESTAR_SHARED or put the shared folder beside the package") }
        return folder != nil
    }
}

/// One syntax-relevant entry of a W3C manifest: the file and whether it must parse.
struct SyntaxCase: CustomStringConvertible, Sendable {
    var type: String
    var file: URL
    var isUpdate: Bool
    var mustParse: Bool

    var description: String { "\(type) \(file.pathComponents.suffix(3).joined(separator: "/"))" }
}

/// Reads the test entries of `sparql11/*/manifest.ttl` and `data-r2/*/manifest.ttl` well enough for a parser check:
/// each statement's `mf:` test type and its `mf:action` file (syntax tests) or `qt:query` / `ut:request` (evaluation
/// tests). Not a Turtle parser; the conformance runner reads manifests properly.
enum ManifestScanner {
    static let types = [
        "PositiveSyntaxTest11", "NegativeSyntaxTest11", "PositiveUpdateSyntaxTest11", "NegativeUpdateSyntaxTest11",
        "PositiveSyntaxTest", "NegativeSyntaxTest", "QueryEvaluationTest", "UpdateEvaluationTest",
    ]

    static func cases(in conformance: URL) -> [SyntaxCase] {
        var result: [SyntaxCase] = []
        for suite in ["sparql11", "data-r2"] {
            let suiteFolder = conformance.appendingPathComponent(suite)
            let folders = (try? FileManager.default.contentsOfDirectory(atPath: suiteFolder.path))?.sorted() ?? []
            for folder in folders {
                let manifest = suiteFolder.appendingPathComponent(folder).appendingPathComponent("manifest.ttl")
                guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { continue }
                for statement in statements(text) {
                    let type = types.first { type in [" ", ";", "\n"].contains { statement.contains("mf:\(type)\($0)") } }
                    guard let type else { continue }
                    let key = type.hasSuffix("EvaluationTest") ? (type.hasPrefix("Update") ? "ut:request" : "qt:query") : "mf:action"
                    guard let name = iri(after: key, in: statement) else { continue }
                    let file = manifest.deletingLastPathComponent().appendingPathComponent(name)
                    let isUpdate = type.contains("Update") || name.hasSuffix(".ru")
                    result.append(SyntaxCase(type: type, file: file, isUpdate: isUpdate, mustParse: !type.hasPrefix("Negative")))
                }
            }
        }
        return result
    }

    /// Top-level statements: split at '.' outside IRIs, strings, brackets and comments.
    private static func statements(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var depth = 0
        var inIRI = false
        var quote: Character?
        var inComment = false
        var previous: Character = " "
        for c in text {
            current.append(c)
            if inComment {
                if c == "\n" { inComment = false }
            } else if let q = quote {
                if c == q && previous != "\\" { quote = nil }
            } else if inIRI {
                if c == ">" { inIRI = false }
            } else {
                switch c {
                case "<": inIRI = true
                case "\"", "'": quote = c
                case "#": inComment = true
                case "[", "(": depth += 1
                case "]", ")": depth -= 1
                case "." where depth == 0:
                    result.append(current)
                    current = ""
                default: break
                }
            }
            previous = c
        }
        return result
    }

    private static func iri(after key: String, in statement: String) -> String? {
        guard let keyRange = statement.range(of: key) else { return nil }
        let rest = statement[keyRange.upperBound...]
        guard let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") else { return nil }
        let between = rest[rest.startIndex..<open]
        guard between.allSatisfy({ $0.isWhitespace || $0 == "[" }) else { return nil }
        return String(rest[rest.index(after: open)..<close])
    }
}
