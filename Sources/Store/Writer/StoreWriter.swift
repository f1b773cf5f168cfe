import RDF
import Redland

/// Owns the Redland storage of record on the Redland thread (librdf is not thread-safe): reads it on open, takes
/// checkpoints of the write-ahead log into it, and does raptor's parsing and serialising. Commits never wait for it:
/// they are durable in the log (`GroupCommitter`) before Redland sees them (DESIGN.md decision 4).
actor StoreWriter {
    private let thread: RedlandThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    private let options: StoreOptions
    private let dictionary: TermDictionary
    fileprivate var mirror: RedlandMirror?
    private var lockDescriptor: Int32 = -1

    init(options: StoreOptions, dictionary: TermDictionary, thread: RedlandThread) {
        self.options = options
        self.dictionary = dictionary
        self.thread = thread
    }

    /// What the storage of record holds when the store opens.
    struct Opened: Sendable {
        /// The sequence number of the last log record Redland holds.
        var checkpoint: UInt64
        /// A checkpoint was cut short by a crash: Redland may hold part of it, so it is rebuilt after the log replays.
        var interrupted: Bool
    }

    // MARK: Opening and closing

    /// Opens Redland without reading it: the store reads it (`quadKeys()`) only when its index file cannot be used.
    func open() throws(StoreError) -> Opened {
        var checkpoint: UInt64 = 0
        var interrupted = false
        switch options.location {
        case .memory:
            mirror = try RedlandMirror(directory: nil)
        case .directory(let path):
            try FileSystem.createDirectory(path)
            lockDescriptor = try FileSystem.lockExclusively(path + "/lock")
            let layout = RedlandLayout(storeDirectory: path)
            try layout.finishInterruptedSwap(storeDirectory: path)
            self.mirror = try RedlandMirror(directory: layout.live)
            checkpoint = try CheckpointRecord.read(storeDirectory: path)
            interrupted = FileSystem.exists(CheckpointRecord.runningMark(path))
        }
        return Opened(checkpoint: checkpoint, interrupted: interrupted)
    }

    /// Sorted, duplicate-free SPOG keys of every quad in Redland, interning their terms.
    func quadKeys() throws(StoreError) -> [UInt128] {
        guard let mirror else { throw StoreError(.closed, "the store is closed") }
        var keys = [UInt128]()
        try mirror.forEachQuad { quad in keys.append(try encode(quad)) }
        SortedKeys.sortUnique(&keys)
        return keys
    }

    /// Syncs Redland and releases the store.
    func close() throws(StoreError) {
        try mirror?.sync()
        mirror = nil
        if lockDescriptor >= 0 { FileSystem.unlock(lockDescriptor) }
        lockDescriptor = -1
    }

    // MARK: Checkpoints

    /// Makes Redland hold every write up to `sequence`: the net additions since the last checkpoint (SPOG keys of the
    /// dictionary's terms) go in, in Redland's key order, in one pass with one sync, then the new checkpoint is recorded.
    /// (Checkpoints that remove quads rebuild instead.) A mark on disk while this runs makes a crash midway rebuild
    /// Redland on the next open.
    func checkpoint(adding additions: [UInt128], through sequence: UInt64) throws(StoreError) {
        guard case .directory(let path) = options.location else { return }
        guard let mirror else { throw StoreError(.closed, "the store is closed") }
        let mark = CheckpointRecord.runningMark(path)
        try FileSystem.replaceFile(mark, with: Array("\(sequence)\n".utf8))
        for quad in quads(RedlandKeyOrder.sorted(additions, dictionary: dictionary)) { try mirror.add(quad) }
        try mirror.sync()
        try CheckpointRecord.write(sequence, storeDirectory: path)
        try FileSystem.remove(mark)
    }

    /// Replaces Redland with a storage built from `snapshot`, swapped in by rename, and records it as the checkpoint
    /// at `snapshot.version` in the same step.
    func rebuild(from snapshot: Snapshot) throws(StoreError) {
        try buildReplacement(spog: snapshot.quads(matching: EncodedQuadPattern()).map(QuadOrder.spog.key))
        try swapInReplacement(sequence: snapshot.version)
    }

    /// A bulk write's first half, on this thread while the committer sorts its indexes: a new storage holding the quads
    /// of `spog` (sorted SPOG keys of the dictionary's terms), beside the live one, written in Redland's own key order.
    /// `swapInReplacement` puts it in place; `discardReplacement` drops it.
    func buildReplacement(spog keys: [UInt128]) throws(StoreError) {
        guard case .directory(let path) = options.location else { return }
        try RedlandLayout(storeDirectory: path).build(from: quads(RedlandKeyOrder.sorted(keys, dictionary: dictionary)))
    }

    /// The quads of SPOG keys, made as Redland takes them.
    private func quads(_ keys: [UInt128]) -> LazyMapSequence<[UInt128], Quad> {
        let dictionary = dictionary
        return keys.lazy.map { key in
            let quad = QuadOrder.spog.quad(key)
            let graph = quad.graph == .defaultGraph ? GraphName.defaultGraph : GraphName(dictionary.term(for: quad.graph)) ?? .defaultGraph
            return Quad(dictionary.term(for: quad.subject), dictionary.term(for: quad.predicate), dictionary.term(for: quad.object), graph: graph)
        }
    }

    /// Swaps the storage a build wrote in for the live one, and records it as the checkpoint at `sequence` in the same
    /// step. The running mark makes a backup wait meanwhile (and an open after a crash here rebuild Redland).
    func swapInReplacement(sequence: UInt64) throws(StoreError) {
        guard case .directory(let path) = options.location else { return }
        guard let current = mirror else { throw StoreError(.closed, "the store is closed") }
        let mark = CheckpointRecord.runningMark(path)
        try FileSystem.replaceFile(mark, with: Array("\(sequence)\n".utf8))
        mirror = nil
        mirror = try RedlandLayout(storeDirectory: path).swapIn(sequence: sequence, storeDirectory: path, replacing: current)
        try FileSystem.remove(mark)
    }

    func discardReplacement() {
        guard case .directory(let path) = options.location else { return }
        RedlandLayout(storeDirectory: path).discardBuilt()
    }

    // MARK: Parsing

    /// The quads of an RDF file or byte buffer, parsed by raptor; nothing is written.
    /// - Throws: `StoreError(.invalidData)` with the file, line and column of the first error.
    func parse(_ source: LoadSource, format: RDFFormat?, baseIRI: String?) throws(StoreError) -> [Quad] {
        let world = try world()
        var quads = [Quad]()
        do {
            switch source {
            case .file(let path):
                try RDFReader.parse(file: path, format: format, baseIRI: baseIRI, world: world) { quads.append($0) }
            case .bytes(let bytes, let name):
                guard let format else { throw StoreError(.invalidData, "no RDF format given for \(name)") }
                try RDFReader.parse(bytes, format: format, baseIRI: baseIRI ?? "urn:x-lodestar:upload", world: world, fileName: name) {
                    quads.append($0)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.invalidData, "\(error)", cause: error)
        }
        return quads
    }

    private func encode(_ quad: Quad) throws(StoreError) -> UInt128 { try dictionary.key(of: quad) }
}

/// Where a bulk load reads from.
enum LoadSource: Sendable {
    case file(String)
    case bytes([UInt8], name: String)
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

extension StoreWriter {
    /// The Redland world, for raptor work that must run on this actor.
    func world() throws(StoreError) -> RedlandWorld {
        guard let mirror else { throw StoreError(.closed, "the store is closed") }
        return mirror.world
    }
}

/// The durable record of which log records Redland holds: `STORE/checkpoint`, one decimal sequence number, replaced
/// atomically.
enum CheckpointRecord {
    static func path(_ storeDirectory: String) -> String { storeDirectory + "/checkpoint" }
    static func runningMark(_ storeDirectory: String) -> String { storeDirectory + "/checkpoint.running" }

    static func read(storeDirectory: String) throws(StoreError) -> UInt64 {
        let path = path(storeDirectory)
        guard FileSystem.exists(path) else { return 0 }
        let text = String(decoding: try FileSystem.read(path).filter { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        guard let sequence = UInt64(text) else { throw StoreError(.io, "\(path) does not hold a sequence number: \(text.prefix(40))") }
        return sequence
    }

    static func write(_ sequence: UInt64, storeDirectory: String) throws(StoreError) {
        try FileSystem.replaceFile(path(storeDirectory), with: Array("\(sequence)\n".utf8))
    }
}
