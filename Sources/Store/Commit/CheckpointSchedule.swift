import RDF

/// One logged write, kept in memory until a checkpoint puts it into Redland.
struct LoggedChange: Sendable {
    var sequence: UInt64
    /// Sorted SPOG keys, net against the state before this write.
    var added: [UInt128]
    var removed: [UInt128]
    /// The record's size in the log.
    var bytes: Int
}

/// The writes logged since the last checkpoint, and when the next one is due: when they pass
/// `StoreOptions.checkpointBytes` of log, when `checkpointInterval` has passed since the last one, and on close.
struct CheckpointSchedule {
    private(set) var changes: [LoggedChange]
    private(set) var bytes: Int
    private var last = ContinuousClock.now
    var running: Task<Void, Never>?
    /// The last checkpoint's error, if it failed; the log still holds every write.
    var failure: StoreError?

    init(changes: [LoggedChange]) {
        self.changes = changes
        bytes = changes.reduce(0) { $0 + $1.bytes }
    }

    mutating func record(_ change: LoggedChange) {
        changes.append(change)
        bytes += change.bytes
    }

    func isDue(options: StoreOptions) -> Bool {
        guard !changes.isEmpty, failure == nil else { return false }
        return bytes >= options.checkpointBytes || ContinuousClock.now - last >= options.checkpointInterval
    }

    /// Forgets the first `count` changes, which Redland now holds.
    mutating func completed(count: Int) {
        bytes -= changes.prefix(count).reduce(0) { $0 + $1.bytes }
        changes.removeFirst(count)
        last = ContinuousClock.now
    }

    /// What Redland must lose and gain to go from the state before `changes` to the state after them, as SPOG keys: each
    /// quad compared between its first and its last appearance.
    static func netKeys(_ changes: [LoggedChange]) -> (removals: [UInt128], additions: [UInt128]) {
        var states = [UInt128: (before: Bool, after: Bool)]()
        for change in changes {
            for key in change.removed { states[key] = (states[key]?.before ?? true, false) }
            for key in change.added { states[key] = (states[key]?.before ?? false, true) }
        }
        var removals = [UInt128](), additions = [UInt128]()
        for (key, state) in states where state.before != state.after {
            if state.after { additions.append(key) } else { removals.append(key) }
        }
        return (removals, additions)
    }
}
