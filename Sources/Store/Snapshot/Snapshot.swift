public import RDF

/// One consistent, immutable version of the store. Take one from `QuadStore.snapshot()`; it stays valid and unchanged
/// however many writes follow, and any number of threads may read it at once without locking.
///
/// ```swift
/// let snapshot = store.snapshot()
/// if let id = snapshot.id(of: .iri("http://data.europa.eu/dr8/PublicPolicy")) {
///     for quad in snapshot.quads(matching: EncodedQuadPattern(subject: id)) { … }
/// }
/// ```
public struct Snapshot: QueryableDataset {
    let base: QuadIndexes
    let delta: Delta
    let dictionary: TermDictionary
    /// The dictionary size when this snapshot was published: IDs at or above it are not this snapshot's.
    let termCount: Int
    /// Increases by one with every committed write.
    public let version: UInt64

    init(base: QuadIndexes, delta: Delta, dictionary: TermDictionary, termCount: Int, version: UInt64) {
        self.base = base
        self.delta = delta
        self.dictionary = dictionary
        self.termCount = termCount
        self.version = version
    }

    /// The number of quads in every graph, the default graph included. O(1).
    public var count: Int { base.count + delta.countChange }

    /// Terms in the dictionary, including terms no longer used by any quad.
    public var dictionarySize: Int { termCount - 1 }

    public func quads(matching pattern: EncodedQuadPattern) -> QuadCursor {
        let (order, lower, upper) = QuadOrder.range(for: pattern)
        func run<Keys>(_ keys: Keys, removedAbove: [UInt128], _ removedAboveThat: [UInt128] = []) -> QuadCursor.Run<Keys> {
            let range = SortedKeys.range(keys, lower, upper)
            return QuadCursor.Run(
                keys: keys, index: range.lowerBound, end: range.upperBound, removedAbove: removedAbove, removedAboveThat: removedAboveThat)
        }
        return QuadCursor(
            order: order, base: run(base[order], removedAbove: delta.major.removed, delta.minor.removed),
            major: run(delta.major.added[order.rawValue], removedAbove: delta.minor.removed),
            minor: run(delta.minor.added[order.rawValue], removedAbove: []))
    }

    /// Exact when no quad was removed since the last compaction; otherwise an upper bound by at most the removals.
    public func estimatedCount(matching pattern: EncodedQuadPattern) -> Int {
        let (order, lower, upper) = QuadOrder.range(for: pattern)
        return SortedKeys.range(base[order], lower, upper).count + SortedKeys.range(delta.major.added[order.rawValue], lower, upper).count
            + SortedKeys.range(delta.minor.added[order.rawValue], lower, upper).count
    }

    /// The exact number of quads matching `pattern`; costs at most one binary search per index and a scan of the removals.
    public func count(matching pattern: EncodedQuadPattern) -> Int {
        var result = estimatedCount(matching: pattern)
        for key in delta.major.removed where pattern.matches(QuadOrder.spog.quad(key)) { result -= 1 }
        for key in delta.minor.removed where pattern.matches(QuadOrder.spog.quad(key)) { result -= 1 }
        return result
    }

    public func id(of term: Term) -> TermID? { dictionary.id(of: term, below: termCount) }

    public func term(for id: TermID) -> Term { dictionary.term(for: id) }

    public func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void) { dictionary.withSpelling(of: id, body) }

    public var namedGraphs: [TermID] {
        var graphs = [TermID]()
        var candidate: UInt32 = 1
        let arrays = [delta.major.added[QuadOrder.gspo.rawValue], delta.minor.added[QuadOrder.gspo.rawValue]]
        let anyRemoved = !delta.major.removed.isEmpty || !delta.minor.removed.isEmpty
        // Jump from graph to graph through the GSPO keys: one binary search per graph and array, never a scan.
        while true {
            let lower = UInt128(candidate) << 96
            var next: UInt32?
            func firstGraph<Keys: RandomAccessCollection<UInt128>>(in keys: Keys) where Keys.Index == Int {
                let index = SortedKeys.lowerBound(keys, lower)
                if index < keys.count { next = min(next ?? .max, UInt32(truncatingIfNeeded: keys[index] >> 96)) }
            }
            firstGraph(in: base[.gspo])
            for keys in arrays { firstGraph(in: keys) }
            guard let graph = next else { break }
            let id = TermID(rawValue: graph)
            if !anyRemoved || count(matching: EncodedQuadPattern(graph: id)) > 0 { graphs.append(id) }
            guard graph < UInt32.max else { break }
            candidate = graph + 1
        }
        return graphs
    }

    /// True if the quad with these SPOG components is in this snapshot.
    func contains(spog key: UInt128) -> Bool {
        if SortedKeys.contains(delta.minor.added[0], key) { return true }
        if SortedKeys.contains(delta.minor.removed, key) { return false }
        if SortedKeys.contains(delta.major.added[0], key) { return true }
        return base.contains(spog: key) && !SortedKeys.contains(delta.major.removed, key)
    }

    /// All quads of `graph`, decoded. For tests and small graphs; large readers iterate `quads(matching:)`.
    public func quads(in graph: GraphName) -> [Quad] {
        guard let id = id(of: graph) else { return [] }
        return quads(matching: EncodedQuadPattern(graph: id)).map(quad(for:))
    }

    /// Every quad, decoded, in no particular order.
    public var allQuads: [Quad] { quads(matching: EncodedQuadPattern()).map(quad(for:)) }
}
