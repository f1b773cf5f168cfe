/// Bulk writes (issue 10): loads and whole-graph replacements skip the per-quad log. Their change goes into a new
/// Redland storage holding everything the write leaves, synced and swapped in by rename with its sequence number (so the
/// swap and the checkpoint are one atomic step), then one empty log record names the new version. A crash before the
/// swap leaves the old store; after it, the whole write. Replicas and observers still see the net added and removed quads.
///
/// Redland is written on its own thread, from the SPOG order, while this one sorts the other orders into new base
/// indexes and the index file is written under its temporary name; that file is renamed into place only once Redland
/// holds its version, so an index file never names a version Redland may not reach.
extension GroupCommitter {
    func commitBulk(_ write: PendingWrite) async {
        if let failure { return write.continuation.resume(throwing: failure) }
        await waitForCheckpoint()  // the swap replaces the storage a checkpoint writes into
        await waitForFold()  // the write replaces the base indexes, as a fold would
        if foldedBase != nil { publish(current) }
        let state = current
        let added: [UInt128], removed: [UInt128]
        do {
            (added, removed) = try netChanges(try write.body(state), in: state)
        } catch {
            return write.continuation.resume(throwing: error)
        }
        guard !(added.isEmpty && removed.isEmpty) else {
            return write.continuation.resume(returning: WriteReport(inserted: 0, deleted: 0, version: state.version))
        }
        let storage = storage
        let building: Task<Void, any Error>? = log == nil ? nil : {
            let keys = Self.contentKeys(of: state, adding: added, removing: removed)
            return Task.detached { try await storage.buildReplacement(spog: keys) }
        }()
        let next = bulkSnapshot(after: state, additions: added, removals: removed)
        let commit = CommittedWrite(version: next.version, snapshot: next, added: added.map(next.quad(spog:)), removed: removed.map(state.quad(spog:)))
        if let shipper = shipperSlot.current {
            do {
                try await shipper.ship([commit], after: state.version)
            } catch {
                await Self.discard(building, in: storage)
                return write.continuation.resume(throwing: error)
            }
        }
        if let log, let building {
            let indexWritten = await Self.writeIndexTemporary(of: next, options: options)
            do {
                try await building.value
                try await storage.swapInReplacement(sequence: next.version)
                try await Self.appendMarker(version: next.version, to: log)
            } catch {
                // Redland may or may not hold the write now; the next open says which, from the swap's own record.
                let failure = StoreError(.io, "writes are off until the store is reopened: a bulk write failed", cause: error)
                self.failure = failure
                return write.continuation.resume(throwing: failure)
            }
            checkpoints.completed(count: checkpoints.changes.count)  // the new storage holds every logged write too
            checkpoints.failure = nil
            if indexWritten { Self.installIndex(options: options) }  // else the next open reads all of Redland
        }
        publish(next)
        observers.notify(commit)
        write.continuation.resume(returning: WriteReport(inserted: commit.added.count, deleted: commit.removed.count, version: next.version))
    }

    /// Sorted SPOG keys of every quad in `state` with the sorted, net change applied: what Redland holds after the write.
    static func contentKeys(of state: Snapshot, adding added: [UInt128], removing removed: [UInt128]) -> [UInt128] {
        var keys = Array(state.base[.spog])
        for layer in [state.delta.major, state.delta.minor] where !layer.isEmpty {
            keys = SortedKeys.merge(keys, adding: layer.added[QuadOrder.spog.rawValue], removing: layer.removed)
        }
        return SortedKeys.merge(keys, adding: added, removing: removed)
    }

    /// The snapshot after a bulk write: new base indexes holding everything and no delta, so no fold follows and the
    /// index file is the base as it stands.
    func bulkSnapshot(after state: Snapshot, additions: [UInt128], removals: [UInt128]) -> Snapshot {
        let change = state.delta.major.applying(state.delta.minor).applying(DeltaLayer(additions: additions, removals: removals))
        return Snapshot(
            base: state.base.merged(with: change), delta: Delta(), dictionary: dictionary, termCount: dictionary.count, version: state.version + 1)
    }

    /// Waits for a Redland build that will not be swapped in, then removes it.
    private static func discard(_ building: Task<Void, any Error>?, in storage: StoreWriter) async {
        guard let building else { return }
        _ = try? await building.value
        await storage.discardReplacement()
    }

    /// The bulk write's index file under its temporary name, off the committer's thread (seconds at 1M quads). A failure
    /// costs only speed (the next open reads Redland), so it is reported, not thrown.
    /// - Returns: whether the file is whole and synced.
    @concurrent private static func writeIndexTemporary(of snapshot: Snapshot, options: StoreOptions) async -> Bool {
        guard case .directory(let path) = options.location else { return false }
        do {
            try IndexFile.writeTemporary(
                snapshot.base, dictionary: snapshot.dictionary, termCount: snapshot.termCount, sequence: snapshot.version, storeDirectory: path)
            return true
        } catch {
            print("lodestar: cannot write the index file (the next open reads Redland instead): \(error)")
            return false
        }
    }

    private static func installIndex(options: StoreOptions) {
        guard case .directory(let path) = options.location else { return }
        do { try IndexFile.installTemporary(storeDirectory: path) } catch {
            print("lodestar: cannot install the index file (the next open reads Redland instead): \(error)")
        }
    }

    /// The log record naming a bulk write's version (it carries no quads: Redland holds them), then a fresh segment so
    /// that every older one, now covered by the checkpoint, goes.
    @concurrent private static func appendMarker(version: UInt64, to log: WriteAheadLog) async throws {
        var bytes = [UInt8]()
        LogRecord(sequence: version, insertions: [], deletions: []).encode(into: &bytes)
        try log.append(bytes)
        try log.startSegment(first: version + 1)
        try log.removeSegments(upTo: version)
    }
}
