import Synchronization

/// How one test came out, after `ExpectedFailures` was consulted.
enum Outcome: Sendable {
    case passed
    /// Failed and not listed: fails the run.
    case failed
    /// Failed and listed in `ExpectedFailures`.
    case knownFailure
    /// Listed in `ExpectedFailures` but passed: fails the run until the entry is removed (counted as failed).
    case unexpectedPass
}

/// Counts outcomes per suite and folder, and prints a suite's table to stdout (for the CI log) as soon as its last
/// case has reported. Cases run in parallel, so the counts sit behind a mutex.
final class Report: Sendable {
    static let shared = Report()

    private struct Tally {
        var passed = 0, failed = 0, known = 0
        var total: Int { passed + failed + known }
    }

    /// Suite title → folder → tally.
    private let tallies = Mutex<[String: [String: Tally]]>([:])

    /// Records one case; prints the suite's table if it was the suite's last runnable case.
    func record(_ outcome: Outcome, for entry: ManifestEntry, in suite: ConformanceSuite) {
        let complete: [String: Tally]? = tallies.withLock { tallies in
            var folders = tallies[suite.title, default: [:]]
            switch outcome {
            case .passed: folders[entry.folder, default: Tally()].passed += 1
            case .failed, .unexpectedPass: folders[entry.folder, default: Tally()].failed += 1
            case .knownFailure: folders[entry.folder, default: Tally()].known += 1
            }
            tallies[suite.title] = folders
            return folders.values.reduce(0) { $0 + $1.total } == suite.runnable.count ? folders : nil
        }
        if let complete { print(Self.table(for: suite, tallies: complete)) }
    }

    /// Prints the table of a suite none of whose tests run (all skipped).
    func printSkippedSuite(_ suite: ConformanceSuite) { print(Self.table(for: suite, tallies: [:])) }

    /// `folder: N passed, M failed, K known failures, S skipped` per folder, a total, then each skip reason.
    private static func table(for suite: ConformanceSuite, tallies: [String: Tally]) -> String {
        var skipped: [String: Int] = [:]
        var reasons: [String: [String: [ManifestEntry]]] = [:]  // folder → reason → entries
        for entry in suite.entries {
            guard let reason = Suites.skipReason(entry) else { continue }
            skipped[entry.folder, default: 0] += 1
            reasons[entry.folder, default: [:]][reason, default: []].append(entry)
        }
        let folders = Set(tallies.keys).union(skipped.keys).sorted()
        let width = folders.map(\.count).max() ?? 0
        func line(_ label: String, _ tally: Tally, _ skipped: Int) -> String {
            let padding = String(repeating: " ", count: max(0, width - label.count))
            return "  \(label):\(padding) \(tally.passed) passed, \(tally.failed) failed, \(tally.known) known failures, \(skipped) skipped"
        }
        var lines = ["", "== W3C \(suite.title) =="]
        var total = Tally()
        for folder in folders {
            let tally = tallies[folder] ?? Tally()
            total.passed += tally.passed
            total.failed += tally.failed
            total.known += tally.known
            lines.append(line(folder, tally, skipped[folder] ?? 0))
        }
        lines.append(line("total", total, skipped.values.reduce(0, +)))
        for folder in reasons.keys.sorted() {
            for (reason, entries) in reasons[folder, default: [:]].sorted(by: { $0.key < $1.key }) {
                // Categories are counted; tests skipped one by one (not approved) are also named.
                let named = entries.filter { if case .notApproved = $0.approval { true } else { false } }
                let names = named.isEmpty ? "" : " [" + named.map(\.shortName).joined(separator: ", ") + "]"
                lines.append("  skipped \(entries.count) in \(folder): \(reason)\(names)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
