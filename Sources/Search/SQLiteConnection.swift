import CSQLite

/// Why the search index failed; the message is SQLite's.
public struct SearchError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { "search index: \(message)" }
}

/// One SQLite connection, used by one thread at a time (the writer under `SearchIndex`'s lock, a reader while the
/// `ReaderPool` has lent it out). Only this file touches SQLite's C API.
final class SQLiteConnection {
    private var handle: OpaquePointer?

    /// Opens the database file at `path`: read-write (creating it) for the one writer, read-only for readers. A reader
    /// waits up to `busyMilliseconds` for the writer's lock (WAL readers only wait while the WAL itself is recreated).
    init(path: String, readOnly: Bool = false, busyMilliseconds: Int32 = 5_000) throws(SearchError) {
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite3_close(handle)
            throw SearchError(message: message)
        }
        sqlite3_busy_timeout(handle, busyMilliseconds)
    }

    deinit { close() }

    /// Closes the connection once its statements are finalized (SQLite keeps it as a zombie until then).
    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }

    func execute(_ sql: String) throws(SearchError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw SearchError(message: message)
        }
    }

    func prepare(_ sql: String) throws(SearchError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw SearchError(message: lastError) }
        return SQLiteStatement(statement, connection: self)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A prepared statement: bind by 1-based index, step through rows, read columns by 0-based index.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    func bind(_ values: [String?]) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (index, value) in values.enumerated() {
            if let value {
                sqlite3_bind_text(statement, Int32(index + 1), value, -1, csqlite_transient)
            } else {
                sqlite3_bind_null(statement, Int32(index + 1))
            }
        }
    }

    func bind(int value: Int64, at index: Int) { sqlite3_bind_int64(statement, Int32(index), value) }

    /// True while there is a row to read.
    func step() throws(SearchError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SearchError(message: connection.lastError)
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [String?]) throws(SearchError) {
        bind(values)
        while try step() {}
    }

    func text(_ column: Int) -> String? {
        guard let pointer = sqlite3_column_text(statement, Int32(column)) else { return nil }
        return String(cString: pointer)
    }

    func double(_ column: Int) -> Double { sqlite3_column_double(statement, Int32(column)) }

    func int(_ column: Int) -> Int64 { sqlite3_column_int64(statement, Int32(column)) }

    /// Ends the statement's read, so a pooled reader holds no WAL snapshot while it waits to be lent again.
    func reset() { sqlite3_reset(statement) }
}
