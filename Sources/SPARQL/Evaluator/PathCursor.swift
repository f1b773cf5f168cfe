import RDF

/// `subject path object` (§18.5 path operators): walks from whichever end is bound, or from every candidate start
/// node when neither is. Keeps the end nodes of one start node at a time; `GRAPH ?g` with `?g` open walks each named
/// graph in turn (closures never cross graphs).
final class PathCursor: Cursor {
    private let subject: PatternNode
    private let object: PatternNode
    private let path: CompiledPath
    /// `path.matchesZeroLength`, asked once rather than for each input row (it walks the whole path).
    private let matchesZeroLength: Bool
    private let graph: GraphScope
    private let walker: PathEvaluator
    private let context: EvaluationContext

    private var row: Row = []
    private var result: Row = []
    private var graphs: [PathGraph] = []
    private var graphIndex = 0
    /// The hidden graph slot to bind, when iterating the named graphs for `GRAPH ?g`.
    private var graphSlot: Int?
    private var forward = true
    private var starts: [TermID] = []
    private var startIndex = 0
    private var currentStart = TermID.unbound
    private var ends: [TermID] = []
    private var endIndex = 0

    init(subject: PatternNode, path: CompiledPath, object: PatternNode, graph: GraphScope, walker: PathEvaluator, context: EvaluationContext) {
        self.subject = subject
        self.object = object
        self.path = path
        matchesZeroLength = path.matchesZeroLength
        self.graph = graph
        self.walker = walker
        self.context = context
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        row = input
        graphSlot = nil
        switch graph {
        case .defaultGraph:
            graphs = [.defaultGraph]
        case .fixed(let id):
            graphs = [.named(id)]
        case .slot(let slot):
            if input[slot].isBound {
                graphs = [.named(input[slot])]
            } else {
                graphs = context.namedGraphList.map(PathGraph.named)
                graphSlot = slot
            }
        }
        graphIndex = 0
        try prepareGraph()
    }

    private func value(_ node: PatternNode) -> TermID {
        switch node {
        case .constant(let id): id
        case .slot(let slot): row[slot]
        }
    }

    /// Chooses the walk's direction and start nodes in the current graph.
    ///
    /// A walk starts from a constant end when there is one. A start node that came from a variable's binding (a
    /// nested loop or EXISTS substituted it) must be a node of the graph for zero-length paths to match it: the
    /// path's own variables range over the graph's nodes only (W3C property-path `values_and_path`); a constant in
    /// the query matches itself whether or not the graph has it.
    private func prepareGraph() throws(QueryEvaluationError) {
        starts = []
        startIndex = 0
        ends = []
        endIndex = 0
        guard graphIndex < graphs.count else { return }
        let graph = graphs[graphIndex]
        let (s, o) = (value(subject), value(object))
        let start: TermID
        let fromVariable: Bool
        if s.isBound && (!o.isBound || subject.isConstant || !object.isConstant) {
            (forward, start, fromVariable) = (true, s, !subject.isConstant)
        } else if o.isBound {
            (forward, start, fromVariable) = (false, o, !object.isConstant)
        } else {
            forward = true
            starts = try walker.startNodes(path, forward: true, in: graph)
            return
        }
        if fromVariable && matchesZeroLength && !walker.isNode(start, of: graph) { return }
        starts = [start]
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        while graphIndex < graphs.count {
            while endIndex < ends.count {
                let end = ends[endIndex]
                endIndex += 1
                if let result = bind(start: forward ? currentStart : end, end: forward ? end : currentStart) { return result }
            }
            if startIndex < starts.count {
                currentStart = starts[startIndex]
                startIndex += 1
                ends.removeAll(keepingCapacity: true)
                endIndex = 0
                try walker.ends(path, from: currentStart, forward: forward, in: graphs[graphIndex], into: &ends)
                continue
            }
            graphIndex += 1
            try prepareGraph()
        }
        return nil
    }

    /// The input row with the path's ends (and graph) bound, or `nil` when they contradict bound values.
    @inline(__always)
    private func bind(start: TermID, end: TermID) -> Row? {
        result.overwrite(with: row)
        if let graphSlot, case .named(let id) = graphs[graphIndex] { result[graphSlot] = id }
        guard Self.bind(subject, start, in: &result), Self.bind(object, end, in: &result) else { return nil }
        return result
    }

    @inline(__always)
    private static func bind(_ node: PatternNode, _ value: TermID, in row: inout Row) -> Bool {
        switch node {
        case .constant(let id):
            return id == value
        case .slot(let slot):
            let current = row[slot]
            if !current.isBound {
                row[slot] = value
                return true
            }
            return current == value
        }
    }
}

extension PatternNode {
    var isConstant: Bool { if case .constant = self { true } else { false } }
}
