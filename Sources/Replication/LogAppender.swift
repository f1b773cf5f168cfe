import Foundation
public import Store
import Synchronization

/// The primary's side (`lodestar serve --replicate-to URL`): every write is inserted into the change log, in the
/// PostgreSQL transaction that moves the head from the store's version to the write's, before the store writes it to
/// its own log and acknowledges it (`CommitShipper`).
///
/// Failure cases, none of which loses an acknowledged write or lets the primary and the log part silently:
/// - PostgreSQL unreachable: the write is refused (503) and nothing is written; the next write reconnects.
/// - The head is not at the store's version (another primary wrote): refused; this primary stays refused.
/// - The connection drops during COMMIT: the outcome is read back from the head after reconnecting; if it cannot
///   be, writes stay refused until a restart, which applies whatever the log holds past the store.
/// - Shipped but not written locally (local log failure, kill -9 between the two): on the next start the primary
///   applies the log's records past its version, as a replica would.
public final class LogAppender: CommitShipper {
    private let url: String
    private let primaryURL: String
    /// Tells this process's records apart in the log, to read back the outcome of a COMMIT whose answer was lost.
    private let writer = UUID().uuidString
    private let state = Mutex<State>(State())

    private struct State {
        var connection: PostgresConnection?
        /// Set when this primary may no longer write (fenced off, or an outcome it could not read back).
        var refusal: String?
    }

    private init(url: String, primaryURL: String) {
        self.url = url
        self.primaryURL = primaryURL
    }

    /// Connects, creates the log if it is missing, takes the primary's lock, brings the store up to the log's head,
    /// and ships every later write of `store`.
    /// - Parameter primaryURL: this server's public URL, which replicas name when they refuse a write.
    /// - Throws: `ReplicationError` if another primary holds the log, or the store is ahead of the log (it holds writes
    ///   the log never had); `PostgresError` if PostgreSQL cannot be reached.
    public static func start(url: String, store: QuadStore, primaryURL: String) async throws -> LogAppender {
        let appender = LogAppender(url: url, primaryURL: primaryURL)
        let connection = try appender.connectAsPrimary()
        let version = store.snapshot().version
        try connection.execute(
            "INSERT INTO lodestar_head (id, seq, writer, primary_url) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING",
            [String(version), appender.writer, primaryURL])
        guard let head = try ChangeLog.head(connection) else { throw ReplicationError("the change log has no head row") }
        if head.sequence < version {
            throw ReplicationError(
                "the store is at version \(version) but the change log at \(Self.redacted(url)) ends at \(head.sequence): the store holds "
                    + "writes the log never had; start from a replica's copy or an empty log")
        }
        if head.sequence > version { try await Self.catchUp(store, from: version, to: head.sequence, connection) }
        try connection.execute("UPDATE lodestar_head SET primary_url = $1 WHERE id = 1", [primaryURL])
        appender.state.withLock { $0.connection = connection }
        store.setShipper(appender)
        return appender
    }

    /// Applies the log's records after `version` up to `head` (writes this store shipped but never wrote itself).
    private static func catchUp(_ store: QuadStore, from version: UInt64, to head: UInt64, _ connection: PostgresConnection) async throws {
        var applied = version
        while applied < head {
            let records = try ChangeLog.records(after: applied, limit: 200, connection)
            guard let first = records.first, first.sequence == applied + 1 else {
                throw ReplicationError("the change log lacks record \(applied + 1), which this store needs to reach the head \(head)")
            }
            for record in records {
                try await store.applyReplicated(record.changes, sequence: record.sequence)
                applied = record.sequence
            }
        }
    }

    public func ship(_ writes: [CommittedWrite], after previous: UInt64) async throws {
        guard let last = writes.last?.version else { return }
        try state.withLock { state throws in
            if let refusal = state.refusal { throw ReplicationRefusal(refusal) }
            // A connection that broke since the last write (PostgreSQL restarted) gets one fresh attempt.
            for attempt in 0..<2 {
                let connection: PostgresConnection
                do {
                    connection = try state.connection ?? connectAsPrimary()
                    state.connection = connection
                } catch {
                    state.connection = nil
                    throw ReplicationRefusal("the write was not made: the change log is unreachable (\(error))")
                }
                do {
                    try connection.execute("BEGIN")
                    for write in writes {
                        try connection.execute(
                            "INSERT INTO lodestar_log (seq, prev, added, removed, writer) VALUES ($1, $2, $3, $4, $5)",
                            [
                                String(write.version), String(write.version - 1), ChangeLog.nquads(write.added),
                                ChangeLog.nquads(write.removed), writer,
                            ])
                    }
                    let moved = try connection.execute(
                        "UPDATE lodestar_head SET seq = $1, writer = $2 WHERE id = 1 AND seq = $3", [String(last), writer, String(previous)])
                    guard moved.affected == 1 else {
                        _ = try? connection.execute("ROLLBACK")
                        let head = (try? ChangeLog.head(connection)).flatMap { $0 }.map { String($0.sequence) } ?? "unknown"
                        let refusal = "this server is no longer the primary: the change log's head is at \(head), not at this store's version "
                            + "\(previous) (another primary has written to it); writes are refused"
                        state.refusal = refusal
                        throw ReplicationRefusal(refusal)
                    }
                    try connection.execute("SELECT pg_notify('\(ChangeLog.channel)', $1)", [String(last)])
                } catch let error as PostgresError {
                    _ = try? connection.execute("ROLLBACK")
                    if error.connectionLost { state.connection = nil }
                    if error.connectionLost && attempt == 0 { continue }
                    throw ReplicationRefusal("the write was not made: the change log refused it (\(error))")
                }
                do {
                    try connection.execute("COMMIT")
                    return
                } catch {
                    state.connection = nil
                    try resolveCommit(last: last, previous: previous, state: &state)
                    return
                }
            }
            throw ReplicationRefusal("the write was not made: the change log is unreachable")
        }
    }

    /// After a COMMIT whose answer was lost: succeeds if the head shows this write, throws if it shows the previous one,
    /// and turns writes off if it cannot tell.
    private func resolveCommit(last: UInt64, previous: UInt64, state: inout State) throws {
        for _ in 0..<20 {
            if let connection = try? connectAsPrimary(), let head = try? ChangeLog.head(connection) {
                state.connection = connection
                if head.sequence == last && head.writer == writer { return }
                if head.sequence == previous { throw ReplicationRefusal("the write was not made: the change log's COMMIT failed") }
                break
            }
            usleep(250_000)
        }
        let refusal = "writes are off: the outcome of a change-log COMMIT could not be read back; restart the primary, which then "
            + "applies whatever the log holds past its store"
        state.refusal = refusal
        throw ReplicationRefusal(refusal)
    }

    /// A connection that holds the primary's lock, with the log's tables in place.
    private func connectAsPrimary() throws -> PostgresConnection {
        let connection = try PostgresConnection(url)
        try ChangeLog.createSchema(connection)
        let locked = try connection.execute("SELECT pg_try_advisory_lock(\(ChangeLog.primaryLock))").rows.first?[0]
        guard locked == "t" else {
            let primary = (try? ChangeLog.head(connection))?.flatMap { $0.primaryURL } ?? "another server"
            throw ReplicationError("another primary (\(primary)) is writing to the change log at \(Self.redacted(url)); a log has one primary")
        }
        return connection
    }

    /// The URL without its password, for messages.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
