import RDF

/// The query's dataset behind one non-generic interface, so that the operators are ordinary (fully optimised) code
/// instead of generic code that would run unspecialised for a store from another module (STYLE.md §3, §9). Only
/// the quad iteration itself stays generic, in `TypedQuadScan`.
class DatasetAccess {
    /// The quads matching `pattern` exactly as `QueryableDataset.quads(matching:)` defines it.
    func scan(_ pattern: EncodedQuadPattern) -> QuadScan { fatalError("abstract") }
    /// Whether at least one quad matches `pattern`; stops at the first.
    func contains(_ pattern: EncodedQuadPattern) -> Bool { fatalError("abstract") }
    /// Whether a graph with a lower ID than `quad`'s holds the same triple.
    func holdsCopyInLowerGraph(of quad: EncodedQuad) -> Bool { fatalError("abstract") }
    func estimatedCount(_ pattern: EncodedQuadPattern) -> Int { fatalError("abstract") }
    func id(of term: Term) -> TermID? { fatalError("abstract") }
    func term(for id: TermID) -> Term { fatalError("abstract") }
    func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void) { fatalError("abstract") }
    var namedGraphs: [TermID] { fatalError("abstract") }
    /// A SERVICE's answer over this dataset.
    func evaluate(_ pattern: GraphPattern, with handler: any ServiceHandler) throws -> ServiceSolutions { fatalError("abstract") }
}

/// `DatasetAccess` for a concrete dataset type.
final class TypedDatasetAccess<D: QueryableDataset>: DatasetAccess {
    let dataset: D

    init(_ dataset: D) { self.dataset = dataset }

    override func scan(_ pattern: EncodedQuadPattern) -> QuadScan {
        TypedQuadScan(dataset.quads(matching: pattern).makeIterator())
    }

    override func contains(_ pattern: EncodedQuadPattern) -> Bool {
        var iterator = dataset.quads(matching: pattern).makeIterator()
        return iterator.next() != nil
    }

    // Iterates the dataset's own sequence: no scan object per call, since the union default graph asks once per quad.
    override func holdsCopyInLowerGraph(of quad: EncodedQuad) -> Bool {
        let triple = EncodedQuadPattern(subject: quad.subject, predicate: quad.predicate, object: quad.object)
        return dataset.quads(matching: triple).contains { $0.graph < quad.graph }
    }

    override func estimatedCount(_ pattern: EncodedQuadPattern) -> Int { dataset.estimatedCount(matching: pattern) }
    override func id(of term: Term) -> TermID? { dataset.id(of: term) }
    override func term(for id: TermID) -> Term { dataset.term(for: id) }
    override func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void) { dataset.withSpelling(of: id, body) }
    override var namedGraphs: [TermID] { dataset.namedGraphs }
    override func evaluate(_ pattern: GraphPattern, with handler: any ServiceHandler) throws -> ServiceSolutions {
        try handler.evaluate(pattern, over: dataset)
    }
}

/// A cursor over encoded quads.
class QuadScan {
    func next() -> EncodedQuad? { nil }
}

/// The scan that matches nothing.
final class EmptyQuadScan: QuadScan {}

/// A scan over a dataset's own iterator.
final class TypedQuadScan<Iterator: IteratorProtocol<EncodedQuad>>: QuadScan {
    private var iterator: Iterator

    init(_ iterator: Iterator) { self.iterator = iterator }

    override func next() -> EncodedQuad? { iterator.next() }
}

/// The default graph as the RDF merge of several graphs (FROM): each graph in turn, skipping a triple that an
/// earlier graph already had. Checking the earlier graphs costs an index lookup per quad, but keeps no memory.
final class MergedGraphsScan: QuadScan {
    private let access: DatasetAccess
    private let pattern: EncodedQuadPattern
    private let graphs: [TermID]
    private var index = 0
    private var current: QuadScan

    init(access: DatasetAccess, pattern: EncodedQuadPattern, graphs: [TermID]) {
        self.access = access
        self.pattern = pattern
        self.graphs = graphs
        var first = pattern
        first.graph = graphs[0]
        current = access.scan(first)
    }

    override func next() -> EncodedQuad? {
        while true {
            if let quad = current.next() {
                if index == 0 || !seenEarlier(quad) { return quad }
                continue
            }
            index += 1
            guard index < graphs.count else { return nil }
            var next = pattern
            next.graph = graphs[index]
            current = access.scan(next)
        }
    }

    private func seenEarlier(_ quad: EncodedQuad) -> Bool {
        for graph in graphs[..<index] {
            let probe = EncodedQuadPattern(subject: quad.subject, predicate: quad.predicate, object: quad.object, graph: graph)
            if access.contains(probe) { return true }
        }
        return false
    }
}

/// The default graph as the union of every graph (`QueryOptions.unionDefaultGraph`): all quads, each triple once,
/// taken from the graph with the smallest ID that holds it.
final class AllGraphsScan: QuadScan {
    private let access: DatasetAccess
    private let scan: QuadScan
    private let lowestGraph: TermID

    /// - Parameter lowestGraph: the lowest graph ID holding quads (or lower): a quad there needs no look for an
    ///   earlier copy, so a dataset whose triples sit in one graph is never searched twice.
    init(access: DatasetAccess, pattern: EncodedQuadPattern, lowestGraph: TermID) {
        self.access = access
        var all = pattern
        all.graph = nil
        scan = access.scan(all)
        self.lowestGraph = lowestGraph
    }

    override func next() -> EncodedQuad? {
        while let quad = scan.next() {
            if quad.graph <= lowestGraph || !access.holdsCopyInLowerGraph(of: quad) { return quad }
        }
        return nil
    }
}

/// Quads from the named graphs only (`GRAPH ?g` with `?g` unbound): either every named graph, or a given list.
final class NamedGraphsScan: QuadScan {
    private let access: DatasetAccess
    private let pattern: EncodedQuadPattern
    private let graphs: [TermID]?
    private var index = 0
    private var current: QuadScan

    /// - Parameter graphs: the graphs to scan in turn, or `nil` for every named graph of the dataset.
    init(access: DatasetAccess, pattern: EncodedQuadPattern, graphs: [TermID]?) {
        self.access = access
        self.pattern = pattern
        self.graphs = graphs
        var first = pattern
        if let graphs {
            if let graph = graphs.first {
                first.graph = graph
                current = access.scan(first)
            } else {
                current = EmptyQuadScan()
            }
        } else {
            first.graph = nil
            current = access.scan(first)
        }
    }

    override func next() -> EncodedQuad? {
        while true {
            if let quad = current.next() {
                if quad.graph == .defaultGraph { continue }
                return quad
            }
            guard let graphs else { return nil }
            index += 1
            guard index < graphs.count else { return nil }
            var next = pattern
            next.graph = graphs[index]
            current = access.scan(next)
        }
    }
}
