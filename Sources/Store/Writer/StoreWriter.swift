import RDF
import Redland

/// The only writer: owns the Redland mirror and the journal, runs on the Redland thread, and publishes a new
/// snapshot after each durable write. Writes are serialised by the actor; readers never wait for it.
actor StoreWriter {
    private let thread: RedlandThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    private let options: StoreOptions
    private let dictionary: TermDictionary
    private let publish: @Sendable (Snapshot) -> Void
    fileprivate var mirror: RedlandMirror?
    private var journal: Journal?
    private var lockDescriptor: Int32 = -1
    private var current: Snapshot

    init(options: StoreOptions, dictionary: TermDictionary, thread: RedlandThread, publish: @escaping @Sendable (Snapshot) -> Void) {
        self.options = options
        self.dictionary = dictionary
        self.thread = thread
        self.publish = publish
        current = Snapshot(base: .empty, delta: Delta(), dictionary: dictionary, termCount: dictionary.count, version: 0)
    }

    // MARK: Opening

    /// Opens the Redland storage, builds the indexes from it, and recovers a write interrupted by a crash.
    func open() throws(StoreError) -> Snapshot {
        var keys = [UInt128]()
        switch options.location {
        case .memory:
            let mirror = try RedlandMirror(directory: nil)
            self.mirror = mirror
            try mirror.forEachQuad { quad in keys.append(try encode(quad)) }
            SortedKeys.sortUnique(&keys)
        case .directory(let path):
            try FileSystem.createDirectory(path)
            lockDescriptor = try FileSystem.lockExclusively(path + "/lock")
            let journal = try Journal(path: path + "/journal")
            self.journal = journal
            let layout = RedlandLayout(storeDirectory: path)
            try layout.finishInterruptedSwap()
            var mirror = try RedlandMirror(directory: layout.live)
            try mirror.forEachQuad { quad in keys.append(try encode(quad)) }
            SortedKeys.sortUnique(&keys)
            if let record = try journal.pendingRecord() {
                keys = try recover(keys, applying: record)
                mirror = try layout.rebuild(from: keys.lazy.map(decode), replacing: mirror)
                try journal.clear()
            }
            self.mirror = mirror
        }
        current = Snapshot(base: QuadIndexes(spog: keys), delta: Delta(), dictionary: dictionary, termCount: dictionary.count, version: 1)
        publish(current)
        return current
    }

    /// The store's content after re-applying a write that was journalled (acknowledged) but maybe only partly in
    /// Redland when the process died.
    private func recover(_ keys: [UInt128], applying record: (insertions: [Quad], deletions: [Quad])) throws(StoreError) -> [UInt128] {
        var removals = [UInt128]()
        for quad in record.deletions { removals.append(try encode(quad)) }
        var additions = [UInt128]()
        for quad in record.insertions { additions.append(try encode(quad)) }
        var content = Set(keys)
        content.subtract(removals)
        content.formUnion(additions)
        var result = Array(content)
        result.sort()
        return result
    }

    /// Syncs Redland and releases the store.
    func close() throws(StoreError) {
        try mirror?.sync()
        mirror = nil
        journal = nil
        if lockDescriptor >= 0 { FileSystem.unlock(lockDescriptor) }
        lockDescriptor = -1
    }

    // MARK: Writes

    func apply(_ changes: ChangeSet) throws(StoreError) -> WriteReport {
        try commit(changes)
    }

    /// Runs `body` against the latest snapshot and commits what it returns, with no other write in between.
    func transact(_ body: @Sendable (Snapshot, DocumentLoader) throws -> ChangeSet) throws -> WriteReport {
        try commit(try body(current, DocumentLoader(world: try world())))
    }

    /// Replaces the whole content of `graph` in one write.
    func replace(graph: GraphName, with quads: [Quad]) throws(StoreError) -> WriteReport {
        try commit(ChangeSet(deletions: current.quads(in: graph), insertions: quads))
    }

    /// Parses RDF with raptor and adds it in one write: all of it, or — on any error — none of it.
    /// - Parameter graph: where the document's default-graph triples go; named graphs of N-Quads/TriG stay as they are.
    func load(_ source: LoadSource, format: RDFFormat?, baseIRI: String?, into graph: GraphName) throws(StoreError) -> LoadReport {
        let clock = ContinuousClock()
        let start = clock.now
        guard let mirror else { throw StoreError(.closed, "the store is closed") }
        var parsed = 0
        var keys = [UInt128]()
        try journal?.begin()
        do {
            func accept(_ quad: Quad) throws {
                var quad = quad
                if quad.graph == .defaultGraph { quad.graph = graph }
                quad = try quad.storable()
                parsed += 1
                let key = try encode(quad)
                if !current.contains(spog: key) {
                    keys.append(key)
                    try journal?.appendInsertion(quad)
                }
            }
            switch source {
            case .file(let path):
                try RDFReader.parse(file: path, format: format, baseIRI: baseIRI, world: mirror.world) { try accept($0) }
            case .bytes(let bytes, let name):
                guard let format else { throw StoreError(.invalidData, "no RDF format given for \(name)") }
                try RDFReader.parse(bytes, format: format, baseIRI: baseIRI ?? "urn:x-lodestar:upload", world: mirror.world, fileName: name) {
                    try accept($0)
                }
            }
        } catch {
            try? journal?.clear()
            if let error = error as? StoreError { throw error }
            throw StoreError(.invalidData, "\(error)", cause: error)
        }
        SortedKeys.sortUnique(&keys)
        try journal?.commit()
        try advance(additions: keys, removals: [])
        return LoadReport(parsed: parsed, inserted: keys.count, seconds: (clock.now - start).seconds)
    }

    // MARK: The commit path

    private func commit(_ changes: ChangeSet) throws(StoreError) -> WriteReport {
        let deletions = try changes.deletions.map { quad throws(StoreError) in try quad.storable() }
        let insertions = try changes.insertions.map { quad throws(StoreError) in try quad.storable() }
        var removals = Set<UInt128>()
        for quad in deletions {
            if let key = existingKey(quad), current.contains(spog: key) { removals.insert(key) }
        }
        var additions = Set<UInt128>()
        for quad in insertions {
            let key = try encode(quad)
            if removals.remove(key) != nil { continue }  // deleted then inserted: stays as it was
            if !current.contains(spog: key) { additions.insert(key) }
        }
        let added = additions.sorted(), removed = removals.sorted()
        if let journal, !(added.isEmpty && removed.isEmpty) {
            try journal.begin()
            for key in added { try journal.appendInsertion(decode(key)) }
            for key in removed { try journal.appendDeletion(decode(key)) }
            try journal.commit()
        }
        try advance(additions: added, removals: removed)
        return WriteReport(inserted: added.count, deleted: removed.count)
    }

    /// Makes journalled changes Redland's, then publishes the snapshot that follows `current` by them.
    private func advance(additions: [UInt128], removals: [UInt128]) throws(StoreError) {
        guard !(additions.isEmpty && removals.isEmpty) else { return }
        let next = nextSnapshot(additions: additions, removals: removals)
        try writeToRedland(additions: additions, removals: removals, next: next)
        current = next
        publish(next)
    }

    /// Applies changes to Redland and syncs, then empties the journal. Small writes go into the live files. Large ones
    /// never do, so a crash cannot tear them: the change goes into a copy of the files, or — when rewriting the store
    /// costs less — into a storage built afresh from `next`, which is then swapped in (see `RedlandLayout`).
    private func writeToRedland(additions: [UInt128], removals: [UInt128], next: Snapshot) throws(StoreError) {
        guard let mirror else { throw StoreError(.closed, "the store is closed") }
        switch plan(additions: additions, removals: removals) {
        case .inPlace:
            for key in removals { try mirror.remove(decode(key)) }
            for key in additions { try mirror.add(decode(key)) }
            try mirror.sync()
        case .copy(let path):
            self.mirror = nil
            self.mirror = try RedlandLayout(storeDirectory: path).applyToCopy(
                removing: removals.map(decode), adding: additions.map(decode), replacing: mirror)
        case .rebuild(let path):
            self.mirror = nil
            let everything = next.quads(matching: EncodedQuadPattern()).lazy.map { next.quad(for: $0) }
            self.mirror = try RedlandLayout(storeDirectory: path).rebuild(from: everything, replacing: mirror)
        }
        try journal?.clear()
    }

    /// How a change reaches Redland's files.
    private enum RedlandWritePlan {
        case inPlace
        case copy(storeDirectory: String)
        case rebuild(storeDirectory: String)
    }

    /// Rebuilding writes every quad once. librdf removes a statement from its graph by walking that graph's entries in
    /// the contexts index one by one (Berkeley DB's unsorted duplicates), so a removal costs about the graph's size in
    /// entries visited — each ~1/500 of the cost of writing a quad (measured: 100 000 removals from a 1M-quad default
    /// graph ran for over 40 minutes; rebuilding 1M quads takes ~20 s). Whichever costs less is done.
    private func plan(additions: [UInt128], removals: [UInt128]) -> RedlandWritePlan {
        guard case .directory(let path) = options.location else { return .inPlace }
        let rebuildCost = current.count + additions.count - removals.count
        let removalCost = removalScanLength(removals) / Self.entriesVisitedPerQuadWritten
        let changed = additions.count + removals.count
        if removalCost > 0 && removalCost + additions.count > rebuildCost { return .rebuild(storeDirectory: path) }
        guard changed > options.inPlaceWriteLimit else { return .inPlace }
        return changed * 4 < current.count ? .copy(storeDirectory: path) : .rebuild(storeDirectory: path)
    }

    /// How many index entries visited cost as much as writing one quad.
    private static let entriesVisitedPerQuadWritten = 500

    /// The entries librdf visits to remove `removals`: for each, the size of its graph.
    private func removalScanLength(_ removals: [UInt128]) -> Int {
        var removalsPerGraph = [TermID: Int]()
        for key in removals { removalsPerGraph[QuadOrder.spog.quad(key).graph, default: 0] += 1 }
        return removalsPerGraph.reduce(0) { total, entry in
            total + entry.value * current.count(matching: EncodedQuadPattern(graph: entry.key))
        }
    }

    /// The snapshot that follows `current` by these sorted, net changes: a small delta copy, or new base indexes.
    private func nextSnapshot(additions: [UInt128], removals: [UInt128]) -> Snapshot {
        var base = current.base
        var delta = current.delta
        if delta.isEmpty && removals.isEmpty && additions.count > options.deltaLimit {
            base = base.merged(adding: additions, removing: [])
        } else {
            delta = delta.applying(additions: Set(additions), removals: Set(removals), base: base)
            if delta.size > options.deltaLimit {
                base = base.merged(adding: delta.added[0], removing: delta.removed)
                delta = Delta()
            }
        }
        return Snapshot(base: base, delta: delta, dictionary: dictionary, termCount: dictionary.count, version: current.version + 1)
    }

    // MARK: Encoding

    private func encode(_ quad: Quad) throws(StoreError) -> UInt128 {
        let graph = try quad.graph.term.map { term throws(StoreError) in try dictionary.intern(term) } ?? .defaultGraph
        return QuadOrder.spog.key(
            EncodedQuad(
                subject: try dictionary.intern(quad.subject), predicate: try dictionary.intern(quad.predicate),
                object: try dictionary.intern(quad.object), graph: graph))
    }

    /// The key of `quad` if all its terms are known; `nil` means the quad cannot be in the store.
    private func existingKey(_ quad: Quad) -> UInt128? {
        let limit = dictionary.count
        guard let s = dictionary.id(of: quad.subject, below: limit), let p = dictionary.id(of: quad.predicate, below: limit),
            let o = dictionary.id(of: quad.object, below: limit)
        else { return nil }
        var g = TermID.defaultGraph
        if let name = quad.graph.term {
            guard let id = dictionary.id(of: name, below: limit) else { return nil }
            g = id
        }
        return QuadOrder.spog.key(EncodedQuad(subject: s, predicate: p, object: o, graph: g))
    }

    private func decode(_ key: UInt128) -> Quad { current.quad(for: QuadOrder.spog.quad(key)) }
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
