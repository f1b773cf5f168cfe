import Redland

/// The pipelined group commit (issue 10; RocksDB's pipelined write, PostgreSQL's group commit): while one group is
/// written and synced off this thread, the bodies of the writes arriving meanwhile already run against the state it
/// leaves, and every group they form is written with the next single sync. A write is acknowledged only once its
/// group, and every group before it, is durable and published; a write that changed nothing waits for the state it
/// saw to be durable too, so its answer never rests on a write that a crash could still lose.
///
/// The log is touched by the running sync alone while there is one, and by this actor only while there is none
/// (segment starts, checkpoints, bulk writes): `syncing` says which.
extension GroupCommitter {
    /// Writes whose bodies have run, in order, with the log records of those that changed something.
    struct Group {
        var commits: [(write: PendingWrite, commit: CommittedWrite, logged: LoggedChange)] = []
        /// Writes that changed nothing, answered with the version they saw once it is durable.
        var unchanged: [(write: PendingWrite, report: WriteReport)] = []
        var bytes: [UInt8] = []
    }

    /// Whether nothing is queued, running or waiting for the log.
    var isIdle: Bool { !flushScheduled && flushTask == nil && syncing == nil && waiting.isEmpty }

    /// Queues `body` and returns once its write is durable and published (or has failed, changing nothing).
    func submit(_ mode: WriteMode = .logged, _ body: @escaping @Sendable (Snapshot) throws -> ChangeSet) async throws -> WriteReport {
        if closed { throw StoreError(.closed, "the store is closed") }
        if let failure { throw failure }
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(PendingWrite(mode: mode, body: body, continuation: continuation))
            scheduleFlush()
        }
    }

    /// Queues `flush` on the committer's thread, behind the jobs already there (other writers' submissions, which then
    /// join the same group): a closure entering the actor, not a `Task` per group.
    private func scheduleFlush() {
        guard !flushScheduled, flushTask == nil else { return }
        flushScheduled = true
        Self.thread.run { self.assumeIsolated { $0.flush() } }
    }

    /// Runs the bodies of every write queued, against `tail`, and hands their records to the log. A bulk write, or
    /// backpressure, needs the log to itself: the flush then goes on in `flushAfterWaiting`, and later writes queue.
    private func flush() {
        flushScheduled = false
        guard flushTask == nil else { return }  // it takes the queue once it is done waiting
        while !pending.isEmpty {
            if pending[0].mode == .bulk || needsBackpressure {
                flushTask = Task { await self.flushAfterWaiting() }
                return
            }
            let end = pending.firstIndex { $0.mode == .bulk } ?? pending.count
            let batch = Array(pending[..<end])
            pending.removeFirst(end)
            waiting.append(run(batch))
            startSyncIfIdle()
        }
    }

    /// Waits for backpressure, commits a bulk write that heads the queue, then flushes the rest.
    private func flushAfterWaiting() async {
        await applyBackpressure()
        if pending.first?.mode == .bulk {
            await drainLog()
            await commitBulk(pending.removeFirst())
        }
        flushTask = nil
        flush()
    }

    /// The bodies of `batch`, each against the state its predecessors left, and their log records.
    private func run(_ batch: [PendingWrite]) -> Group {
        var group = Group()
        for write in batch {
            if let failure {
                write.continuation.resume(throwing: failure)
                continue
            }
            do {
                let changes = try write.body(tail)
                let (added, removed) = try netChanges(changes, in: tail)
                guard !(added.isEmpty && removed.isEmpty) else {
                    group.unchanged.append((write, WriteReport(inserted: 0, deleted: 0, version: tail.version)))
                    continue
                }
                let next = nextSnapshot(after: tail, additions: added, removals: removed)
                let start = group.bytes.count
                // Terms are spelt from the dictionary as the index file holds them; no quad is decoded.
                LogRecord.encode(
                    sequence: next.version, insertions: added.lazy.map(QuadOrder.spog.quad), deletions: removed.lazy.map(QuadOrder.spog.quad),
                    into: &group.bytes
                ) { id, bytes in self.dictionary.appendEncoding(of: id, to: &bytes) }
                tail = next
                let commit = CommittedWrite(version: next.version, snapshot: next, addedKeys: added, removedKeys: removed)
                let logged = LoggedChange(sequence: next.version, added: added, removed: removed, bytes: group.bytes.count - start)
                group.commits.append((write, commit, logged))
            } catch {
                write.continuation.resume(throwing: error)
            }
        }
        return group
    }

    /// Hands every waiting group to the log in one write and one sync, unless a sync is running (its completion calls
    /// this again). Groups that changed nothing and wait behind nothing are answered here.
    private func startSyncIfIdle() {
        guard syncing == nil else { return }
        while let first = waiting.first, first.commits.isEmpty {
            waiting.removeFirst()
            for entry in first.unchanged { entry.write.continuation.resume(returning: entry.report) }
        }
        guard !waiting.isEmpty else { return }
        let groups = waiting
        waiting = []
        let previous = current.version
        let shipper = shipperSlot.current
        guard shipper != nil || (log != nil && options.sync == .commit) else {
            // Nothing to wait for: without a sync, the log's write is a copy into the page cache.
            let result: Result<Void, LogFailure>
            do {
                try log?.append(groups.count == 1 ? groups[0].bytes : groups.flatMap(\.bytes))
                result = .success(())
            } catch {
                result = .failure(.log(error))
            }
            return land(groups, result)
        }
        let log = log
        syncing = Task.detached {
            let result = await Self.write(groups, after: previous, shipper: shipper, to: log)
            await self.landAndContinue(groups, result)
        }
    }

    enum LogFailure: Error {
        case shipment(any Error)
        case log(any Error)
    }

    /// Ships `groups` to the replicated change log, then writes and syncs them in the local one, off the actor.
    private static func write(_ groups: [Group], after previous: UInt64, shipper: (any CommitShipper)?, to log: WriteAheadLog?) async
        -> Result<Void, LogFailure>
    {
        if let shipper {
            do { try await shipper.ship(groups.flatMap { $0.commits.map(\.commit) }, after: previous) } catch { return .failure(.shipment(error)) }
        }
        do {
            try log?.append(groups.count == 1 ? groups[0].bytes : groups.flatMap(\.bytes))
        } catch {
            return .failure(.log(error))
        }
        return .success(())
    }

    private func landAndContinue(_ groups: [Group], _ result: Result<Void, LogFailure>) {
        syncing = nil
        land(groups, result)
    }

    /// Publishes and acknowledges `groups` once their records are durable, then starts the next sync; or fails them and
    /// every group built on them.
    private func land(_ groups: [Group], _ result: Result<Void, LogFailure>) {
        switch result {
        case .success:
            guard let last = groups.last(where: { !$0.commits.isEmpty })?.commits.last else { break }
            if let log, log.activeSegmentIsFull {
                do {
                    try log.startSegment(first: last.commit.version + 1)
                } catch {
                    fail(groups, error: turnWritesOff(error))
                    break
                }
            }
            publish(last.commit.snapshot)
            startFoldIfDue()
            for group in groups {
                for entry in group.commits {
                    if log != nil { checkpoints.record(entry.logged) }
                    observers.notify(entry.commit)
                    let report = WriteReport(inserted: entry.logged.added.count, deleted: entry.logged.removed.count, version: entry.commit.version)
                    entry.write.continuation.resume(returning: report)
                }
                for entry in group.unchanged { entry.write.continuation.resume(returning: entry.report) }
            }
            // The log is idle until the next sync starts: the moment a checkpoint may start a segment.
            _ = try? startCheckpoint(force: false)
        case .failure(.shipment(let error)):
            fail(groups, error: error)  // nothing written anywhere
        case .failure(.log(let error)):
            fail(groups, error: turnWritesOff(error))
        }
        startSyncIfIdle()
    }

    /// Never retry a failed write or sync: the kernel may have dropped the unsynced pages (PostgreSQL's fsyncgate).
    private func turnWritesOff(_ error: any Error) -> StoreError {
        let failure = StoreError(.io, "writes are off until the store is reopened: the write-ahead log failed", cause: error)
        self.failure = failure
        return failure
    }

    /// Fails `groups` and the waiting groups, whose bodies ran against the state they would have left.
    private func fail(_ groups: [Group], error: any Error) {
        for group in groups + waiting {
            for entry in group.commits { entry.write.continuation.resume(throwing: error) }
            for entry in group.unchanged { entry.write.continuation.resume(throwing: error) }
        }
        waiting = []
        // A fold that landed meanwhile is on `current` already; the states it was to rebase are gone.
        if let folded = foldedBase, folded.through > current.version { foldedBase = nil }
        tail = current
    }

    /// Waits until every group taken is durable (or failed) and nothing is writing to the log.
    func drainLog() async {
        while let task = syncing { await task.value }
    }

    /// Waits until every queued write is answered.
    func drain() async {
        while !isIdle {
            if flushScheduled {
                flush()
            } else if let task = flushTask {
                await task.value
            } else if let task = syncing {
                await task.value
            } else {
                startSyncIfIdle()
            }
        }
    }
}
