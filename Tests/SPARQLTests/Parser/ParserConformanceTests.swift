import Foundation
import Testing
@testable import SPARQL

/// Every query and update file the W3C manifests list as a syntax test or as the request of an evaluation test must be
/// accepted or rejected as the manifest says, and every accepted one must round-trip: parse → print → parse gives an
/// equal value (STYLE.md §6). The real manifest-driven runner lives in ConformanceTests; this is the parser's own check.
@Suite("Parser conformance files", .enabled(if: SharedData.isAvailable))
struct ParserConformanceTests {
    static let cases: [SyntaxCase] = SharedData.folder.map { ManifestScanner.cases(in: $0.appendingPathComponent("conformance")) } ?? []

    @Test func manifestsListTheExpectedFiles() {
        // 66 + 48 + 42 + 13 SPARQL 1.1 syntax tests and 149 + 50 SPARQL 1.0 ones, less duplicates, plus evaluation tests.
        #expect(Self.cases.count > 1000)
    }

    @Test func filesAreAcceptedOrRejectedAsTheManifestsSay() throws {
        var counts: [String: (passed: Int, total: Int)] = [:]
        for testCase in Self.cases {
            let text = try String(contentsOf: testCase.file, encoding: .utf8)
            let base = testCase.file.absoluteString
            var failure: String?
            do {
                if testCase.isUpdate {
                    _ = try SPARQLParser.parseUpdate(text, baseIRI: base)
                } else {
                    _ = try SPARQLParser.parseQuery(text, baseIRI: base)
                }
            } catch {
                failure = error.description
            }
            let passed = testCase.mustParse == (failure == nil)
            #expect(passed, "\(testCase): \(failure ?? "accepted, but the manifest says it must be rejected")")
            counts[testCase.type, default: (0, 0)].total += 1
            if passed { counts[testCase.type, default: (0, 0)].passed += 1 }
        }
        for (type, count) in counts.sorted(by: { $0.key < $1.key }) { print("SPARQL parser \(type): \(count.passed)/\(count.total)") }
    }

    @Test func acceptedFilesRoundTrip() throws {
        var roundTripped = 0
        for testCase in Self.cases where testCase.mustParse {
            let text = try String(contentsOf: testCase.file, encoding: .utf8)
            let base = testCase.file.absoluteString
            if testCase.isUpdate {
                guard let update = try? SPARQLParser.parseUpdate(text, baseIRI: base) else { continue }
                let printed = update.description
                #expect(throws: Never.self, "\(testCase) printed as\n\(printed)") { try SPARQLParser.parseUpdate(printed) }
                let again = try? SPARQLParser.parseUpdate(printed)
                #expect(again == update, "\(testCase) printed as\n\(printed)")
                if again == update { roundTripped += 1 }
            } else {
                guard let query = try? SPARQLParser.parseQuery(text, baseIRI: base) else { continue }
                let printed = query.description
                #expect(throws: Never.self, "\(testCase) printed as\n\(printed)") { try SPARQLParser.parseQuery(printed) }
                let again = try? SPARQLParser.parseQuery(printed)
                #expect(again == query, "\(testCase) printed as\n\(printed)\n\(query.sse)\n\(again?.sse ?? "")")
                if again == query { roundTripped += 1 }
            }
        }
        print("SPARQL parser round trip: \(roundTripped)/\(Self.cases.filter(\.mustParse).count)")
    }
}
