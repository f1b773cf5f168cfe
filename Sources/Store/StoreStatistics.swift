public import RDF

/// What `lodestar stats` prints: sizes of the store and each graph.
public struct StoreStatistics: Sendable, Hashable {
    public var quads: Int
    /// Quads per graph, the default graph included when it holds any.
    public var graphs: [(GraphName, Int)]
    public var distinctTerms: Int

    public static func == (lhs: StoreStatistics, rhs: StoreStatistics) -> Bool {
        lhs.quads == rhs.quads && lhs.distinctTerms == rhs.distinctTerms && lhs.graphs.map(\.0) == rhs.graphs.map(\.0)
            && lhs.graphs.map(\.1) == rhs.graphs.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(quads)
        hasher.combine(distinctTerms)
    }
}

extension Snapshot {
    /// Counts quads per graph and the terms they use.
    public var statistics: StoreStatistics {
        var graphs = [(GraphName, Int)]()
        let defaultCount = count(matching: EncodedQuadPattern(graph: .defaultGraph))
        if defaultCount > 0 { graphs.append((.defaultGraph, defaultCount)) }
        for id in namedGraphs {
            guard let name = GraphName(term(for: id)) else { continue }
            graphs.append((name, count(matching: EncodedQuadPattern(graph: id))))
        }
        var terms = Set<TermID>()
        for quad in quads(matching: EncodedQuadPattern()) {
            terms.insert(quad.subject)
            terms.insert(quad.predicate)
            terms.insert(quad.object)
            if quad.graph != .defaultGraph { terms.insert(quad.graph) }
        }
        return StoreStatistics(quads: count, graphs: graphs, distinctTerms: terms.count)
    }
}
