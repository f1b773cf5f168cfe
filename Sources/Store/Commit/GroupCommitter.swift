import RDF
import Redland
import Synchronization

/// The one write path (DESIGN.md decision 4). Writers queue their transaction bodies; a flush takes every body waiting
/// and runs each against the state its predecessors left (each atomic on its own); their records go to the log in one
/// write with one sync, shared with every group formed while the previous sync ran (`GroupCommitter+Flush.swift`); then
/// the new snapshot is published, the observers told, and the writes acknowledged. Redland catches up in the background
/// (`CheckpointSchedule`).
actor GroupCommitter {
    /// Transaction bodies evaluate SPARQL Update WHERE clauses, which recurse as deep as the tallest tree the parser
    /// accepts: they run on a thread whose stack is SPARQL's `LargeStack.size` (issue 15), not on the cooperative pool.
    /// One thread for the process: it is never shut down, so a store opened and closed many times leaves no threads.
    static let thread = RedlandThread(name: "lodestar-commit", stackSize: 512 << 20)
    nonisolated var unownedExecutor: UnownedSerialExecutor { Self.thread.asUnownedSerialExecutor() }
    let options: StoreOptions
    let dictionary: TermDictionary
    let log: WriteAheadLog?
    let storage: StoreWriter
    let published: PublishedSnapshot
    let observers: ObserverList
    /// The replicated change log's shipper, if any (ReplicationHook.swift).
    let shipperSlot = ShipperSlot()
    /// The latest durable, published state.
    var current: Snapshot
    /// The state after every write taken so far, durable or not: the next write's body runs against it.
    var tail: Snapshot

    var pending: [PendingWrite] = []
    /// A flush is queued on the committer's thread (`GroupCommitter+Flush.swift`).
    var flushScheduled = false
    /// The flush, while it waits for a bulk write or for backpressure.
    var flushTask: Task<Void, Never>?
    /// Groups whose bodies have run, waiting for the log (`GroupCommitter+Flush.swift`).
    var waiting: [Group] = []
    /// The log write and sync of the groups taken from `waiting`, while it runs.
    var syncing: Task<Void, Never>?
    /// Set when the log could not be written or synced: writes stay off until the store is reopened.
    var failure: StoreError?
    private(set) var closed = false
    var checkpoints: CheckpointSchedule
    /// The background fold of the major delta layer into new base indexes, and its result while a flush is running
    /// (`GroupCommitter+Fold.swift`).
    var folding: Task<Void, Never>?
    var foldedBase: (base: QuadIndexes, folded: DeltaLayer, through: UInt64)?

    init(options: StoreOptions, dictionary: TermDictionary, log: WriteAheadLog?, storage: StoreWriter, published: PublishedSnapshot,
         observers: ObserverList, current: Snapshot, uncheckpointed: [LoggedChange]) {
        self.options = options
        self.dictionary = dictionary
        self.log = log
        self.storage = storage
        self.published = published
        self.observers = observers
        self.current = current
        tail = current
        checkpoints = CheckpointSchedule(changes: uncheckpointed)
    }

    /// A transaction body waiting for the next flush.
    struct PendingWrite {
        let mode: WriteMode
        let body: @Sendable (Snapshot) throws -> ChangeSet
        let continuation: CheckedContinuation<WriteReport, any Error>
    }

    /// Waits for queued writes, stops accepting new ones, and takes a last checkpoint.
    func close() async throws {
        closed = true
        await drain()
        await waitForFold()
        await waitForCheckpoint()
        if failure == nil { try await checkpoint(force: true) }
        log?.close()
    }

    /// The snapshot that follows `state` by these sorted, net changes: a copy of the small minor layer, folded into the
    /// major one when it passes `deltaLimit`. The major layer goes into new base indexes in the background
    /// (`startFoldIfDue`), never here.
    func nextSnapshot(after state: Snapshot, additions: [UInt128], removals: [UInt128]) -> Snapshot {
        var delta = state.delta
        delta.minor = delta.minor.applying(additions: additions, removals: removals)
        if delta.minor.size > options.deltaLimit {
            delta.major = delta.major.applying(delta.minor)
            delta.minor = DeltaLayer()
        }
        return Snapshot(base: state.base, delta: delta, dictionary: dictionary, termCount: dictionary.count, version: state.version + 1)
    }

    // MARK: Checkpoints

    /// Starts a checkpoint when one is due (or `force`d and anything is uncheckpointed); with `force`, waits for it.
    /// Call only while no group is being written to the log (`syncing` is nil): it starts a new segment.
    func checkpoint(force: Bool) async throws {
        guard let task = try startCheckpoint(force: force), force else { return }
        await task.value
        if let error = checkpoints.failure { throw error }
    }

    /// Starts a checkpoint as `checkpoint(force:)` does, without waiting for it.
    /// - Returns: the checkpoint started, if any.
    func startCheckpoint(force: Bool) throws -> Task<Void, Never>? {
        guard let log, failure == nil, checkpoints.running == nil else { return nil }
        guard checkpoints.isDue(options: options) || (force && !checkpoints.changes.isEmpty) else { return nil }
        let through = current.version
        try log.startSegment(first: through + 1)  // so the checkpoint covers whole segments
        let changes = checkpoints.changes
        let snapshot = current
        let storage = storage
        let options = options
        let task = Task.detached {  // off the actor: writers keep committing while Redland catches up
            let result: Result<Void, StoreError>
            do {
                let (removals, additions) = CheckpointSchedule.netKeys(changes)
                // librdf removes a quad by walking its graph's entries one by one (Berkeley DB's unsorted duplicates):
                // 100 000 removals from a 1M-quad graph run for most of an hour, a rebuild of 1M quads for ~20 s.
                if removals.isEmpty {
                    try await storage.checkpoint(adding: additions, through: through)
                } else {
                    try await storage.rebuild(from: snapshot)
                }
                Self.writeIndexFile(snapshot, options: options)
                result = .success(())
            } catch let error as StoreError {
                result = .failure(error)
            } catch {
                result = .failure(StoreError(.storage, "checkpoint failed", cause: error))
            }
            await self.finishCheckpoint(through: through, count: changes.count, result: result)
        }
        checkpoints.running = task
        return task
    }

    private func finishCheckpoint(through: UInt64, count: Int, result: Result<Void, StoreError>) {
        checkpoints.running = nil
        switch result {
        case .success:
            checkpoints.completed(count: count)
            do { try log?.removeSegments(upTo: through) } catch { Self.report(error) }
        case .failure(let error):
            checkpoints.failure = error
            Self.report(error)
        }
    }

    func waitForCheckpoint() async {
        while let task = checkpoints.running { await task.value }
    }

    /// Whether writers must wait: the log is past its bound because checkpoints fall behind.
    var needsBackpressure: Bool { log != nil && checkpoints.bytes > options.logLimitBytes && failure == nil }

    /// Writers wait while the log is past its bound because checkpoints fall behind.
    func applyBackpressure() async {
        while needsBackpressure {
            await drainLog()  // a checkpoint starts a segment: nothing may be writing to the log
            if let error = checkpoints.failure {
                failure = StoreError(.io, "the log is full and checkpoints fail", cause: error)
                return
            }
            if checkpoints.running == nil { try? await checkpoint(force: true) } else { await waitForCheckpoint() }
        }
    }

    /// Called by the schedule's timer.
    func tick() async -> Bool {
        guard !closed else { return false }
        if isIdle { try? await checkpoint(force: false) }
        return true
    }

    static func report(_ error: any Error) {
        print("lodestar: checkpoint into Redland failed (the log keeps every write): \(error)")
    }
}

/// The latest snapshot, shared by the store (readers) and its committer (the only publisher).
final class PublishedSnapshot: Sendable {
    let state: Mutex<Snapshot>
    init(_ snapshot: Snapshot) { state = Mutex(snapshot) }
    func publish(_ snapshot: Snapshot) { state.withLock { $0 = snapshot } }
}

/// The registered `CommitObserver`s.
final class ObserverList: Sendable {
    private let observers = Mutex<[any CommitObserver]>([])
    func add(_ observer: any CommitObserver) { observers.withLock { $0.append(observer) } }
    func notify(_ commit: CommittedWrite) {
        for observer in observers.withLock({ $0 }) { observer.storeDidCommit(commit) }
    }
}

extension Snapshot {
    func quad(spog key: UInt128) -> Quad { quad(for: QuadOrder.spog.quad(key)) }
}
