public import RDF
public import Store
import Synchronization

/// One hit of a search: the resource, its best-scoring text, and the score (higher is better: FTS5's bm25, negated).
public struct SearchHit: Sendable {
    public let subject: IRI
    public let score: Double
    /// The matching text around the matched words (at most ~24 words), each part marked if it is a match.
    public let snippetParts: [(text: String, isMatch: Bool)]
    /// The snippet as plain text with the matched words between `[` and `]`.
    public var snippet: String { snippetParts.map { $0.isMatch ? "[\($0.text)]" : $0.text }.joined() }
    /// The predicate whose literal matched (a label, a title, a definition…).
    public let predicate: IRI
    public let language: String?
}

/// The full-text index of the store's labels, titles, definitions, descriptions and keywords (SQLite FTS5 with
/// `unicode61 remove_diacritics 2`, so case and accents fold; prefix indexes for `word*`; bm25 ranking with labels
/// weighted above longer texts). It follows every write through `CommitObserver`, before the write is acknowledged,
/// and every hit is checked against the reader's snapshot, so a search never answers from data that snapshot does
/// not hold (a dropped graph, a write the reader cannot see yet).
///
/// ```swift
/// let index = try SearchIndex.attach(to: store)          // built from the store, then kept in step
/// let hits = try index.search("interop*", in: store.snapshot(), language: "en", limit: 20)
/// ```
public final class SearchIndex: CommitObserver, Sendable {
    /// The predicates whose literals are indexed; the first group (labels) weighs more in the ranking.
    public static let labelPredicates = [
        SKOS.prefLabel, RDFS.label, DCTerms.title, IRI(SKOS.namespace + "altLabel"), IRI("http://xmlns.com/foaf/0.1/name"),
        IRI("http://www.w3.org/ns/dcat#keyword"),
    ]
    public static let textPredicates = [SKOS.definition, DCTerms.description, IRI(RDFS.namespace + "comment")]

    // SQLite is used from one thread at a time: the connection lives under this lock (`@unchecked` is not needed:
    // `Mutex` makes the non-Sendable connection safe to share).
    private let state: Mutex<State>

    private final class State {
        let connection: SQLiteConnection
        let insert: SQLiteStatement
        let delete: SQLiteStatement
        var version: UInt64 = 0

        init(connection: SQLiteConnection) throws(SearchError) {
            self.connection = connection
            insert = try connection.prepare(
                "INSERT INTO texts(label, body, subject, predicate, graph, lang, datatype) VALUES (?, ?, ?, ?, ?, ?, ?)")
            delete = try connection.prepare(
                """
                DELETE FROM texts WHERE rowid IN (SELECT rowid FROM texts
                    WHERE subject = ? AND predicate = ? AND graph = ? AND coalesce(label, body) = ? LIMIT 1)
                """)
        }
    }

    /// Opens the index at `path` (`":memory:"` by default) and brings it to `snapshot`: rebuilt when it is missing or
    /// records another store version.
    public init(path: String = ":memory:", snapshot: Snapshot) throws(SearchError) {
        let connection = try SQLiteConnection(path: path)
        try connection.execute(
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(label, body, subject UNINDEXED, predicate UNINDEXED,
                graph UNINDEXED, lang UNINDEXED, datatype UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
            """)
        let state = try State(connection: connection)
        let recorded = try Self.recordedVersion(connection)
        if recorded != snapshot.version || recorded == nil {
            try Self.rebuild(state, from: snapshot)
        }
        state.version = snapshot.version
        self.state = Mutex(state)
    }

    /// An index built from `store`'s latest snapshot that follows its every later write.
    public static func attach(to store: QuadStore, path: String = ":memory:") throws(SearchError) -> SearchIndex {
        let index = try SearchIndex(path: path, snapshot: store.snapshot())
        store.addCommitObserver(index)
        // A write between the snapshot and the registration would be missed: catch up if one happened.
        let latest = store.snapshot()
        if latest.version != index.version { try index.rebuild(from: latest) }
        return index
    }

    /// The store version the index reflects.
    public var version: UInt64 { state.withLock { $0.version } }

    /// Rebuilds the whole index from `snapshot`.
    public func rebuild(from snapshot: Snapshot) throws(SearchError) {
        try state.withLock { state throws(SearchError) in
            try Self.rebuild(state, from: snapshot)
            state.version = snapshot.version
        }
    }

    public func storeDidCommit(_ commit: CommittedWrite) {
        state.withLock { state in
            do {
                try state.connection.execute("BEGIN")
                for quad in commit.removed { if let row = Self.row(quad) { try state.delete.run([row[2], row[3], row[4], row[0] ?? row[1]]) } }
                for quad in commit.added { if let row = Self.row(quad) { try state.insert.run(row) } }
                try Self.record(commit.version, state.connection)
                try state.connection.execute("COMMIT")
                state.version = commit.version
            } catch {
                // The index is a cache of the store: on any failure rebuild it rather than answer from a wrong one.
                try? state.connection.execute("ROLLBACK")
                try? Self.rebuild(state, from: commit.snapshot)
                state.version = commit.version
            }
        }
    }

    /// The resources whose indexed texts match `text` (see `SearchQuery`), best first, one hit per resource.
    /// - Parameters:
    ///   - snapshot: the reader's snapshot; hits whose text it does not hold are left out.
    ///   - language: only texts tagged with this language (or a sub-tag of it); `nil` for any.
    ///   - classes: only resources typed (`rdf:type`, in the snapshot) with one of these; empty for any.
    public func search(
        _ text: String, in snapshot: some QueryableDataset, language: String? = nil, classes: [IRI] = [], limit: Int = 50, offset: Int = 0
    ) throws(SearchError) -> [SearchHit] {
        guard let match = SearchQuery(text).match else { return [] }
        let rows = try state.withLock { state throws(SearchError) -> [(SearchHit, Quad)] in
            let statement = try state.connection.prepare(
                """
                SELECT subject, predicate, graph, lang, datatype, coalesce(label, body), bm25(texts, 10.0, 1.0),
                    snippet(texts, -1, char(2), char(3), '…', 24)
                FROM texts WHERE texts MATCH ?1 AND (?2 IS NULL OR lang = ?2 OR lang LIKE ?2 || '-%') ORDER BY bm25(texts, 10.0, 1.0) LIMIT ?3
                """)
            statement.bind([match, language?.lowercased()])
            statement.bind(int: (limit + offset) * 4 + 100, at: 3)
            var rows: [(SearchHit, Quad)] = []
            while try statement.step() {
                guard let subject = statement.text(0), let predicate = statement.text(1), let text = statement.text(5) else { continue }
                let lang = statement.text(3).flatMap { $0.isEmpty ? nil : $0 }
                let literal = lang.map { Literal(text, language: $0) } ?? Literal(text, datatype: IRI(statement.text(4) ?? XSD.string.value))
                let graph = statement.text(2).map { $0.isEmpty ? GraphName.defaultGraph : GraphName.iri(IRI($0)) } ?? .defaultGraph
                let hit = SearchHit(
                    subject: IRI(subject), score: -statement.double(6), snippetParts: Self.parts(statement.text(7) ?? text),
                    predicate: IRI(predicate), language: lang)
                rows.append((hit, Quad(.iri(IRI(subject)), .iri(IRI(predicate)), .literal(literal), graph: graph)))
            }
            return rows
        }
        let typeID = snapshot.id(of: .iri(RDFVocabulary.type))
        let classIDs = Set(classes.compactMap { snapshot.id(of: .iri($0)) })
        var seen: Set<IRI> = []
        var hits: [SearchHit] = []
        for (hit, quad) in rows where !seen.contains(hit.subject) {
            guard snapshot.holds(quad) else { continue }
            if !classes.isEmpty {
                guard let typeID, let subjectID = snapshot.id(of: quad.subject),
                    snapshot.quads(matching: EncodedQuadPattern(subject: subjectID, predicate: typeID))
                        .contains(where: { classIDs.contains($0.object) })
                else { continue }
            }
            seen.insert(hit.subject)
            hits.append(hit)
        }
        return Array(hits.dropFirst(offset).prefix(limit))
    }

    // MARK: - Rows

    /// Splits FTS5's snippet at the match markers (U+0002 before a match, U+0003 after), which no indexed text holds.
    private static func parts(_ snippet: String) -> [(text: String, isMatch: Bool)] {
        var parts: [(text: String, isMatch: Bool)] = []
        var current = ""
        var inMatch = false
        for character in snippet {
            if character == "\u{2}" || character == "\u{3}" {
                if !current.isEmpty { parts.append((current, inMatch)) }
                current = ""
                inMatch = character == "\u{2}"
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append((current, inMatch)) }
        return parts
    }

    /// The index row of a quad (label, body, subject, predicate, graph, lang, datatype), or `nil` if it is not indexed.
    private static func row(_ quad: Quad) -> [String?]? {
        guard case .iri(let subject) = quad.subject, case .iri(let predicate) = quad.predicate, case .literal(let literal) = quad.object else {
            return nil
        }
        let isLabel = labelPredicates.contains(predicate)
        guard isLabel || textPredicates.contains(predicate) else { return nil }
        let graph = quad.graph.term?.iri?.value ?? ""
        return [
            isLabel ? literal.lexicalForm : nil, isLabel ? nil : literal.lexicalForm, subject.value, predicate.value, graph,
            literal.language ?? "", literal.datatype.value,
        ]
    }

    private static func rebuild(_ state: State, from snapshot: Snapshot) throws(SearchError) {
        try state.connection.execute("BEGIN; DELETE FROM texts;")
        do {
            for predicate in labelPredicates + textPredicates {
                guard let id = snapshot.id(of: .iri(predicate)) else { continue }
                for encoded in snapshot.quads(matching: EncodedQuadPattern(predicate: id)) {
                    if let row = row(snapshot.quad(for: encoded)) { try state.insert.run(row) }
                }
            }
            try record(snapshot.version, state.connection)
            try state.connection.execute("COMMIT")
        } catch {
            try? state.connection.execute("ROLLBACK")
            throw error
        }
    }

    private static func record(_ version: UInt64, _ connection: SQLiteConnection) throws(SearchError) {
        try connection.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('version', ?)").run([String(version)])
    }

    private static func recordedVersion(_ connection: SQLiteConnection) throws(SearchError) -> UInt64? {
        let statement = try connection.prepare("SELECT value FROM meta WHERE key = 'version'")
        guard try statement.step(), let text = statement.text(0) else { return nil }
        return UInt64(text)
    }
}

extension QueryableDataset {
    /// True if this snapshot holds `quad` (a search hit's text may be newer or older than the reader's snapshot).
    fileprivate func holds(_ quad: Quad) -> Bool {
        guard let subject = id(of: quad.subject), let predicate = id(of: quad.predicate), let object = id(of: quad.object),
            let graph = id(of: quad.graph)
        else { return false }
        return quads(matching: EncodedQuadPattern(subject: subject, predicate: predicate, object: object, graph: graph)).contains { _ in true }
    }
}
