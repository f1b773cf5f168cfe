import RDF

/// What the query's dataset is (SPARQL 1.1 §13): which graphs make up the default graph, and which graphs
/// `GRAPH ?g` ranges over.
struct DatasetView {
    enum DefaultGraph {
        /// The store's own default graph.
        case stored
        /// Every graph merged (`QueryOptions.unionDefaultGraph`).
        case allGraphs
        /// The merge of these graphs (FROM); one graph needs no deduplication.
        case merge([TermID])
        /// No triples: FROM NAMED without FROM, or FROM graphs the store does not have.
        case empty
    }

    var defaultGraph: DefaultGraph
    /// The named graphs, or `nil` for every named graph in the store.
    var namedGraphs: [TermID]?

    /// The view for a dataset clause: with FROM or FROM NAMED, exactly the graphs listed (FROM alone means no named
    /// graphs, FROM NAMED alone an empty default graph); without, the store's graphs. An update's WITH without USING
    /// (`inheritsNamedGraphs`) keeps the store's named graphs.
    init(clause: QueryDataset?, unionDefaultGraph: Bool, access: DatasetAccess) {
        guard let clause else {
            defaultGraph = unionDefaultGraph ? .allGraphs : .stored
            namedGraphs = nil
            return
        }
        var from: [TermID] = []
        for iri in clause.defaultGraphs {
            if let id = access.id(of: .iri(iri)), !from.contains(id) { from.append(id) }
        }
        defaultGraph = from.isEmpty ? .empty : .merge(from)
        // An update's WITH without USING replaces only the default graph (SPARQL 1.1 Update §3.1.3).
        if clause.inheritsNamedGraphs {
            namedGraphs = nil
            return
        }
        var named: [TermID] = []
        for iri in clause.namedGraphs {
            if let id = access.id(of: .iri(iri)), !named.contains(id) { named.append(id) }
        }
        namedGraphs = named
    }
}

/// The state one query evaluation shares between its operators: the dataset, the deadline, the function context,
/// and the side table of query-local term IDs. Not thread-safe: one query runs on one thread at a time.
final class EvaluationContext {
    let access: DatasetAccess
    let view: DatasetView
    let deadline: Deadline
    let functions: FunctionContext
    /// The SERVICE IRIs answered in process (`QueryOptions.services`); each is handed the query's dataset when its
    /// SERVICE block is planned (`DatasetAccess.evaluate(_:with:)`).
    let services: [IRI: any ServiceHandler]
    private lazy var allNamedGraphs: [TermID] = access.namedGraphs
    /// The graph with the lowest ID that holds quads (`nil` in an empty dataset). In the union default graph, a quad
    /// of that graph is its triple's first copy without looking for others: no graph below it holds any.
    private lazy var lowestGraphWithQuads: TermID? =
        access.contains(EncodedQuadPattern(graph: .defaultGraph)) ? .defaultGraph : allNamedGraphs.min()
    private lazy var namedGraphSet: Set<TermID> = Set(view.namedGraphs ?? allNamedGraphs)

    /// Terms computed by expressions that the dataset does not hold, indexed by `rawValue - firstQueryLocal`.
    private var localTerms: [Term] = []
    private var localIDs: [Term: TermID] = [:]

    init(access: DatasetAccess, view: DatasetView, deadline: Deadline, functions: FunctionContext, services: [IRI: any ServiceHandler] = [:]) {
        self.access = access
        self.view = view
        self.deadline = deadline
        self.functions = functions
        self.services = services
    }

    // MARK: Terms and IDs

    /// The ID of a term, issuing a query-local one when the dataset lacks it. A term the dataset holds always gets the
    /// dataset's ID, so computed values join with stored ones by integer comparison.
    func id(for term: Term) -> TermID {
        if let id = access.id(of: term) { return id }
        if let id = localIDs[term] { return id }
        let id = TermID(rawValue: TermID.firstQueryLocal.rawValue + UInt32(localTerms.count))
        localTerms.append(term)
        localIDs[term] = id
        return id
    }

    /// The term behind a dataset or query-local ID.
    @inline(__always)
    func term(for id: TermID) -> Term {
        if id >= .firstQueryLocal { return localTerms[Int(id.rawValue - TermID.firstQueryLocal.rawValue)] }
        return access.term(for: id)
    }

    /// The spelling of the term behind a dataset or query-local ID, read in place where the dataset stores bytes.
    func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void) {
        if id >= .firstQueryLocal { return localTerms[Int(id.rawValue - TermID.firstQueryLocal.rawValue)].withSpelling(body) }
        access.withSpelling(of: id, body)
    }

    // MARK: Graphs

    /// The named graphs `GRAPH ?g` ranges over.
    var namedGraphList: [TermID] { view.namedGraphs ?? allNamedGraphs }

    /// Whether `id` is one of the dataset's named graphs.
    func isNamedGraph(_ id: TermID) -> Bool {
        guard id != .defaultGraph, id.isBound else { return false }
        if view.namedGraphs != nil { return namedGraphSet.contains(id) }
        if id.isQueryLocal { return false }
        return access.contains(EncodedQuadPattern(graph: id))
    }

    /// The quads of the query's default graph matching the subject, predicate and object of `pattern`.
    func scanDefaultGraph(_ pattern: EncodedQuadPattern) -> QuadScan {
        var pattern = pattern
        switch view.defaultGraph {
        case .stored:
            pattern.graph = .defaultGraph
            return access.scan(pattern)
        case .allGraphs:
            return AllGraphsScan(access: access, pattern: pattern, lowestGraph: lowestGraphWithQuads ?? .defaultGraph)
        case .merge(let graphs) where graphs.count == 1:
            pattern.graph = graphs[0]
            return access.scan(pattern)
        case .merge(let graphs):
            return MergedGraphsScan(access: access, pattern: pattern, graphs: graphs)
        case .empty:
            return EmptyQuadScan()
        }
    }

    /// The quads of one named graph; the caller has checked that the graph is named.
    func scanGraph(_ graph: TermID, _ pattern: EncodedQuadPattern) -> QuadScan {
        var pattern = pattern
        pattern.graph = graph
        return access.scan(pattern)
    }

    /// The quads of every named graph, each carrying its graph.
    func scanNamedGraphs(_ pattern: EncodedQuadPattern) -> QuadScan {
        NamedGraphsScan(access: access, pattern: pattern, graphs: view.namedGraphs)
    }

    /// Estimated size for the optimiser, for the default graph (`graph == nil`), one graph, or every named graph.
    func estimatedCount(_ pattern: EncodedQuadPattern, in graph: EstimateGraph) -> Int {
        var pattern = pattern
        switch graph {
        case .defaultGraph:
            switch view.defaultGraph {
            case .stored:
                pattern.graph = .defaultGraph
            case .allGraphs:
                pattern.graph = nil
            case .merge(let graphs):
                return graphs.reduce(0) { total, graph in
                    pattern.graph = graph
                    return total + access.estimatedCount(pattern)
                }
            case .empty:
                return 0
            }
        case .named(let id):
            pattern.graph = id
        case .anyNamed:
            pattern.graph = nil
        }
        return access.estimatedCount(pattern)
    }
}

/// Which graph an optimiser estimate is about.
enum EstimateGraph: Hashable {
    case defaultGraph
    case named(TermID)
    case anyNamed
}
