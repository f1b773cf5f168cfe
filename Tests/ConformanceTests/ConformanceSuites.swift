import Foundation

/// The tests one parameterised `@Test` runs, skipped ones included so the summary can count them.
struct ConformanceSuite: Sendable {
    let title: String
    /// Every entry of the suite, in manifest order.
    let entries: [ManifestEntry]
    /// The entries that run: those without a skip reason.
    let runnable: [ManifestEntry]

    init(title: String, entries: [ManifestEntry]) {
        self.title = title
        self.entries = entries
        self.runnable = entries.filter { Suites.skipReason($0) == nil }
    }
}

/// The W3C suites, read once from the manifests: SPARQL 1.1 (`sparql11/manifest-all.ttl`) and SPARQL 1.0
/// (`data-r2/manifest-evaluation.ttl`, `data-r2/manifest-syntax.ttl`), split by what kind of check they need.
enum Suites {
    /// The entries of each top manifest, and why any manifest could not be read (reported by `manifestsAreRead`).
    private struct Loaded {
        var sparql11: [ManifestEntry] = []
        var dataR2Evaluation: [ManifestEntry] = []
        var dataR2Syntax: [ManifestEntry] = []
        var errors: [String] = []
    }

    private static let loaded: Loaded = {
        var loaded = Loaded()
        guard ConformanceData.isAvailable else { return loaded }
        func read(_ path: String) -> [ManifestEntry] {
            do {
                var reader = try ManifestReader()
                try reader.read(ConformanceData.root.appendingPathComponent(path).absoluteString)
                return reader.entries
            } catch {
                loaded.errors.append("\(path): \(error)")
                return []
            }
        }
        loaded.sparql11 = read("sparql11/manifest-all.ttl")
        loaded.dataR2Evaluation = read("data-r2/manifest-evaluation.ttl")
        loaded.dataR2Syntax = read("data-r2/manifest-syntax.ttl")
        return loaded
    }()

    /// Why manifests could not be read; empty when all were.
    static var loadErrors: [String] { loaded.errors }

    private static var everything: [ManifestEntry] { loaded.sparql11 + loaded.dataR2Evaluation + loaded.dataR2Syntax }

    static let sparql11Evaluation = ConformanceSuite(
        title: "SPARQL 1.1 query evaluation", entries: loaded.sparql11.filter { $0.type == .queryEvaluation || $0.type == .csvResultFormat })
    static let dataR2Evaluation = ConformanceSuite(
        title: "SPARQL 1.0 (data-r2) query evaluation", entries: loaded.dataR2Evaluation.filter { $0.type == .queryEvaluation })
    static let positiveSyntax = ConformanceSuite(title: "Query syntax, positive", entries: everything.filter { $0.type == .positiveSyntax })
    static let negativeSyntax = ConformanceSuite(title: "Query syntax, negative", entries: everything.filter { $0.type == .negativeSyntax })
    static let updateSyntax = ConformanceSuite(
        title: "Update syntax", entries: everything.filter { $0.type == .positiveUpdateSyntax || $0.type == .negativeUpdateSyntax })
    static let updateEvaluation = ConformanceSuite(title: "Update evaluation", entries: everything.filter { $0.type == .updateEvaluation })
    static let protocols = ConformanceSuite(
        title: "Protocol, service description and other",
        entries: everything.filter { entry in
            if case .protocolExchange = entry.type { return true }
            if case .other = entry.type { return true }
            return false
        })

    static let all = [sparql11Evaluation, dataR2Evaluation, positiveSyntax, negativeSyntax, updateSyntax, updateEvaluation, protocols]

    /// Why an entry is not run, or `nil` if it is. Skips are categories, never single failing tests (those belong in
    /// `ExpectedFailures`).
    static func skipReason(_ entry: ManifestEntry) -> String? {
        if case .notApproved(let status) = entry.approval { return "dawgt:\(status), not approved by the working group" }
        switch entry.type {
        case .protocolExchange: return "protocol tests are HTTP exchanges with a running server, not engine tests"
        case .other(let iri): return "unknown test type \(iri)"
        default: break
        }
        if entry.needsEntailment || entry.folder.hasSuffix("/entailment") {
            return "entailment regimes (RDF, RDFS, D, OWL) are not implemented: only simple entailment"
        }
        if entry.needsService || entry.folder.hasSuffix("/service") { return "SERVICE needs remote endpoints: federated query is out of scope" }
        return nil
    }
}
