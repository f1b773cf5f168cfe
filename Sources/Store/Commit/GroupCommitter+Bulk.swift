/// Bulk writes (issue 10): loads and whole-graph replacements skip the per-quad log. Their change goes into a new
/// Redland storage built from the next snapshot, synced and swapped in by rename with its sequence number (so the swap
/// and the checkpoint are one atomic step), then one empty log record names the new version. A crash before the swap
/// leaves the old store; after it, the whole write. Replicas and observers still see the net added and removed quads.
extension GroupCommitter {
    func commitBulk(_ write: PendingWrite) async {
        if let failure { return write.continuation.resume(throwing: failure) }
        await waitForCheckpoint()  // the swap replaces the storage a checkpoint writes into
        let state = current
        let next: Snapshot
        let commit: CommittedWrite
        do {
            let changes = try write.body(state)
            let (added, removed) = try netChanges(changes, in: state)
            guard !(added.isEmpty && removed.isEmpty) else {
                return write.continuation.resume(returning: WriteReport(inserted: 0, deleted: 0, version: state.version))
            }
            next = nextSnapshot(after: state, additions: added, removals: removed)
            commit = CommittedWrite(version: next.version, snapshot: next, added: added.map(next.quad(spog:)), removed: removed.map(state.quad(spog:)))
        } catch {
            return write.continuation.resume(throwing: error)
        }
        if let shipper = shipperSlot.current {
            do { try await shipper.ship([commit], after: state.version) } catch { return write.continuation.resume(throwing: error) }
        }
        if let log {
            do {
                try await storage.rebuild(from: next)
                try await Self.appendMarker(version: next.version, to: log)
            } catch {
                // Redland may or may not hold the write now; the next open says which, from the swap's own record.
                let failure = StoreError(.io, "writes are off until the store is reopened: a bulk write failed", cause: error)
                self.failure = failure
                return write.continuation.resume(throwing: failure)
            }
            checkpoints.completed(count: checkpoints.changes.count)  // the new storage holds every logged write too
            checkpoints.failure = nil
            await Self.writeIndex(of: next, options: options)  // else the next open reads all of Redland
        }
        publish(next)
        startFoldIfDue()
        observers.notify(commit)
        write.continuation.resume(returning: WriteReport(inserted: commit.added.count, deleted: commit.removed.count, version: next.version))
    }

    /// The index file of the checkpoint a bulk write made, off the committer's thread (seconds at 1M quads).
    @concurrent private static func writeIndex(of snapshot: Snapshot, options: StoreOptions) async {
        writeIndexFile(snapshot, options: options)
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
