/// A small array-backed dataset: for tests, for the W3C suites' fixture data, and for results built in memory
/// (CONSTRUCT templates). Lookups are linear scans; use the `Store` for anything large.
public struct InMemoryDataset: QueryableDataset {
    private var terms: [Term] = [Term.iri("urn:lodestar:default-graph")]
    private var ids: [Term: TermID] = [:]
    private var encoded: [EncodedQuad] = []
    private var seen: Set<EncodedQuad> = []

    public init() {}

    public init(_ quads: some Sequence<Quad>) {
        for quad in quads { insert(quad) }
    }

    /// Adds `quad` unless it is already present.
    /// - Returns: `true` if the quad was new.
    @discardableResult
    public mutating func insert(_ quad: Quad) -> Bool {
        var graph = TermID.defaultGraph
        if let name = quad.graph.term { graph = intern(name) }
        let encodedQuad = EncodedQuad(subject: intern(quad.subject), predicate: intern(quad.predicate), object: intern(quad.object), graph: graph)
        guard seen.insert(encodedQuad).inserted else { return false }
        encoded.append(encodedQuad)
        return true
    }

    public var count: Int { encoded.count }

    public var allQuads: [Quad] { encoded.map(quad(for:)) }

    public func quads(matching pattern: EncodedQuadPattern) -> [EncodedQuad] {
        encoded.filter(pattern.matches)
    }

    public func estimatedCount(matching pattern: EncodedQuadPattern) -> Int {
        encoded.reduce(0) { $0 + (pattern.matches($1) ? 1 : 0) }
    }

    public func id(of term: Term) -> TermID? { ids[term] }

    public func term(for id: TermID) -> Term { terms[Int(id.rawValue)] }

    public var namedGraphs: [TermID] {
        var graphs = Set<TermID>()
        for quad in encoded where quad.graph != .defaultGraph { graphs.insert(quad.graph) }
        return graphs.sorted()
    }

    private mutating func intern(_ term: Term) -> TermID {
        if let id = ids[term] { return id }
        let id = TermID(rawValue: UInt32(terms.count))
        terms.append(term)
        ids[term] = id
        return id
    }
}
