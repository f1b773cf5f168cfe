import RDF

/// `GRAPH name { … }` (§18.5 Graph): the inner pattern evaluated with a named graph as the active graph.
///
/// For `GRAPH ?g`, the active graph lives in a hidden slot that the inner scans read. When every solution of the
/// inner pattern comes from a scan (it is "anchored"), the scans bind the hidden slot themselves: one pass over
/// all named graphs instead of one evaluation per graph. Otherwise (VALUES, subqueries, `{}` inside) the cursor
/// evaluates the inner pattern once per named graph.
final class GraphCursor: Cursor {
    enum Name {
        case fixed(TermID)
        case variable(slot: Int, hidden: Int, anchored: Bool)
    }

    private let inner: Cursor
    private let name: Name
    private let context: EvaluationContext
    private var input: Row = []
    private var active = false
    private var pendingGraphs: [TermID] = []
    private var graphIndex = 0

    init(_ inner: Cursor, name: Name, context: EvaluationContext) {
        self.inner = inner
        self.name = name
        self.context = context
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        self.input = input
        pendingGraphs = []
        graphIndex = 0
        switch name {
        case .fixed(let graph):
            active = context.isNamedGraph(graph)
            if active { try inner.open(input) }
        case .variable(let slot, let hidden, let anchored):
            let bound = input[slot]
            if bound.isBound {
                active = context.isNamedGraph(bound)
                if active { try openInner(graph: bound, hidden: hidden) }
            } else if anchored {
                active = true
                try inner.open(input)
            } else {
                pendingGraphs = context.namedGraphList
                active = try advance(hidden: hidden)
            }
        }
    }

    private func openInner(graph: TermID, hidden: Int) throws(QueryEvaluationError) {
        var row = input
        row[hidden] = graph
        try inner.open(row)
    }

    /// Opens the inner pattern on the next graph of `pendingGraphs`; false when none is left.
    private func advance(hidden: Int) throws(QueryEvaluationError) -> Bool {
        guard graphIndex < pendingGraphs.count else { return false }
        try openInner(graph: pendingGraphs[graphIndex], hidden: hidden)
        graphIndex += 1
        return true
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        guard active else { return nil }
        switch name {
        case .fixed:
            return try inner.next()
        case .variable(let slot, let hidden, _):
            while true {
                while var row = try inner.next() {
                    let graph = row[hidden]
                    guard graph.isBound else { continue }
                    row[hidden] = .unbound
                    let current = row[slot]
                    if !current.isBound {
                        row[slot] = graph
                    } else if current != graph {
                        continue
                    }
                    return row
                }
                guard !pendingGraphs.isEmpty, try advance(hidden: hidden) else {
                    active = false
                    return nil
                }
            }
        }
    }
}
