import Foundation
import RDF
import Store

/// The change log's tables in PostgreSQL and the statements on them. PostgreSQL holds only the log, never the triples.
///
/// - `lodestar_log`: one row per acknowledged write: its sequence number (the store version it produced on the primary),
///   the previous one, the quads it added and removed as N-Quads (blank-node labels kept, so replicas name blank nodes
///   as the primary does), the primary that wrote it, and when. Graph operations (CLEAR, DROP, graph replacement) are
///   in it as the quads they removed and added: the store holds no empty graphs.
/// - `lodestar_head`: one row, the last sequence number in the log. The primary advances it with a compare-and-set in
///   the transaction that inserts the records, so a second primary's write fails instead of forking the log.
enum ChangeLog {
    static let channel = "lodestar_log"
    /// The session advisory lock the running primary holds, so that a second one is refused when it starts.
    static let primaryLock = "7262001"

    static func createSchema(_ connection: PostgresConnection) throws {
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(7262000)")  // two processes creating it at once
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS lodestar_log (
                    seq bigint PRIMARY KEY, prev bigint NOT NULL, added text NOT NULL, removed text NOT NULL,
                    writer text NOT NULL, created timestamptz NOT NULL DEFAULT clock_timestamp())
                """)
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS lodestar_head (
                    id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, writer text NOT NULL, primary_url text)
                """)
        }
    }

    struct Head {
        var sequence: UInt64
        var writer: String
        var primaryURL: String?
    }

    /// The head, or `nil` before any primary has started on this log.
    static func head(_ connection: PostgresConnection) throws -> Head? {
        guard let row = try connection.execute("SELECT seq, writer, primary_url FROM lodestar_head WHERE id = 1").rows.first,
            let sequence = row[0].flatMap(UInt64.init)
        else { return nil }
        return Head(sequence: sequence, writer: row[1] ?? "", primaryURL: row[2])
    }

    /// The first sequence number still in the log (`nil` if it holds no records).
    static func firstSequence(_ connection: PostgresConnection) throws -> UInt64? {
        try connection.execute("SELECT min(seq) FROM lodestar_log").rows.first?[0].flatMap(UInt64.init)
    }

    /// One record as a replica reads it.
    struct Record {
        var sequence: UInt64
        var changes: ChangeSet
        /// When the primary inserted it (seconds since 1970, PostgreSQL's clock).
        var created: Double
    }

    /// Records after `sequence`, in order, at most `limit`.
    static func records(after sequence: UInt64, limit: Int, _ connection: PostgresConnection) throws -> [Record] {
        let rows = try connection.execute(
            "SELECT seq, added, removed, extract(epoch FROM created) FROM lodestar_log WHERE seq > $1 ORDER BY seq LIMIT \(limit)",
            [String(sequence)]
        ).rows
        return try rows.map { row in
            guard let sequence = row[0].flatMap(UInt64.init) else { throw ReplicationError("a change-log row has no sequence number") }
            do {
                return Record(
                    sequence: sequence,
                    changes: ChangeSet(deletions: try parse(row[2] ?? ""), insertions: try parse(row[1] ?? "")),
                    created: row[3].flatMap(Double.init) ?? 0)
            } catch {
                throw ReplicationError("record \(sequence) of the change log does not parse: \(error)")
            }
        }
    }

    static func nquads(_ quads: [Quad]) -> String {
        var bytes = [UInt8]()
        for quad in quads { NTriples.append(quad, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func parse(_ text: String) throws -> [Quad] {
        var quads = [Quad]()
        try NQuadsParser.parse(Array(text.utf8)) { quads.append($0) }
        return quads
    }
}

/// A replication failure that is not PostgreSQL's own: a log that does not fit the store, a refused start.
public struct ReplicationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
