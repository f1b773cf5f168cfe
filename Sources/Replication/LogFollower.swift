import Foundation
public import Store
import Synchronization

/// A replica's side (`lodestar serve --replica-of URL`): applies the change log's records after the store's version,
/// in order, through the store's one writer, at the primary's sequence numbers. It waits on `LISTEN` for new records
/// and polls every second as well (a notification lost while reconnecting costs at most that second).
public final class LogFollower: Sendable {
    private let url: String
    private let store: QuadStore
    private let status = Mutex<ReplicaProgress>(ReplicaProgress())
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// How far the replica is, for `/health` and `/metrics`.
    public struct ReplicaProgress: Sendable {
        /// The log's head when last read.
        public var head: UInt64 = 0
        /// The primary's public URL, from the log's head row.
        public var primaryURL: String?
        /// Seconds between the primary inserting a record and this replica publishing it, for the last record applied.
        public var lastDelay: Double = 0
        /// The same for the last (up to) 10 000 records, in arrival order.
        public var delays: [Double] = []
        /// What stops the replica from following, if anything (PostgreSQL down, a trimmed log).
        public var problem: String?
    }

    /// Sequences the log no longer holds: a replica this far behind must start again from a dump or backup.
    public struct Trimmed: Error, CustomStringConvertible {
        public var version: UInt64
        public var first: UInt64
        public var description: String {
            "the change log starts at record \(first), but this replica is at version \(version): it must be bootstrapped again "
                + "(restart it with --bootstrap)"
        }
    }

    public init(url: String, store: QuadStore) {
        self.url = url
        self.store = store
    }

    public var progress: ReplicaProgress { status.withLock { $0 } }

    /// The primary's URL and whether the store's version is past the log's start (`Trimmed` if it is not), read once
    /// before the replica serves.
    /// - Throws: `Trimmed`, `PostgresError`.
    public func check() throws {
        let connection = try PostgresConnection(url)
        try ChangeLog.createSchema(connection)
        try checkPosition(connection)
    }

    private func checkPosition(_ connection: PostgresConnection) throws {
        let head = try ChangeLog.head(connection)
        status.withLock {
            $0.head = head?.sequence ?? 0
            $0.primaryURL = head?.primaryURL
        }
        let version = store.snapshot().version
        if let first = try ChangeLog.firstSequence(connection), first > version + 1, (head?.sequence ?? 0) > version {
            throw Trimmed(version: version, first: first)
        }
    }

    /// Starts following in the background until `stop`.
    public func start() {
        let task = Task.detached { [self] in await self.follow() }
        self.task.withLock { $0 = task }
    }

    public func stop() async {
        let task = self.task.withLock { $0 }
        task?.cancel()
        await task?.value
    }

    private func follow() async {
        while !Task.isCancelled {
            do {
                let connection = try PostgresConnection(url)
                try connection.execute("LISTEN \(ChangeLog.channel)")
                try checkPosition(connection)
                status.withLock { $0.problem = nil }
                while !Task.isCancelled {
                    if try await applyAvailable(connection) == 0 {
                        _ = try connection.waitForNotification(timeout: .seconds(1))
                        try checkPosition(connection)
                    }
                }
            } catch {
                status.withLock { $0.problem = "\(error)" }
                if error is Trimmed { return }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    /// Applies the records the log holds past the store's version, a batch at a time. Returns how many it applied.
    private func applyAvailable(_ connection: PostgresConnection) async throws -> Int {
        let version = store.snapshot().version
        let records = try ChangeLog.records(after: version, limit: 500, connection)
        if let first = records.first, first.sequence != version + 1 { throw Trimmed(version: version, first: first.sequence) }
        for record in records {
            try await store.applyReplicated(record.changes, sequence: record.sequence)
            let delay = max(0, Date().timeIntervalSince1970 - record.created)
            status.withLock {
                $0.head = max($0.head, record.sequence)
                $0.lastDelay = delay
                $0.delays.append(delay)
                if $0.delays.count > 10_000 { $0.delays.removeFirst($0.delays.count - 10_000) }
            }
        }
        return records.count
    }
}
