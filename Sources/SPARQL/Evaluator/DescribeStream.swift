import RDF

/// DESCRIBE (§16.4): the concise bounded description of each resource named or bound, from the default graph: every
/// triple with the resource as subject, and recursively those of blank-node objects. Each triple is returned once.
final class DescribeStream: TripleStream {
    private struct Key: Hashable {
        var subject: TermID
        var predicate: TermID
        var object: TermID
    }

    private let solutions: SolutionStream
    private let targets: [PatternNode]
    private let context: EvaluationContext
    private var resources: [TermID] = []
    private var expanded = Set<TermID>()
    private var toExpand: [TermID] = []
    private var scan: QuadScan?
    private var emitted = Set<Key>()

    init(solutions: SolutionStream, targets: [TermPattern], planner: Planner) {
        self.solutions = solutions
        context = planner.context
        self.targets = targets.compactMap { target in
            switch target {
            case .variable(let variable): return .slot(planner.slot(variable))
            case .term(let term): return planner.context.access.id(of: term).map(PatternNode.constant)
            }
        }
    }

    override func next() throws(QueryEvaluationError) -> Triple? {
        while true {
            if let scan {
                while let quad = scan.next() {
                    try context.deadline.tick()
                    guard emitted.insert(Key(subject: quad.subject, predicate: quad.predicate, object: quad.object)).inserted else { continue }
                    let object = context.term(for: quad.object)
                    if object.isBlankNode, expanded.insert(quad.object).inserted { toExpand.append(quad.object) }
                    return Triple(context.term(for: quad.subject), context.term(for: quad.predicate), object)
                }
                self.scan = nil
            }
            if let node = toExpand.popLast() {
                scan = context.scanDefaultGraph(EncodedQuadPattern(subject: node))
                continue
            }
            guard try nextResource() else { return nil }
        }
    }

    /// Queues the next resource to describe; false when the solutions are exhausted.
    private func nextResource() throws(QueryEvaluationError) -> Bool {
        while true {
            if let resource = resources.popLast() {
                if resource.isQueryLocal || context.term(for: resource).isLiteral { continue }
                if expanded.insert(resource).inserted { toExpand.append(resource) }
                return true
            }
            guard let row = try solutions.nextRow() else { return false }
            for target in targets.reversed() {
                switch target {
                case .constant(let id): resources.append(id)
                case .slot(let slot) where row[slot].isBound: resources.append(row[slot])
                case .slot: break
                }
            }
        }
    }
}
