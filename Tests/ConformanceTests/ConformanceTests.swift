import Testing

/// The W3C SPARQL 1.0 and 1.1 test suites, driven by their manifests (STYLE.md §6; compare oxigraph's testsuite/).
///
/// Each kind of test is one parameterised test whose cases are the manifest entries, shown by folder and name. Every
/// suite prints a `folder: N passed, M failed, K known failures, S skipped` table to stdout when its last case is done.
/// Known failures are listed, with reasons, in `ExpectedFailures`.
@Suite("W3C SPARQL conformance", .enabled(if: ConformanceData.isAvailable, "needs ../shared/conformance (set LODESTAR_SHARED)"))
struct ConformanceTests {
    @Test func manifestsAreRead() {
        #expect(Suites.loadErrors.isEmpty, "\(Suites.loadErrors)")
        // SOURCE.md counts 309 + 3 SPARQL 1.1 evaluation tests and 284 SPARQL 1.0 ones, 66 + 149 positive syntax tests.
        #expect(Suites.sparql11Evaluation.entries.count >= 300)
        #expect(Suites.dataR2Evaluation.entries.count >= 250)
        #expect(Suites.positiveSyntax.entries.count >= 200)
        #expect(Suites.updateSyntax.entries.count >= 50)
        #expect(Suites.updateEvaluation.entries.count >= 90)
        #expect(Suites.updateEvaluation.entries.allSatisfy { $0.update?.request != nil })
        #expect(Suites.updateEvaluation.entries.contains { $0.update?.expectedGraphData.contains { $0.name == "http://example.org/g1" } == true })
    }

    /// A typo in `ExpectedFailures` would otherwise go unnoticed.
    @Test func expectedFailuresNameTestsThatRun() {
        let runnable = Set(Suites.all.flatMap(\.runnable).map(\.id))
        for id in ExpectedFailures.reasons.keys.sorted() where !runnable.contains(id) {
            Issue.record("ExpectedFailures lists \(id), which is not a test this runner runs: remove it from the list")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: Suites.sparql11Evaluation.runnable)
    func sparql11QueryEvaluation(_ entry: ManifestEntry) {
        check(entry, in: Suites.sparql11Evaluation, QueryEvaluationRunner.run)
    }

    @Test(.timeLimit(.minutes(1)), arguments: Suites.dataR2Evaluation.runnable)
    func dataR2QueryEvaluation(_ entry: ManifestEntry) {
        check(entry, in: Suites.dataR2Evaluation, QueryEvaluationRunner.run)
    }

    @Test(.timeLimit(.minutes(1)), arguments: Suites.positiveSyntax.runnable)
    func positiveQuerySyntax(_ entry: ManifestEntry) {
        check(entry, in: Suites.positiveSyntax, SyntaxRunner.run)
    }

    @Test(.timeLimit(.minutes(1)), arguments: Suites.negativeSyntax.runnable)
    func negativeQuerySyntax(_ entry: ManifestEntry) {
        check(entry, in: Suites.negativeSyntax, SyntaxRunner.run)
    }

    @Test(.timeLimit(.minutes(1)), arguments: Suites.updateSyntax.runnable)
    func updateSyntax(_ entry: ManifestEntry) {
        check(entry, in: Suites.updateSyntax, SyntaxRunner.run)
    }

    @Test(.timeLimit(.minutes(1)), arguments: Suites.updateEvaluation.runnable)
    func updateEvaluation(_ entry: ManifestEntry) {
        check(entry, in: Suites.updateEvaluation, UpdateEvaluationRunner.run)
    }

    /// Suites none of whose tests run yet (update evaluation, protocol) still print their table and skip reasons.
    @Test func skippedSuites() {
        for suite in Suites.all where suite.runnable.isEmpty { Report.shared.printSkippedSuite(suite) }
    }

    /// Runs one entry, weighs the result against `ExpectedFailures`, records an issue if the run must fail, and reports.
    private func check(_ entry: ManifestEntry, in suite: ConformanceSuite, _ run: (ManifestEntry) throws -> String?) {
        let failure: String?
        do {
            failure = try run(entry)
        } catch {
            failure = "could not run the test: \(error)"
        }
        let outcome: Outcome
        switch (failure, ExpectedFailures.reasons[entry.id]) {
        case (nil, nil):
            outcome = .passed
        case (nil, _?):
            outcome = .unexpectedPass
            Issue.record("\(entry.testDescription) <\(entry.id)> passes: remove it from ExpectedFailures")
        case (let failure?, nil):
            outcome = .failed
            Issue.record("\(entry.testDescription) <\(entry.id)> failed: \(failure)")
        case (_?, _?):
            outcome = .knownFailure
        }
        Report.shared.record(outcome, for: entry, in: suite)
    }
}
