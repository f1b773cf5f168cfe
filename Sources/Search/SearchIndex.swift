public import RDF
public import Store
import Foundation
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

/// What one search found: the hits, best first, and whether more resources may match than the hits show.
public struct SearchResults: RandomAccessCollection, Sendable {
    public let hits: [SearchHit]
    /// True when the limit cut the list or the search stopped after examining `SearchIndex.examinedLimit` texts: a
    /// narrower query (or a higher limit) finds the rest.
    public let more: Bool

    public var startIndex: Int { hits.startIndex }
    public var endIndex: Int { hits.endIndex }
    public subscript(position: Int) -> SearchHit { hits[position] }
}

/// The full-text index of the store's labels, titles, definitions, descriptions and keywords (SQLite FTS5 with
/// `unicode61 remove_diacritics 2`, so case and accents fold; prefix indexes for `word*`; bm25 ranking with labels
/// weighted above longer texts). It follows every write through `CommitObserver`, before the write is acknowledged,
/// and every hit is checked against the reader's snapshot, so a search never answers from data that snapshot does
/// not hold (a dropped graph, a write the reader cannot see yet).
///
/// Ranking a common word by bm25 over all its matches costs time in proportion to the matches (0.35 s for 200k), so
/// rows are stored in a static order instead: a row's rowid starts with its tier (labels before descriptions, shorter
/// texts before longer ones; see `IndexRow.tier`), and a search reads matches in rowid order, which FTS5 does lazily,
/// in batches, until it holds `limit + offset` resources. Those candidates are then ranked by bm25. For a one-word
/// query this is bm25's own order up to term frequency; for any query, an exact label beats a mention in a definition.
/// The index is a file (a temporary one unless a path is given) in WAL mode: one writer under a lock, and a pool of
/// read-only connections so that searches do not queue behind each other or behind a write.
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

    /// The most matching texts one search reads before it stops and says there may be more (a class filter that
    /// rejects nearly every match of a common word would otherwise read them all).
    public static let examinedLimit = 20_000
    /// The fewest candidates read per batch: enough that ranking within them orders the first page well.
    static let batchMinimum = 256
    /// Bumped when the table's layout changes: an index file of another schema is rebuilt.
    static let schema = "3"

    private let writer: Mutex<IndexWriter>
    private let readers: ReaderPool
    /// The file to remove when the index goes away, when it is a temporary one.
    private let temporaryPath: String?

    /// Opens the index at `path` (a temporary file, removed with the index, when `nil`) and brings it to `snapshot`:
    /// rebuilt when it is missing, of another schema, or records another store version.
    public init(path: String? = nil, snapshot: Snapshot) throws(SearchError) {
        if path == nil { Self.removeOrphans() }
        let file = path ?? Self.temporaryDirectory + "/\(Self.temporaryPrefix)\(getpid())-\(UInt64.random(in: 0...UInt64.max)).sqlite"
        temporaryPath = path == nil ? file : nil
        let writer: IndexWriter
        do {
            writer = try IndexWriter(path: file, schema: Self.schema)
            if writer.recordedVersion != snapshot.version { try writer.rebuild(from: snapshot) }
        } catch {
            Self.remove(temporaryPath)
            throw error
        }
        self.writer = Mutex(writer)
        readers = ReaderPool(path: file)
    }

    deinit { close() }

    /// Closes the index's connections and removes its file if it is a temporary one; later searches throw, later
    /// commits are not followed. The server calls it at shutdown (the store keeps its observers to the end).
    public func close() {
        readers.close()
        writer.withLock { $0.close() }
        Self.remove(temporaryPath)
    }

    private static let temporaryDirectory = FileManager.default.temporaryDirectory.path
    private static let temporaryPrefix = "lodestar-search-"

    private static func remove(_ path: String?) {
        guard let path else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Removes the temporary index files of processes that are gone (killed before they could remove their own).
    private static func removeOrphans() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporaryDirectory) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            guard let pid = name.dropFirst(temporaryPrefix.count).split(separator: "-").first.flatMap({ pid_t($0) }),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: temporaryDirectory + "/" + name)
        }
    }

    /// An index built from `store`'s latest snapshot that follows its every later write.
    public static func attach(to store: QuadStore, path: String? = nil) throws(SearchError) -> SearchIndex {
        let index = try SearchIndex(path: path, snapshot: store.snapshot())
        store.addCommitObserver(index)
        // A write between the snapshot and the registration would be missed: catch up if one happened.
        let latest = store.snapshot()
        if latest.version != index.version { try index.rebuild(from: latest) }
        return index
    }

    /// The store version the index reflects.
    public var version: UInt64 { writer.withLock { $0.version } }

    /// Rebuilds the whole index from `snapshot`.
    public func rebuild(from snapshot: Snapshot) throws(SearchError) {
        try writer.withLock { writer throws(SearchError) in try writer.rebuild(from: snapshot) }
    }

    public func storeDidCommit(_ commit: CommittedWrite) {
        writer.withLock { writer in
            do {
                try writer.apply(added: commit.added, removed: commit.removed, version: commit.version)
            } catch {
                // The index is a cache of the store: on any failure rebuild it rather than answer from a wrong one.
                try? writer.rebuild(from: commit.snapshot)
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
    ) throws(SearchError) -> SearchResults {
        guard let match = SearchQuery(text).match, limit > 0 else { return SearchResults(hits: [], more: false) }
        let wanted = limit + offset
        let batch = max(Self.batchMinimum, wanted * 2)
        let filter = HitFilter(snapshot: snapshot, classes: classes)
        var best: [IRI: SearchHit] = [:]
        var after = Int64.min
        var examined = 0
        var exhausted = false
        try readers.withReader { reader throws(SearchError) in
            while best.count < wanted, !exhausted, examined < Self.examinedLimit {
                let statement = reader.candidates
                statement.bind([match, language?.lowercased()])
                statement.bind(int: after, at: 3)
                statement.bind(int: Int64(batch), at: 4)
                var read = 0
                while try statement.step() {
                    read += 1
                    after = statement.int(0)
                    guard let (hit, quad) = Self.candidate(statement), filter.accepts(quad) else { continue }
                    if best[hit.subject].map({ hit.score > $0.score }) ?? true { best[hit.subject] = hit }
                }
                statement.reset()
                examined += read
                exhausted = read < batch
            }
        }
        let ranked = best.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.subject.value < $1.subject.value }
        return SearchResults(hits: Array(ranked.dropFirst(offset).prefix(limit)), more: !exhausted || ranked.count > wanted)
    }

    /// A row of the candidate query as a hit and the quad its text came from.
    private static func candidate(_ statement: SQLiteStatement) -> (SearchHit, Quad)? {
        guard let subject = statement.text(1), let predicate = statement.text(2), let text = statement.text(6) else { return nil }
        let lang = statement.text(4).flatMap { $0.isEmpty ? nil : $0 }
        let literal = lang.map { Literal(text, language: $0) } ?? Literal(text, datatype: IRI(statement.text(5) ?? XSD.string.value))
        let graph = statement.text(3).map { $0.isEmpty ? GraphName.defaultGraph : GraphName.iri(IRI($0)) } ?? .defaultGraph
        var snippet = statement.text(8) ?? text
        if let folded = statement.text(9), folded != text {
            snippet = SearchFolding.restore(snippet: snippet, folded: folded, original: text, markers: ["\u{2}", "\u{3}", "\u{4}"])
        }
        let hit = SearchHit(
            subject: IRI(subject), score: -statement.double(7), snippetParts: parts(snippet), predicate: IRI(predicate),
            language: lang)
        return (hit, Quad(.iri(IRI(subject)), .iri(IRI(predicate)), .literal(literal), graph: graph))
    }

    // MARK: - Rows

    /// Splits FTS5's snippet at the match markers (U+0002 before a match, U+0003 after), which no indexed text holds;
    /// U+0004, where the text was cut, becomes an ellipsis.
    private static func parts(_ snippet: String) -> [(text: String, isMatch: Bool)] {
        var parts: [(text: String, isMatch: Bool)] = []
        var current = ""
        var inMatch = false
        for character in snippet {
            if character == "\u{4}" {
                current.append("…")
            } else if character == "\u{2}" || character == "\u{3}" {
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

}

/// Which candidates a search keeps: those whose text the reader's snapshot holds (the index may be a write ahead of
/// it or behind it), of one of the wanted classes when any are given.
private struct HitFilter<Dataset: QueryableDataset> {
    let snapshot: Dataset
    let typeID: TermID?
    let classIDs: Set<TermID>
    let anyClass: Bool

    init(snapshot: Dataset, classes: [IRI]) {
        self.snapshot = snapshot
        typeID = snapshot.id(of: .iri(RDFVocabulary.type))
        classIDs = Set(classes.compactMap { snapshot.id(of: .iri($0)) })
        anyClass = classes.isEmpty
    }

    func accepts(_ quad: Quad) -> Bool {
        guard snapshot.holds(quad) else { return false }
        if anyClass { return true }
        guard let typeID, let subjectID = snapshot.id(of: quad.subject) else { return false }
        return snapshot.quads(matching: EncodedQuadPattern(subject: subjectID, predicate: typeID)).contains { classIDs.contains($0.object) }
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
