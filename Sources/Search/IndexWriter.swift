import RDF
import Store

/// The index's one read-write connection (held under `SearchIndex`'s lock): the schema, the rows of quads, and the
/// store version the index reflects.
final class IndexWriter {
    private var connection: SQLiteConnection?
    private let insert: SQLiteStatement
    private let find: SQLiteStatement
    private let deleteText: SQLiteStatement
    private let insertSubject: SQLiteStatement
    private let deleteSubject: SQLiteStatement
    private(set) var version: UInt64 = 0
    /// The store version the file recorded when it was opened; `nil` for a new file or one of another schema.
    let recordedVersion: UInt64?
    /// The last row's sequence number (the low bits of its rowid, see `IndexRow.rowid`).
    private var sequence: Int64

    init(path: String, schema: String) throws(SearchError) {
        let connection = try SQLiteConnection(path: path)
        // WAL lets the pool's readers read while this connection writes; the index is a cache, so NORMAL is durable enough.
        try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);")
        if try Self.meta("schema", connection) != schema {
            try connection.execute("DROP TABLE IF EXISTS texts; DROP TABLE IF EXISTS subjects; DELETE FROM meta;")
        }
        try connection.execute(
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(label, body, subject UNINDEXED, predicate UNINDEXED,
                graph UNINDEXED, lang UNINDEXED, datatype UNINDEXED, original UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
            CREATE TABLE IF NOT EXISTS subjects(subject TEXT, id INTEGER, PRIMARY KEY (subject, id)) WITHOUT ROWID;
            """)
        try connection.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)").run([schema])
        recordedVersion = try Self.meta("version", connection).flatMap { UInt64($0) }
        sequence = try Self.meta("sequence", connection).flatMap { Int64($0) } ?? 0
        version = recordedVersion ?? 0
        insert = try connection.prepare(
            "INSERT INTO texts(rowid, label, body, subject, predicate, graph, lang, datatype, original) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        // FTS5 cannot look a row up by an unindexed column: `subjects` finds a removed text among its subject's rows.
        find = try connection.prepare(
            """
            SELECT t.rowid FROM subjects s JOIN texts t ON t.rowid = s.id
            WHERE s.subject = ? AND t.predicate = ? AND t.graph = ? AND coalesce(t.original, t.label, t.body) = ? LIMIT 1
            """)
        deleteText = try connection.prepare("DELETE FROM texts WHERE rowid = ?")
        insertSubject = try connection.prepare("INSERT INTO subjects(subject, id) VALUES (?, ?)")
        deleteSubject = try connection.prepare("DELETE FROM subjects WHERE subject = ? AND id = ?")
        self.connection = connection
    }

    func close() {
        connection?.close()
        connection = nil
    }

    /// Applies one commit's net changes in one transaction.
    /// A commit that changes no indexed text leaves the file alone (most writes, on the commit thread's path): the version
    /// the file records stays true of its rows, which are those of every version since.
    func apply(added: [Quad], removed: [Quad], version: UInt64) throws(SearchError) {
        guard let connection else { throw SearchError(message: "the index is closed") }
        let removedRows = removed.compactMap(IndexRow.init)
        let addedRows = added.compactMap(IndexRow.init)
        guard !(removedRows.isEmpty && addedRows.isEmpty) else {
            self.version = version
            return
        }
        try connection.execute("BEGIN")
        do {
            for row in removedRows { try remove(row) }
            for row in addedRows { try add(row) }
            try record(version, connection)
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Replaces every row by the texts of `snapshot`, in one transaction (readers see the old rows until it commits).
    func rebuild(from snapshot: Snapshot) throws(SearchError) {
        guard let connection else { throw SearchError(message: "the index is closed") }
        try connection.execute("BEGIN; DELETE FROM texts; DELETE FROM subjects;")
        do {
            sequence = 0
            for predicate in SearchIndex.labelPredicates + SearchIndex.textPredicates {
                guard let id = snapshot.id(of: .iri(predicate)) else { continue }
                for encoded in snapshot.quads(matching: EncodedQuadPattern(predicate: id)) {
                    if let row = IndexRow(snapshot.quad(for: encoded)) { try add(row) }
                }
            }
            try record(snapshot.version, connection)
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private func add(_ row: IndexRow) throws(SearchError) {
        sequence += 1
        // The folded text is indexed (`SearchFolding`); the literal as written is kept beside it when it differs.
        let folded = SearchFolding.folded(row.text)
        let original = folded == row.text ? nil : row.text
        insert.bind([nil, row.isLabel ? folded : nil, row.isLabel ? nil : folded, row.subject, row.predicate, row.graph, row.language, row.datatype, original])
        let rowid = row.rowid(sequence: sequence)
        insert.bind(int: rowid, at: 1)
        while try insert.step() {}
        insertSubject.bind([row.subject])
        insertSubject.bind(int: rowid, at: 2)
        while try insertSubject.step() {}
    }

    private func remove(_ row: IndexRow) throws(SearchError) {
        find.bind([row.subject, row.predicate, row.graph, row.text])
        guard try find.step() else { return }
        let rowid = find.int(0)
        find.reset()
        deleteText.bind([])
        deleteText.bind(int: rowid, at: 1)
        while try deleteText.step() {}
        deleteSubject.bind([row.subject])
        deleteSubject.bind(int: rowid, at: 2)
        while try deleteSubject.step() {}
    }

    private func record(_ version: UInt64, _ connection: SQLiteConnection) throws(SearchError) {
        let statement = try connection.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
        try statement.run(["version", String(version)])
        try statement.run(["sequence", String(sequence)])
        self.version = version
    }

    private static func meta(_ key: String, _ connection: SQLiteConnection) throws(SearchError) -> String? {
        let statement = try connection.prepare("SELECT value FROM meta WHERE key = ?")
        statement.bind([key])
        guard try statement.step() else { return nil }
        return statement.text(0)
    }
}

/// The index row of a quad whose object is a label or a longer text, or `nil` for any other quad.
struct IndexRow {
    let text: String
    let isLabel: Bool
    let subject: String
    let predicate: String
    /// The graph's IRI, empty for the default graph.
    let graph: String
    /// The language tag, empty for none.
    let language: String
    let datatype: String

    init?(_ quad: Quad) {
        guard case .iri(let subject) = quad.subject, case .iri(let predicate) = quad.predicate, case .literal(let literal) = quad.object else {
            return nil
        }
        isLabel = SearchIndex.labelPredicates.contains(predicate)
        guard isLabel || SearchIndex.textPredicates.contains(predicate) else { return nil }
        text = literal.lexicalForm
        self.subject = subject.value
        self.predicate = predicate.value
        graph = quad.graph.term?.iri?.value ?? ""
        language = literal.language ?? ""
        datatype = literal.datatype.value
    }

    /// The row's static place in the index: labels (tiers 1–31, by word count) before longer texts (tiers 32–63, by
    /// word count in fours), so that reading matches in rowid order reads them roughly in bm25's order. The low 40
    /// bits hold a sequence number that makes the rowid unique.
    var tier: Int64 {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar, !inWord { words += 1 }
            inWord = isWordScalar
        }
        return isLabel ? Int64(min(max(words, 1), 31)) : 32 + Int64(min(words / 4, 31))
    }

    func rowid(sequence: Int64) -> Int64 { tier << 40 | (sequence & (1 << 40 - 1)) }
}
