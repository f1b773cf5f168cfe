import Crypto
import Foundation
import RDF
import Redland
public import Store
import Synchronization

/// Runs the federation pipeline for a source: fetch, parse, upgrade, scope, validate, classify, publish, record.
///
/// Every run ends in a report stored in the provenance graph. Only `publish` changes the source's graph, in one
/// store write together with its previous version and the provenance record, so a failed, rejected or interrupted
/// run leaves the published data exactly as it was.
public final class Harvester: Sendable {
    public struct Options: Sendable {
        /// Harvest this local file instead of fetching the source's URL.
        public var file: String?
        /// Publish even when more than half of the source's solutions would disappear.
        public var allowMassRemoval = false
        public init(file: String? = nil, allowMassRemoval: Bool = false) {
            self.file = file
            self.allowMassRemoval = allowMassRemoval
        }
    }

    let store: QuadStore
    let resources: FederationResources
    let vocabularies: VocabularyIndex
    let validator: Validator
    let fetcher: Fetcher
    private let running = Mutex<Set<String>>([])
    /// Hydra pages followed at most, and the guard against a page that links back.
    static let maxPages = 1000

    public init(store: QuadStore, resources: FederationResources, vocabularyDirectory: String?, fetcher: Fetcher = Fetcher()) throws {
        self.store = store
        self.resources = resources
        self.vocabularies = try VocabularyIndex.shared(directory: vocabularyDirectory)
        self.validator = try Validator(resources: resources)
        self.fetcher = fetcher
    }

    /// `$LODESTAR_SHARED/data/joinup-vocabularies` when it exists: the reference vocabularies Joinup loads.
    public static func defaultVocabularyDirectory() -> String? {
        guard let shared = ProcessInfo.processInfo.environment["LODESTAR_SHARED"] else { return nil }
        let directory = shared + "/data/joinup-vocabularies"
        return FileManager.default.fileExists(atPath: directory) ? directory : nil
    }

    /// Whether a run of `name` is under way in this process.
    public func isRunning(_ name: String) -> Bool { running.withLock { $0.contains(name) } }

    /// Runs the pipeline once.
    /// - Throws: `FederationError(.unknownSource)` or `.busy` (another run of this source is under way); every other
    ///   problem ends in a report with outcome `.failed` or `.rejected`.
    public func harvest(_ name: String, options: Options = Options()) async throws -> HarvestReport {
        let snapshot = store.snapshot()
        guard let source = try SourceRegistry.find(name, in: snapshot) else {
            throw FederationError(.unknownSource, "no source named '\(name)' (see `lodestar source list`)")
        }
        try acquire(name)
        defer { release(name) }
        let history = try Provenance.reports(name, in: snapshot)
        var report = HarvestReport(source: name, run: (history.last?.run ?? 0) + 1, started: Date(), url: options.file.map { "file://" + $0 } ?? source.url)
        do {
            try await run(source, options: options, history: history, report: &report)
        } catch let error as FederationError {
            report.outcome = error.code == .massRemoval ? .rejected : .failed
            report.failure = HarvestReport.Failure(step: Self.step(error.code), message: error.message, line: error.line, column: error.column)
        } catch {
            report.outcome = .failed
            report.failure = HarvestReport.Failure(step: "harvest", message: String(describing: error))
        }
        report.ended = Date()
        if report.outcome != .published {
            try await store.insert(Provenance.quads(for: report, source: source))
        }
        return report
    }

    private func run(_ source: HarvestSource, options: Options, history: [HarvestReport], report: inout HarvestReport) async throws {
        // Conditional GET only against the last run whose document is what is published: after a rejected or failed
        // run, an unchanged source must be read (and rejected) again, not reported "unchanged".
        let last = history.last(where: { ($0.outcome == .published || $0.outcome == .unchanged) && ($0.etag != nil || $0.lastModified != nil) })
        // A `file:` source is read like `--file` (no conditional GET: the whole pipeline decides what changed).
        let file = options.file ?? (source.url.hasPrefix("file://") ? String(source.url.dropFirst("file://".count)) : nil)
        guard let incoming = try await obtain(source, file: file, last: last, report: &report) else {
            report.outcome = .unchanged
            return
        }
        var graph = WorkingGraph(incoming)
        for file in try resources.files(in: "upgrade", suffix: ".ru") {
            let result = try SPARQLRunner.update(NS.sparqlPrologue + file.text, on: graph, file: "upgrade/" + file.name)
            graph = result.graph
            if result.removed + result.added > 0 { report.upgraded[file.name] = result.removed + result.added }
        }
        let scoped = try SPARQLRunner.update(NS.sparqlPrologue + (try resources.read("scope/scope.ru")), on: graph, file: "scope/scope.ru")
        graph = scoped.graph
        report.droppedByScope = scoped.removed
        let withVocabularies = vocabularies.augment(graph)
        report.violations = try validator.checkADMS(withVocabularies)
        // Joinup stops before its application rules when ADMS-AP fails; running both tells a moderator everything at once.
        report.violations += try validator.checkApplication(withVocabularies)
        if report.errorCount > 0 {
            report.outcome = .rejected
            return
        }
        try await publish(source, graph: graph, options: options, report: &report)
    }

    /// The syntax a source's document is parsed in: the source's own `format` if it names one, else what the document says.
    private static func format(of source: HarvestSource, contentType: String?, url: String) -> RDFFormat? {
        if let name = source.format { return RDFFormat(name: name) }
        return RDFFormat(contentType: contentType, url: url)
    }

    /// The document's triples (every Hydra page), or `nil` when the source answered 304.
    private func obtain(_ source: HarvestSource, file: String?, last: HarvestReport?, report: inout HarvestReport) async throws -> [Triple]? {
        var digest = SHA256()
        var triples: [Triple] = []
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw FederationError(.fetch, "cannot read \(file)") }
            guard let format = Self.format(of: source, contentType: nil, url: file) else {
                throw FederationError(.fetch, "cannot tell the syntax of \(file): give the source a format")
            }
            let bytes = [UInt8](data)
            digest.update(data: bytes)
            report.bytes = bytes.count
            report.pages = 1
            report.format = format.rawValue
            triples = try RDFInput.parse(bytes, format: format, baseIRI: URL(fileURLWithPath: file).absoluteString, name: file)
        } else {
            var url: String? = source.url
            var seen = Set<String>()
            while let page = url {
                guard seen.insert(page).inserted else { break }
                guard seen.count <= Self.maxPages else { throw FederationError(.fetch, "more than \(Self.maxPages) Hydra pages") }
                let first = seen.count == 1
                let response = try await fetcher.get(page, etag: first ? last?.etag : nil, lastModified: first ? last?.lastModified : nil)
                if first {
                    report.httpStatus = response.status
                    report.etag = response.etag
                    report.lastModified = response.lastModified
                    if response.status == 304 { return nil }
                }
                guard let format = Self.format(of: source, contentType: response.contentType, url: page) else {
                    throw FederationError(.fetch, "\(page): '\(response.contentType ?? "no Content-Type")' is not an RDF syntax")
                }
                digest.update(data: response.body)
                report.bytes += response.body.count
                report.pages += 1
                report.format = format.rawValue
                let pageTriples = try RDFInput.parse(response.body, format: format, baseIRI: page, name: page)
                triples += pageTriples
                url = Self.nextPage(pageTriples)
            }
        }
        report.sha256 = digest.finalize().map { String(format: "%02x", $0) }.joined()
        report.parsedTriples = triples.count
        return triples
    }

    /// `hydra:next` (or the older `hydra:nextPage`) of a page, if any.
    static func nextPage(_ triples: [Triple]) -> String? {
        let names: Set<Term> = [.iri("http://www.w3.org/ns/hydra/core#next"), .iri("http://www.w3.org/ns/hydra/core#nextPage")]
        return triples.first { names.contains($0.predicate) && $0.object.isIRI }?.object.iri?.value
    }

    func acquireForRollback(_ name: String) throws { try acquire(name) }
    func releaseAfterRollback(_ name: String) { release(name) }

    private func acquire(_ name: String) throws {
        let acquired = running.withLock { $0.insert(name).inserted }
        guard acquired else { throw FederationError(.busy, "a harvest of '\(name)' is already running") }
    }

    private func release(_ name: String) { _ = running.withLock { $0.remove(name) } }

    static func step(_ code: FederationError.Code) -> String {
        switch code {
        case .fetch: "fetch"
        case .parse: "parse"
        case .massRemoval: "publish"
        default: "harvest"
        }
    }
}
