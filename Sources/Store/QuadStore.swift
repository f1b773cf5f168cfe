public import RDF
public import Redland
import Synchronization

/// The quad store: Redland is the storage of record; every lookup is answered from dictionary-encoded, in-memory
/// indexes that mirror it (DESIGN.md decisions 1–4).
///
/// Readers call `snapshot()` and work on an immutable version: they never wait for a writer or for each other.
/// Writes are serialised on the Redland thread and return only once they are durable (journal fsync'd, then Redland
/// synced), so an acknowledged write survives `kill -9`.
///
/// ```swift
/// let store = try await QuadStore.open(.directory("./var/store"))
/// let report = try await store.load(file: "EIRA_SKOS.rdf", into: .iri(IRI("http://data.europa.eu/dr8/")))
/// print(store.snapshot().count)
/// try await store.close()
/// ```
public final class QuadStore: Sendable {
    private let published: PublishedSnapshot
    private let writer: StoreWriter

    private init(published: PublishedSnapshot, writer: StoreWriter) {
        self.published = published
        self.writer = writer
    }

    /// Opens (creating if needed) the store, reads Redland into the indexes, and replays an interrupted write.
    /// - Throws: `StoreError` if the directory cannot be used, is locked by another process, or Redland fails.
    public static func open(_ options: StoreOptions) async throws -> QuadStore {
        let dictionary = TermDictionary()
        let published = PublishedSnapshot(Snapshot(base: .empty, delta: Delta(), dictionary: dictionary, termCount: 1, version: 0))
        let writer = StoreWriter(options: options, dictionary: dictionary, thread: RedlandThread(name: "lodestar-redland")) { snapshot in
            published.publish(snapshot)
        }
        _ = try await writer.open()
        return QuadStore(published: published, writer: writer)
    }

    /// The latest published version. Cheap: a lock held for one reference copy.
    public func snapshot() -> Snapshot { published.state.withLock { $0 } }

    /// Applies deletions then insertions as one atomic, durable write.
    @discardableResult
    public func apply(_ changes: ChangeSet) async throws -> WriteReport { try await writer.apply(changes) }

    @discardableResult
    public func insert(_ quads: [Quad]) async throws -> WriteReport { try await apply(ChangeSet(insertions: quads)) }

    @discardableResult
    public func remove(_ quads: [Quad]) async throws -> WriteReport { try await apply(ChangeSet(deletions: quads)) }

    /// Replaces everything in `graph` with `quads` (whose own graph names are ignored) in one atomic write.
    @discardableResult
    public func replace(graph: GraphName, with quads: [Quad]) async throws -> WriteReport {
        try await writer.replace(graph: graph, with: quads.map { Quad($0.triple, graph: graph) })
    }

    /// Computes a change from the latest snapshot and commits it with no write in between (for SPARQL Update):
    /// atomic, durable, and nothing at all if `body` throws.
    @discardableResult
    public func transact(_ body: @escaping @Sendable (Snapshot, DocumentLoader) throws -> ChangeSet) async throws -> WriteReport {
        try await writer.transact(body)
    }

    /// Loads an RDF file in one atomic, durable write.
    /// - Parameters:
    ///   - format: by default from the file's extension.
    ///   - baseIRI: by default the file's `file://` URI.
    ///   - graph: where the file's default-graph triples go; N-Quads/TriG named graphs keep their names.
    /// - Throws: `StoreError(.invalidData)` with the file, line and column of the first error; nothing is loaded then.
    @discardableResult
    public func load(file path: String, format: RDFFormat? = nil, baseIRI: String? = nil, into graph: GraphName = .defaultGraph)
        async throws -> LoadReport
    {
        try await writer.load(.file(path), format: format, baseIRI: baseIRI, into: graph)
    }

    /// Loads RDF bytes (an HTTP body, say) in one atomic, durable write.
    @discardableResult
    public func load(bytes: [UInt8], name: String, format: RDFFormat, baseIRI: String, into graph: GraphName = .defaultGraph)
        async throws -> LoadReport
    {
        try await writer.load(.bytes(bytes, name: name), format: format, baseIRI: baseIRI, into: graph)
    }

    /// Syncs and releases the store; later writes fail with `StoreError(.closed)`.
    public func close() async throws { try await writer.close() }
}

/// The latest snapshot, shared by the store (readers) and its writer (the only publisher).
private final class PublishedSnapshot: Sendable {
    let state: Mutex<Snapshot>
    init(_ snapshot: Snapshot) { state = Mutex(snapshot) }
    func publish(_ snapshot: Snapshot) { state.withLock { $0 = snapshot } }
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
