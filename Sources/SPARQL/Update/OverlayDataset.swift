public import RDF

/// A dataset seen through uncommitted changes: what an update's later operations query after its earlier ones
/// (SPARQL 1.1 Update §3: operations apply in order). Base quads stay encoded with the base's IDs; terms the
/// changes bring in get IDs from `TermID.firstOverlay`.
public struct OverlayDataset<Base: QueryableDataset>: QueryableDataset {
    public let base: Base
    private var newTerms: [Term] = []
    private var newIDs: [Term: TermID] = [:]
    /// Quads added that the base does not hold.
    private(set) var added: [EncodedQuad] = []
    private var addedSet: Set<EncodedQuad> = []
    /// Base quads removed.
    private(set) var removed: Set<EncodedQuad> = []

    public init(_ base: Base) { self.base = base }

    // MARK: Changes

    /// Encodes `quad`, issuing overlay IDs for terms neither the base nor earlier changes know.
    mutating func encode(_ quad: Quad) -> EncodedQuad {
        let graph: TermID
        if let name = quad.graph.term { graph = intern(name) } else { graph = .defaultGraph }
        return EncodedQuad(subject: intern(quad.subject), predicate: intern(quad.predicate), object: intern(quad.object), graph: graph)
    }

    /// Makes room for `count` more inserted quads and their terms, so a large INSERT DATA rehashes nothing.
    mutating func reserve(insertions count: Int) {
        added.reserveCapacity(added.count + count)
        addedSet.reserveCapacity(addedSet.count + count)
        newIDs.reserveCapacity(newIDs.count + 2 * count)
        newTerms.reserveCapacity(newTerms.count + 2 * count)
    }

    mutating func insert(_ quad: EncodedQuad) {
        if removed.remove(quad) != nil { return }
        if isInBase(quad) || addedSet.contains(quad) { return }
        added.append(quad)
        addedSet.insert(quad)
    }

    mutating func delete(_ quad: EncodedQuad) {
        delete(CollectionOfOne(quad))
    }

    /// Deletes `quads` with one pass over `added` for all of them: a pass per quad made deleting N quads added earlier in
    /// the same request N². `listed` says they come from this overlay's own `quads(matching:)` (CLEAR, DROP), so those
    /// not added are base quads without a lookup each.
    mutating func delete(_ quads: some Sequence<EncodedQuad>, listed: Bool = false) {
        var dropped: Set<EncodedQuad> = []
        for quad in quads {
            if addedSet.remove(quad) != nil {
                dropped.insert(quad)
            } else if !dropped.contains(quad), listed || isInBase(quad) {
                removed.insert(quad)
            }
        }
        if !dropped.isEmpty { added.removeAll { dropped.contains($0) } }
    }

    /// The net change against the base: base quads removed, then quads added.
    public var netChange: (deletions: [Quad], insertions: [Quad]) { encodedNetChange.decoded(in: base) }

    /// The net change in IDs: removed quads by the base's IDs, added ones by the base's or this overlay's.
    public var encodedNetChange: EncodedChange { EncodedChange(deletions: Array(removed), insertions: added, newTerms: newTerms) }

    private func isInBase(_ quad: EncodedQuad) -> Bool {
        guard quad.subject < .firstOverlay, quad.predicate < .firstOverlay, quad.object < .firstOverlay, quad.graph < .firstOverlay else {
            return false
        }
        return base.quads(matching: EncodedQuadPattern(subject: quad.subject, predicate: quad.predicate, object: quad.object, graph: quad.graph))
            .contains { _ in true }
    }

    /// The ID of `term`, issuing an overlay ID if neither the base nor earlier changes know it.
    mutating func intern(_ term: Term) -> TermID {
        if let id = id(of: term) { return id }
        let id = TermID(rawValue: TermID.firstOverlay.rawValue + UInt32(newTerms.count))
        newTerms.append(term)
        newIDs[term] = id
        return id
    }

    // MARK: QueryableDataset

    public func quads(matching pattern: EncodedQuadPattern) -> OverlayQuads<Base.Quads> {
        OverlayQuads(base: base.quads(matching: pattern).makeIterator(), removed: removed, added: added.filter(pattern.matches))
    }

    public func estimatedCount(matching pattern: EncodedQuadPattern) -> Int {
        base.estimatedCount(matching: pattern) + added.count
    }

    public func id(of term: Term) -> TermID? { base.id(of: term) ?? newIDs[term] }

    public func term(for id: TermID) -> Term {
        id >= .firstOverlay ? newTerms[Int(id.rawValue - TermID.firstOverlay.rawValue)] : base.term(for: id)
    }

    public var namedGraphs: [TermID] {
        var graphs = Set(base.namedGraphs)
        for quad in added where quad.graph != .defaultGraph { graphs.insert(quad.graph) }
        return graphs.filter { graph in quads(matching: EncodedQuadPattern(graph: graph)).contains { _ in true } }.sorted()
    }
}

/// The quads of an overlay matching a pattern: the base's, less removals, then the matching additions.
public struct OverlayQuads<BaseQuads: Sequence<EncodedQuad>>: Sequence, IteratorProtocol {
    var base: BaseQuads.Iterator
    let removed: Set<EncodedQuad>
    let added: [EncodedQuad]
    var addedIndex = 0

    public mutating func next() -> EncodedQuad? {
        while let quad = base.next() {
            if removed.isEmpty || !removed.contains(quad) { return quad }
        }
        guard addedIndex < added.count else { return nil }
        defer { addedIndex += 1 }
        return added[addedIndex]
    }
}
