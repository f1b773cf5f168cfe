internal import CPostgres
import Foundation

/// An error from PostgreSQL or from reaching it: the server's message, its SQLSTATE when it sent one, and whether the
/// connection is gone (so the caller reconnects).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var sqlState: String?
    public var connectionLost: Bool
    public var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }
}

/// What a statement returned: its rows as text (NULL as `nil`), and how many rows it changed.
struct PostgresRows {
    var rows: [[String?]]
    var affected: Int
}

/// One libpq connection, used by one task at a time (the owner serialises calls). Statements are parameterised with
/// text values; results come back as text.
final class PostgresConnection: @unchecked Sendable {
    // @unchecked: libpq connections are not thread-safe; every owner holds it behind a lock or a single task.
    private let connection: OpaquePointer

    /// Connects to a `postgresql://…` URL (or key=value connection string).
    init(_ url: String) throws(PostgresError) {
        guard let connection = PQconnectdb(url) else { throw PostgresError(message: "out of memory", connectionLost: true) }
        self.connection = connection
        guard PQstatus(connection) == CONNECTION_OK else {
            // No PQfinish here: every stored property is set, so deinit runs and finishes it.
            let message = Self.errorMessage(connection)
            throw PostgresError(message: "cannot connect to PostgreSQL: \(message)", connectionLost: true)
        }
        _ = try? execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(connection) }

    var isConnected: Bool { PQstatus(connection) == CONNECTION_OK }

    /// Runs one statement with `$1`, `$2`… bound to `parameters`.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresRows {
        let result = withParameters(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard let result else { throw lost("no result from PostgreSQL: \(Self.errorMessage(connection))") }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            var rows = [[String?]]()
            for row in 0..<PQntuples(result) {
                rows.append((0..<PQnfields(result)).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                })
            }
            return PostgresRows(rows: rows, affected: Int(String(cString: PQcmdTuples(result))) ?? 0)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PostgresError(message: message, sqlState: state, connectionLost: PQstatus(connection) != CONNECTION_OK)
        }
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        let value: T
        do {
            value = try body()
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
        try execute("COMMIT")
        return value
    }

    /// Waits up to `timeout` for a notification on a channel this connection LISTENs to.
    /// - Returns: whether one (or more) arrived.
    func waitForNotification(timeout: Duration) throws(PostgresError) -> Bool {
        if drainNotifications() { return true }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        guard descriptor.fd >= 0 else { throw lost("the connection to PostgreSQL is closed") }
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return false }
        guard PQconsumeInput(connection) == 1 else { throw lost("lost the connection to PostgreSQL: \(Self.errorMessage(connection))") }
        return drainNotifications()
    }

    private func drainNotifications() -> Bool {
        var any = false
        while let notification = PQnotifies(connection) {
            any = true
            PQfreemem(notification)
        }
        return any
    }

    private func lost(_ message: String) -> PostgresError {
        PostgresError(message: message, connectionLost: PQstatus(connection) != CONNECTION_OK)
    }

    private static func errorMessage(_ connection: OpaquePointer) -> String {
        String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Calls `body` with C strings for `parameters` that live until it returns.
    private func withParameters<R>(_ parameters: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}
