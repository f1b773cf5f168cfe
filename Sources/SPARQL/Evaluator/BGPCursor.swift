import RDF

/// A triple pattern position after planning: a term ID, or a variable's slot.
enum PatternNode: Hashable {
    case constant(TermID)
    case slot(Int)
}

/// A triple pattern over IDs.
struct EncodedTriplePattern: Hashable {
    var subject: PatternNode
    var predicate: PatternNode
    var object: PatternNode
}

/// Where the quads of a pattern come from.
enum GraphScope: Hashable {
    /// The query's default graph (possibly a merge, see `DatasetView`).
    case defaultGraph
    /// One named graph, fixed when planning (`GRAPH <iri>`); the enclosing `GraphCursor` checks that it is named.
    case fixed(TermID)
    /// The named graph held in a hidden slot (`GRAPH ?g`): scans use it when it is bound and bind it otherwise.
    case slot(Int)
}

/// A basic graph pattern evaluated as an index nested loop (§18.3.1): one quad scan per triple pattern, depth
/// first, with every variable bound so far substituted into the next scan. Streams; holds one scan per pattern.
final class BGPCursor: Cursor {
    private let patterns: [EncodedTriplePattern]
    private let graph: GraphScope
    private let context: EvaluationContext
    private let deadline: Deadline

    private var row: Row = []
    private var scans: [QuadScan]
    /// Per level, the (quad position, slot) pairs that the level's quads bind: 0 subject, 1 predicate, 2 object, 3 graph.
    private var bindings: [[(position: Int, slot: Int)]]
    private var level = -1

    init(patterns: [EncodedTriplePattern], graph: GraphScope, context: EvaluationContext) {
        precondition(!patterns.isEmpty, "an empty BGP is a SingleCursor")
        self.patterns = patterns
        self.graph = graph
        self.context = context
        deadline = context.deadline
        scans = Array(repeating: EmptyQuadScan(), count: patterns.count)
        bindings = Array(repeating: [], count: patterns.count)
        for index in bindings.indices { bindings[index].reserveCapacity(4) }
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        row.overwrite(with: input)
        level = 0
        openLevel(0)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        let last = patterns.count - 1
        while level >= 0 {
            try deadline.tick()
            guard let quad = scans[level].next() else {
                unbind(level)
                level -= 1
                continue
            }
            unbind(level)
            guard bind(quad, level: level) else { continue }
            if level == last { return row }
            level += 1
            openLevel(level)
        }
        return nil
    }

    @inline(__always)
    private func unbind(_ level: Int) {
        for binding in bindings[level] { row[binding.slot] = .unbound }
    }

    /// Binds the level's variables from `quad`; false when a variable repeated within the pattern disagrees.
    @inline(__always)
    private func bind(_ quad: EncodedQuad, level: Int) -> Bool {
        for (position, slot) in bindings[level] {
            let value: TermID
            switch position {
            case 0: value = quad.subject
            case 1: value = quad.predicate
            case 2: value = quad.object
            default: value = quad.graph
            }
            let current = row[slot]
            if !current.isBound {
                row[slot] = value
            } else if current != value {
                return false
            }
        }
        return true
    }

    /// Starts the scan for `level` with everything bound so far substituted.
    private func openLevel(_ level: Int) {
        bindings[level].removeAll(keepingCapacity: true)
        let pattern = patterns[level]
        var unmatchable = false
        func resolve(_ node: PatternNode, _ position: Int) -> TermID? {
            switch node {
            case .constant(let id):
                return id
            case .slot(let slot):
                let value = row[slot]
                if value.isBound {
                    // A computed term the dataset lacks matches no quad.
                    if value.isQueryLocal { unmatchable = true }
                    return value
                }
                bindings[level].append((position, slot))
                return nil
            }
        }
        let quadPattern = EncodedQuadPattern(
            subject: resolve(pattern.subject, 0), predicate: resolve(pattern.predicate, 1), object: resolve(pattern.object, 2))
        let scan: QuadScan
        switch graph {
        case .defaultGraph:
            scan = context.scanDefaultGraph(quadPattern)
        case .fixed(let id):
            scan = context.scanGraph(id, quadPattern)
        case .slot(let slot):
            let value = row[slot]
            if value.isBound {
                // Bound by an earlier scan of the named graphs, or by a GraphCursor that checked it is named.
                scan = context.scanGraph(value, quadPattern)
            } else {
                bindings[level].append((3, slot))
                scan = context.scanNamedGraphs(quadPattern)
            }
        }
        scans[level] = unmatchable ? EmptyQuadScan() : scan
    }
}
