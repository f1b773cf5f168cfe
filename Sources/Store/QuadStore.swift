public import RDF
public import Redland
import Synchronization

/// The quad store: Redland is the storage of record; every lookup is answered from dictionary-encoded, in-memory
/// indexes that mirror it (DESIGN.md decisions 1–4).
///
/// Readers call `snapshot()` and work on an immutable version: they never wait for a writer or for each other.
/// Every write goes through `transact` and returns once it is in the write-ahead log (synced, with `SyncMode.commit`)
/// and its snapshot is published, so an acknowledged write survives `kill -9`; Redland catches up in the background.
///
/// ```swift
/// let store = try await QuadStore.open(.directory("./var/store"))
/// let report = try await store.load(file: "EIRA_SKOS.rdf", into: .iri(IRI("http://data.europa.eu/dr8/")))
/// print(store.snapshot().count)
/// try await store.close()
/// ```
public final class QuadStore: Sendable {
    private let published: PublishedSnapshot
    let committer: GroupCommitter
    private let writer: StoreWriter
    let observers: ObserverList
    /// How this store opened: whether its indexes were mapped from the index file or rebuilt from Redland, and how long
    /// the open took.
    public let openReport: OpenReport

    private init(published: PublishedSnapshot, committer: GroupCommitter, observers: ObserverList, openReport: OpenReport) {
        self.openReport = openReport
        self.published = published
        self.committer = committer
        self.writer = committer.storage
        self.observers = observers
    }

    /// Opens (creating if needed) the store: maps the index file of Redland's last checkpoint (or, if it does not
    /// match, reads Redland and writes it again) and replays the log written since that checkpoint.
    /// - Throws: `StoreError` if the directory cannot be used, is locked by another process, the log is damaged
    ///   (naming segment and offset), or Redland fails.
    public static func open(_ options: StoreOptions) async throws -> QuadStore {
        let dictionary = TermDictionary()
        let published = PublishedSnapshot(Snapshot(base: .empty, delta: Delta(), dictionary: dictionary, termCount: 1, version: 0))
        let observers = ObserverList()
        // Raptor's and libxml2's recursive parsers run on this thread: give it the stack SPARQL's `LargeStack.size` promises
        // (issue 15).
        let storage = StoreWriter(options: options, dictionary: dictionary, thread: RedlandThread(name: "lodestar-redland", stackSize: 512 << 20))
        let (committer, report) = try await GroupCommitter.open(
            options: options, dictionary: dictionary, storage: storage, published: published, observers: observers)
        return QuadStore(published: published, committer: committer, observers: observers, openReport: report)
    }

    /// The latest published version. Cheap: a lock held for one reference copy.
    public func snapshot() -> Snapshot { published.state.withLock { $0 } }

    /// Computes a change from the latest snapshot and commits it with no write in between: atomic, durable, and
    /// nothing at all if `body` throws. `body` runs once, on the writer, and must not block: fetch and parse documents
    /// before calling this.
    /// - Parameter mode: `.bulk` for loads and whole-graph replacements (`WriteMode`).
    /// - Returns: what the write changed, and the value `body` returned with its change.
    @discardableResult
    public func transact<T: Sendable>(_ mode: WriteMode = .logged, _ body: @escaping @Sendable (Snapshot) throws -> (ChangeSet, T))
        async throws -> (WriteReport, T)
    {
        let result = TransactionResult<T>()
        let report = try await committer.submit(mode) { snapshot in
            let (changes, value) = try body(snapshot)
            result.value = value
            return changes
        }
        guard let value = result.value else { throw StoreError(.storage, "the transaction body returned no value") }
        return (report, value)
    }

    /// Applies deletions then insertions as one atomic, durable write.
    @discardableResult
    public func apply(_ changes: ChangeSet) async throws -> WriteReport { try await transact { _ in (changes, ()) }.0 }

    @discardableResult
    public func insert(_ quads: [Quad]) async throws -> WriteReport { try await apply(ChangeSet(insertions: quads)) }

    @discardableResult
    public func remove(_ quads: [Quad]) async throws -> WriteReport { try await apply(ChangeSet(deletions: quads)) }

    /// Replaces everything in `graph` with `quads` (whose own graph names are ignored) in one atomic write. Logged, not
    /// bulk: with bulk, ServerCrashTests lost an acknowledged PUT after kill -9 (cause not found yet; issue 10).
    @discardableResult
    public func replace(graph: GraphName, with quads: [Quad]) async throws -> WriteReport {
        let quads = quads.map { Quad($0.triple, graph: graph) }
        return try await transact { snapshot in (ChangeSet(deletions: snapshot.quads(in: graph), insertions: quads), ()) }.0
    }

    /// Loads an RDF file in one atomic, durable bulk write.
    /// - Parameters:
    ///   - format: by default from the file's extension.
    ///   - baseIRI: by default the file's `file://` URI.
    ///   - graph: where the file's default-graph triples go; N-Quads/TriG named graphs keep their names.
    /// - Throws: `StoreError(.invalidData)` with the file, line and column of the first error; nothing is loaded then.
    @discardableResult
    public func load(file path: String, format: RDFFormat? = nil, baseIRI: String? = nil, into graph: GraphName = .defaultGraph)
        async throws -> LoadReport
    {
        try await load(.file(path), format: format, baseIRI: baseIRI, into: graph)
    }

    /// Loads RDF bytes (an HTTP body, say) in one atomic, durable write.
    @discardableResult
    public func load(bytes: [UInt8], name: String, format: RDFFormat, baseIRI: String, into graph: GraphName = .defaultGraph)
        async throws -> LoadReport
    {
        try await load(.bytes(bytes, name: name), format: format, baseIRI: baseIRI, into: graph)
    }

    /// Parses an RDF file with raptor without writing anything (LOAD reads its documents this way before its write).
    /// - Throws: `StoreError(.invalidData)` with the file, line and column of the first error.
    public func parse(file path: String, format: RDFFormat? = nil, baseIRI: String? = nil) async throws -> [Quad] {
        try await writer.parse(.file(path), format: format, baseIRI: baseIRI)
    }

    /// Parses RDF bytes with raptor without writing anything.
    public func parse(bytes: [UInt8], name: String, format: RDFFormat, baseIRI: String) async throws -> [Quad] {
        try await writer.parse(.bytes(bytes, name: name), format: format, baseIRI: baseIRI)
    }

    private func load(_ source: LoadSource, format: RDFFormat?, baseIRI: String?, into graph: GraphName) async throws -> LoadReport {
        let start = ContinuousClock.now
        var quads = try await writer.parse(source, format: format, baseIRI: baseIRI)
        for index in quads.indices where quads[index].graph == .defaultGraph { quads[index].graph = graph }
        let parsed = quads.count
        let insertions = quads
        let report = try await transact(.bulk) { _ in (ChangeSet(insertions: insertions), ()) }.0
        return LoadReport(parsed: parsed, inserted: report.inserted, seconds: (ContinuousClock.now - start).seconds)
    }

    /// A consistent copy of this store in `target` (which must not exist), taken without stopping writers; it opens as a
    /// store holding a version this store acknowledged (`StoreBackup`).
    /// - Returns: the checkpoint sequence number the copy starts from.
    /// - Throws: `StoreError(.invalidData)` for an in-memory store; `StoreError(.io)` if the copy fails.
    @discardableResult
    public func backup(to target: String) async throws -> UInt64 {
        guard case .directory(let path) = committer.options.location else {
            throw StoreError(.invalidData, "an in-memory store has no files to back up")
        }
        return try await Self.copy(path, to: target)
    }

    /// Copies files off the cooperative pool.
    @concurrent private static func copy(_ storeDirectory: String, to target: String) async throws -> UInt64 {
        try StoreBackup.copy(storeDirectory: storeDirectory, to: target)
    }

    /// Waits for queued writes, checkpoints the log into Redland, syncs and releases the store; later writes fail with
    /// `StoreError(.closed)`.
    public func close() async throws {
        try await committer.close()
        try await writer.close()
    }
}

/// Carries a transaction body's value out of the committer, which runs the body exactly once before `submit` returns.
private final class TransactionResult<T: Sendable>: @unchecked Sendable {
    // @unchecked: written once by the body on the committer, read after `submit` returns (the await orders the two).
    var value: T?
}

extension QuadStore {
    /// Prefixes offered to Turtle, TriG and RDF/XML output so dumps read well.
    public static let commonPrefixes: [String: String] = [
        "rdf": RDFVocabulary.namespace, "rdfs": RDFS.namespace, "xsd": XSD.namespace, "owl": OWL.namespace,
        "skos": SKOS.namespace, "dct": DCTerms.namespace, "dcat": "http://www.w3.org/ns/dcat#",
        "adms": "http://www.w3.org/ns/adms#", "foaf": "http://xmlns.com/foaf/0.1/", "dr8": "http://data.europa.eu/dr8/",
    ]

    /// Streams one snapshot in `format` through `RDFWriter`, on the caller's task (no Redland thread, no lock).
    /// - Parameter graph: one graph, or `nil` for all of them (quad formats only).
    public func dump(graph: GraphName?, format: RDFFormat, to sink: @escaping @Sendable ([UInt8]) throws -> Void) async throws {
        let snapshot = snapshot()
        guard graph != nil || format.supportsGraphs else {
            throw StoreError(.invalidData, "\(format.rawValue) cannot hold named graphs: name one graph, or use nquads, trig or jsonld")
        }
        try snapshot.write(graphs: graph.map { [$0] }, format: format, prefixes: Self.commonPrefixes, to: sink)
    }
}
