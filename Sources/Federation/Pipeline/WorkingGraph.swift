public import RDF

/// The incoming data while a harvest works on it: triples in the default graph, indexed by subject, predicate and
/// object so that the rule queries do not scan (RDF's `InMemoryDataset` scans; a national dump has ~10⁴ triples and
/// 104 rules).
public struct WorkingGraph: QueryableDataset {
    private var terms: [Term] = [Term.iri("urn:lodestar:default-graph")]
    private var ids: [Term: TermID] = [:]
    private var encoded: [EncodedQuad] = []
    private var seen: Set<EncodedQuad> = []
    private var bySubject: [TermID: [Int]] = [:]
    private var byPredicate: [TermID: [Int]] = [:]
    private var byObject: [TermID: [Int]] = [:]

    public init() {}

    public init(_ triples: some Sequence<Triple>) {
        for triple in triples { insert(triple) }
    }

    public mutating func insert(_ triple: Triple) {
        let quad = EncodedQuad(
            subject: intern(triple.subject), predicate: intern(triple.predicate), object: intern(triple.object), graph: .defaultGraph)
        guard seen.insert(quad).inserted else { return }
        let index = encoded.count
        encoded.append(quad)
        bySubject[quad.subject, default: []].append(index)
        byPredicate[quad.predicate, default: []].append(index)
        byObject[quad.object, default: []].append(index)
    }

    public var count: Int { encoded.count }

    /// Every triple, in insertion order.
    public var triples: [Triple] { encoded.map { Triple(term(for: $0.subject), term(for: $0.predicate), term(for: $0.object)) } }

    /// The triples whose subject is `subject`.
    public func triples(about subject: Term) -> [Triple] {
        guard let id = ids[subject] else { return [] }
        return (bySubject[id] ?? []).map { encoded[$0] }.map { Triple(term(for: $0.subject), term(for: $0.predicate), term(for: $0.object)) }
    }

    public func quads(matching pattern: EncodedQuadPattern) -> [EncodedQuad] {
        if let graph = pattern.graph, graph != .defaultGraph { return [] }
        guard let indexes = candidates(pattern) else { return encoded.filter(pattern.matches) }
        return indexes.map { encoded[$0] }.filter(pattern.matches)
    }

    public func estimatedCount(matching pattern: EncodedQuadPattern) -> Int {
        if let graph = pattern.graph, graph != .defaultGraph { return 0 }
        return candidates(pattern)?.count ?? encoded.count
    }

    public func id(of term: Term) -> TermID? { ids[term] }

    public func term(for id: TermID) -> Term { terms[Int(id.rawValue)] }

    public var namedGraphs: [TermID] { [] }

    /// The shortest index list for the bound positions, or `nil` when none is bound.
    private func candidates(_ pattern: EncodedQuadPattern) -> [Int]? {
        var best: [Int]?
        for (id, index) in [(pattern.subject, bySubject), (pattern.predicate, byPredicate), (pattern.object, byObject)] {
            guard let id else { continue }
            let list = index[id] ?? []
            if best == nil || list.count < best!.count { best = list }
        }
        return best
    }

    private mutating func intern(_ term: Term) -> TermID {
        if let id = ids[term] { return id }
        let id = TermID(rawValue: UInt32(terms.count))
        terms.append(term)
        ids[term] = id
        return id
    }
}
