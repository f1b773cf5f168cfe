import RDF

extension GroupCommitter {
    /// Opens the store: Redland's content at its checkpoint, then every logged write after it, replayed in order. Replay
    /// is idempotent (records hold set changes), so a crash at any moment — mid-commit, mid-checkpoint — reopens to the
    /// last acknowledged write. After a checkpoint cut short, Redland is rebuilt from the replayed state.
    static func open(
        options: StoreOptions, dictionary: TermDictionary, storage: StoreWriter, published: PublishedSnapshot, observers: ObserverList
    ) async throws -> GroupCommitter {
        let opened = try await storage.open()
        var log: WriteAheadLog?
        var records = [LogRecord]()
        if case .directory(let path) = options.location {
            (log, records) = try WriteAheadLog.open(directory: path + "/wal", after: opened.checkpoint, options: options)
        }
        var content = opened.keys
        var changes = [LoggedChange]()
        if !records.isEmpty {
            var keys = Set(content)
            for record in records {
                var removed = [UInt128](), added = [UInt128]()
                for quad in record.deletions {
                    let key = try dictionary.key(of: quad)
                    if keys.remove(key) != nil { removed.append(key) }
                }
                for quad in record.insertions {
                    let key = try dictionary.key(of: quad)
                    if keys.insert(key).inserted { added.append(key) }
                }
                changes.append(LoggedChange(sequence: record.sequence, added: added.sorted(), removed: removed.sorted(), bytes: 100 * (record.insertions.count + record.deletions.count)))
            }
            content = keys.sorted()
        }
        let version = records.last?.sequence ?? opened.checkpoint
        let snapshot = Snapshot(base: QuadIndexes(spog: content), delta: Delta(), dictionary: dictionary, termCount: dictionary.count, version: version)
        if opened.interrupted {
            try await storage.rebuild(from: snapshot)
            changes = []
            try log?.startSegment(first: version + 1)
            try log?.removeSegments(upTo: version)
        }
        published.publish(snapshot)
        let committer = GroupCommitter(
            options: options, dictionary: dictionary, log: log, storage: storage, published: published, observers: observers,
            current: snapshot, uncheckpointed: changes)
        if log != nil { await committer.startTimer() }
        return committer
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
