public import Foundation

/// What one run did, kept in the provenance graph (as JSON on the run's activity) and shown by the CLI and /sources.
public struct HarvestReport: Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// New data went live.
        case published
        /// The source answered 304, or its data equals what is published: nothing was written but the record.
        case unchanged
        /// Validation errors (or the mass-removal guard): nothing was published.
        case rejected
        /// The source could not be fetched or parsed: nothing was published.
        case failed
        /// `harvest --rollback` put the previous version back.
        case rolledBack = "rolled-back"
    }

    public struct Failure: Sendable, Codable {
        public var step: String
        public var message: String
        public var line: Int?
        public var column: Int?
    }

    public struct SolutionEntry: Sendable, Codable, Hashable {
        public var iri: String
        public var title: String?
        public var classification: Classification
        public var hash: String?
    }

    public var source: String
    public var run: Int
    public var outcome: Outcome = .failed
    public var started: Date
    public var ended: Date?
    public var url: String
    public var httpStatus: Int?
    public var etag: String?
    public var lastModified: String?
    public var sha256: String?
    public var bytes = 0
    public var pages = 0
    public var format: String?
    public var parsedTriples = 0
    /// Triples each upgrade file changed (removed + added), by file name.
    public var upgraded: [String: Int] = [:]
    public var droppedByScope = 0
    public var publishedTriples = 0
    public var inserted = 0
    public var deleted = 0
    public var failure: Failure?
    public var violations: [Violation] = []
    public var solutions: [SolutionEntry] = []

    public var errorCount: Int { violations.filter { $0.severity == .error }.count }
    public var warningCount: Int { violations.filter { $0.severity == .warning }.count }
    public func count(_ classification: Classification) -> Int { solutions.filter { $0.classification == classification }.count }

    /// One line for the terminal.
    public var summary: String {
        var parts = ["\(source) run \(run): \(outcome.rawValue)"]
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        if parsedTriples > 0 { parts.append("\(parsedTriples) triples parsed, \(droppedByScope) out of scope") }
        if !violations.isEmpty { parts.append("\(errorCount) errors, \(warningCount) warnings") }
        if !solutions.isEmpty {
            parts.append(
                "solutions: \(count(.new)) new, \(count(.changed)) changed, \(count(.unchanged)) unchanged, \(count(.removed)) removed")
        }
        if outcome == .published || outcome == .rolledBack { parts.append("\(inserted) inserted, \(deleted) deleted") }
        if let failure {
            let position = failure.line.map { " at line \($0)" + (failure.column.map { ", column \($0)" } ?? "") } ?? ""
            parts.append("\(failure.step) failed\(position): \(failure.message)")
        }
        return parts.joined(separator: "; ")
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    public static func decode(_ json: String) -> HarvestReport? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(HarvestReport.self, from: Data(json.utf8))
    }
}
