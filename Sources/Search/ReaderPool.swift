import Synchronization

/// Read-only connections to the index file, lent one per search: WAL readers neither wait for each other nor for the
/// writer, so concurrent searches run side by side instead of queueing on one connection.
final class ReaderPool: Sendable {
    /// A connection with its prepared candidate query. The pool lends it to one thread at a time, which is what makes
    /// the unchecked `Sendable` true.
    final class Reader: @unchecked Sendable {
        let connection: SQLiteConnection
        /// Matching texts in rowid order (the index's static order: labels before longer texts) after a rowid, with
        /// their bm25 score and snippet (of the folded text, `SearchFolding`; U+0004 where FTS5 cut it); ?1 match, ?2 language or NULL, ?3 the last rowid seen, ?4 how many.
        let candidates: SQLiteStatement

        init(path: String) throws(SearchError) {
            connection = try SQLiteConnection(path: path, readOnly: true)
            candidates = try connection.prepare(
                """
                SELECT rowid, subject, predicate, graph, lang, datatype, coalesce(original, label, body), bm25(texts, 10.0, 1.0),
                    snippet(texts, -1, char(2), char(3), char(4), 24), coalesce(label, body)
                FROM texts WHERE texts MATCH ?1 AND (?2 IS NULL OR lang = ?2 OR lang LIKE ?2 || '-%') AND rowid > ?3
                ORDER BY rowid LIMIT ?4
                """)
        }
    }

    /// Idle readers kept open; more are opened while more searches run at once, and closed when they come back.
    static let keptIdle = 8

    private let path: String
    /// `nil` once closed.
    private let idle = Mutex<[Reader]?>([])

    init(path: String) { self.path = path }

    /// Runs `body` with a reader of its own.
    func withReader<Result>(_ body: (Reader) throws(SearchError) -> Result) throws(SearchError) -> Result {
        let reader: Reader
        if let idleReader = idle.withLock({ $0?.popLast() }) { reader = idleReader } else { reader = try Reader(path: path) }
        defer {
            reader.candidates.reset()
            idle.withLock { if let count = $0?.count, count < Self.keptIdle { $0?.append(reader) } }
        }
        return try body(reader)
    }

    /// Closes the idle readers (those lent out close when they come back to a pool that no longer keeps them).
    func close() { idle.withLock { $0 = nil } }
}
