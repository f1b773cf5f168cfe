import RDF

extension GroupCommitter {
    /// Opens the store: Redland's content at its checkpoint — mapped from the index file when it is that checkpoint's,
    /// read out of Redland (and the index file written again) otherwise — then every logged write after it, replayed in
    /// order. Replay is idempotent (records hold set changes), so a crash at any moment — mid-commit, mid-checkpoint —
    /// reopens to the last acknowledged write. After a checkpoint cut short, Redland is rebuilt from the replayed state.
    static func open(
        options: StoreOptions, dictionary: TermDictionary, storage: StoreWriter, published: PublishedSnapshot, observers: ObserverList
    ) async throws -> (GroupCommitter, OpenReport) {
        let start = ContinuousClock.now
        let opened = try await storage.open()
        var log: WriteAheadLog?
        var records = [LogRecord]()
        if case .directory(let path) = options.location {
            (log, records) = try WriteAheadLog.open(directory: path + "/wal", after: opened.checkpoint, options: options)
        }
        let (base, indexes) = try await checkpointIndexes(options: options, dictionary: dictionary, storage: storage, checkpoint: opened.checkpoint)
        var snapshot = Snapshot(base: base, delta: Delta(), dictionary: dictionary, termCount: dictionary.count, version: opened.checkpoint)
        var changes = [LoggedChange]()
        if !records.isEmpty { (snapshot, changes) = try replay(records, onto: snapshot, options: options) }
        if opened.interrupted {
            try await storage.rebuild(from: snapshot)
            writeIndexFile(snapshot, options: options)
            changes = []
            try log?.startSegment(first: snapshot.version + 1)
            try log?.removeSegments(upTo: snapshot.version)
        }
        published.publish(snapshot)
        let committer = GroupCommitter(
            options: options, dictionary: dictionary, log: log, storage: storage, published: published, observers: observers,
            current: snapshot, uncheckpointed: changes)
        if log != nil { await committer.startTimer() }
        let report = OpenReport(indexes: indexes, replayedRecords: records.count, seconds: (ContinuousClock.now - start).seconds)
        return (committer, report)
    }

    /// The indexes and dictionary of Redland's content at `checkpoint`: the index file's, mapped, when it is that
    /// checkpoint's and whole; otherwise read out of Redland, written to a new index file, and that file mapped.
    private static func checkpointIndexes(options: StoreOptions, dictionary: TermDictionary, storage: StoreWriter, checkpoint: UInt64)
        async throws -> (QuadIndexes, OpenReport.Indexes)
    {
        guard case .directory(let path) = options.location else { return (.empty, .inMemory) }
        // A file a crash left half-written before its rename is never used: its content is in the log and Redland.
        if FileSystem.exists(IndexFile.temporaryPath(path)) { try FileSystem.remove(IndexFile.temporaryPath(path)) }
        let reason: String
        do {
            let loaded = try IndexFile.load(storeDirectory: path, sequence: checkpoint)
            try dictionary.attach(loaded.terms)
            return (loaded.indexes, .mapped)
        } catch {
            reason = error.message
        }
        let indexes = QuadIndexes(spog: try await storage.quadKeys())
        do {
            try IndexFile.write(indexes, dictionary: dictionary, termCount: dictionary.count, sequence: checkpoint, storeDirectory: path)
            let loaded = try IndexFile.load(storeDirectory: path, sequence: checkpoint)
            try dictionary.attach(loaded.terms)
            return (loaded.indexes, .rebuilt(reason: reason))
        } catch {
            // The store works without the file, from memory; the next checkpoint tries again.
            print("lodestar: cannot write the index file (the next open reads Redland again): \(error)")
            return (indexes, .rebuilt(reason: reason))
        }
    }

    /// `snapshot` with `records` applied in order, as one delta layer (or folded into new base indexes when large), and
    /// each record's net change for the next checkpoint.
    private static func replay(_ records: [LogRecord], onto snapshot: Snapshot, options: StoreOptions) throws -> (Snapshot, [LoggedChange]) {
        let dictionary = snapshot.dictionary
        // Changes relative to the checkpoint's indexes: quads they lack that are now present, and quads they hold that are gone.
        var added = Set<UInt128>(), removed = Set<UInt128>()
        func isPresent(_ key: UInt128) -> Bool { added.contains(key) || (!removed.contains(key) && snapshot.base.contains(spog: key)) }
        var changes = [LoggedChange]()
        for record in records {
            var recordRemoved = [UInt128](), recordAdded = [UInt128]()
            for quad in record.deletions {
                let key = try dictionary.key(of: quad)
                guard isPresent(key) else { continue }
                if added.remove(key) == nil { removed.insert(key) }
                recordRemoved.append(key)
            }
            for quad in record.insertions {
                let key = try dictionary.key(of: quad)
                guard !isPresent(key) else { continue }
                if removed.remove(key) == nil { added.insert(key) }
                recordAdded.append(key)
            }
            changes.append(LoggedChange(
                sequence: record.sequence, added: recordAdded.sorted(), removed: recordRemoved.sorted(),
                bytes: 100 * (record.insertions.count + record.deletions.count)))
        }
        var base = snapshot.base
        var delta = Delta()
        let layer = DeltaLayer(additions: added.sorted(), removals: removed.sorted())
        if layer.size > Delta.majorLimit(baseCount: base.count, deltaLimit: options.deltaLimit) {
            base = base.merged(with: layer)
        } else {
            delta.major = layer
        }
        let replayed = Snapshot(base: base, delta: delta, dictionary: dictionary, termCount: dictionary.count, version: records.last!.sequence)
        return (replayed, changes)
    }

    /// Writes the index file for `snapshot`, the state Redland now holds. A failure costs only speed: the next open reads
    /// Redland instead, so it is reported and not thrown.
    static func writeIndexFile(_ snapshot: Snapshot, options: StoreOptions) {
        do { try IndexFile.write(snapshot, options: options) } catch {
            print("lodestar: cannot write the index file (the next open reads Redland instead): \(error)")
        }
    }

    /// Checks now and then whether a checkpoint is due by time, until the store closes.
    func startTimer() {
        let interval = min(options.checkpointInterval, .seconds(5))
        Task { [weak self] in
            while true {
                try? await Task.sleep(for: interval)
                guard let self, await self.tick() else { return }
            }
        }
    }
}

/// How `QuadStore.open` got ready: where its indexes came from, how much log it replayed, and how long it took.
public struct OpenReport: Sendable, Hashable {
    /// Where the indexes of Redland's checkpoint came from.
    public enum Indexes: Sendable, Hashable {
        /// Mapped from the index file written at that checkpoint.
        case mapped
        /// Read out of Redland (the index file was absent, another checkpoint's, or damaged: `reason`), then written.
        case rebuilt(reason: String)
        /// An in-memory store has no files.
        case inMemory
    }

    public var indexes: Indexes
    /// Log records after the checkpoint, replayed on top of it.
    public var replayedRecords: Int
    public var seconds: Double
}
