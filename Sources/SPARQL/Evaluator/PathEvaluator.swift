import RDF

/// A property path after planning: predicates as IDs (`nil` when the dataset lacks the IRI, so no triple has it).
indirect enum CompiledPath {
    case predicate(TermID?)
    case inverse(CompiledPath)
    case sequence(CompiledPath, CompiledPath)
    case alternative(CompiledPath, CompiledPath)
    case zeroOrMore(CompiledPath)
    case oneOrMore(CompiledPath)
    case zeroOrOne(CompiledPath)
    /// `!(…)`: the excluded predicates of each direction; `nil` when the set has no member in that direction.
    case negated(forward: Set<TermID>?, inverse: Set<TermID>?)

    /// Whether the path matches zero-length paths, so its candidates are all the nodes of the graph. `(p?)+` does when
    /// `p?` does. The right operand is looked at first: the parser nests chains to the left, so a chain of `/` is
    /// answered at its last step.
    var matchesZeroLength: Bool {
        switch self {
        case .zeroOrMore, .zeroOrOne: true
        case .predicate, .negated: false
        case .inverse(let p), .oneOrMore(let p): p.matchesZeroLength
        case .sequence(let a, let b): b.matchesZeroLength && a.matchesZeroLength
        case .alternative(let a, let b): b.matchesZeroLength || a.matchesZeroLength
        }
    }
}

/// The graph one path evaluation walks.
enum PathGraph: Hashable {
    case defaultGraph
    case named(TermID)
}

/// Walks property paths (§18.5 ALP and friends): sequences and alternatives keep duplicates, as the BGPs they stand
/// for would; `*`, `+` and `?` return distinct nodes, and the closures are cycle-safe (each node is expanded once).
final class PathEvaluator {
    private let context: EvaluationContext
    private let deadline: Deadline

    init(context: EvaluationContext) {
        self.context = context
        deadline = context.deadline
    }

    private func scan(_ pattern: EncodedQuadPattern, _ graph: PathGraph) -> QuadScan {
        switch graph {
        case .defaultGraph: context.scanDefaultGraph(pattern)
        case .named(let id): context.scanGraph(id, pattern)
        }
    }

    /// Appends the nodes reachable from `node` by `path` (walking it backwards when `forward` is false), with the
    /// multiplicity §18.5 gives each.
    func ends(_ path: CompiledPath, from node: TermID, forward: Bool, in graph: PathGraph, into result: inout [TermID])
        throws(QueryEvaluationError)
    {
        switch path {
        case .predicate(let predicate):
            guard let predicate, !node.isQueryLocal else { return }
            let quads = scan(
                forward ? EncodedQuadPattern(subject: node, predicate: predicate) : EncodedQuadPattern(predicate: predicate, object: node), graph)
            while let quad = quads.next() {
                try deadline.tick()
                result.append(forward ? quad.object : quad.subject)
            }
        case .inverse(let inner):
            try ends(inner, from: node, forward: !forward, in: graph, into: &result)
        case .sequence(let first, let second):
            let (a, b) = forward ? (first, second) : (second, first)
            var middle: [TermID] = []
            try ends(a, from: node, forward: forward, in: graph, into: &middle)
            for step in middle { try ends(b, from: step, forward: forward, in: graph, into: &result) }
        case .alternative(let a, let b):
            try ends(a, from: node, forward: forward, in: graph, into: &result)
            try ends(b, from: node, forward: forward, in: graph, into: &result)
        case .zeroOrOne(let inner):
            var seen: Set<TermID> = [node]
            result.append(node)
            var step: [TermID] = []
            try ends(inner, from: node, forward: forward, in: graph, into: &step)
            for next in step where seen.insert(next).inserted { result.append(next) }
        case .zeroOrMore(let inner):
            try closure(inner, from: node, forward: forward, includeStart: true, in: graph, into: &result)
        case .oneOrMore(let inner):
            try closure(inner, from: node, forward: forward, includeStart: false, in: graph, into: &result)
        case .negated(let excludedForward, let excludedInverse):
            guard !node.isQueryLocal else { return }
            // Forward members are walked in the path's direction, inverse members against it.
            if let excluded = excludedForward {
                try negatedStep(from: node, outgoing: forward, excluding: excluded, in: graph, into: &result)
            }
            if let excluded = excludedInverse {
                try negatedStep(from: node, outgoing: !forward, excluding: excluded, in: graph, into: &result)
            }
        }
    }

    private func negatedStep(from node: TermID, outgoing: Bool, excluding excluded: Set<TermID>, in graph: PathGraph, into result: inout [TermID])
        throws(QueryEvaluationError)
    {
        let quads = scan(outgoing ? EncodedQuadPattern(subject: node) : EncodedQuadPattern(object: node), graph)
        while let quad = quads.next() {
            try deadline.tick()
            if !excluded.contains(quad.predicate) { result.append(outgoing ? quad.object : quad.subject) }
        }
    }

    /// Breadth-first transitive closure: every node reachable in one or more steps (and `node` itself if
    /// `includeStart`), each once.
    private func closure(
        _ path: CompiledPath, from node: TermID, forward: Bool, includeStart: Bool, in graph: PathGraph, into result: inout [TermID]
    ) throws(QueryEvaluationError) {
        var visited = Set<TermID>()
        if includeStart {
            visited.insert(node)
            result.append(node)
        }
        var frontier = [node]
        var expanded: Set<TermID> = [node]
        var step: [TermID] = []
        while !frontier.isEmpty {
            var next: [TermID] = []
            for current in frontier {
                step.removeAll(keepingCapacity: true)
                try ends(path, from: current, forward: forward, in: graph, into: &step)
                for reached in step {
                    try deadline.tick()
                    if visited.insert(reached).inserted { result.append(reached) }
                    if expanded.insert(reached).inserted { next.append(reached) }
                }
            }
            frontier = next
        }
    }

    /// Whether `node` is the subject or object of a triple in `graph`.
    func isNode(_ node: TermID, of graph: PathGraph) -> Bool {
        guard !node.isQueryLocal else { return false }
        return scan(EncodedQuadPattern(subject: node), graph).next() != nil || scan(EncodedQuadPattern(object: node), graph).next() != nil
    }

    /// The nodes a walk with both ends open starts from, each once: for paths that match zero-length paths every
    /// node of the graph (subjects and objects, literals included, §18.5 "ALP"), otherwise the possible first steps.
    func startNodes(_ path: CompiledPath, forward: Bool, in graph: PathGraph) throws(QueryEvaluationError) -> [TermID] {
        var seen = Set<TermID>()
        var result: [TermID] = []
        try collectStarts(path, forward: forward, in: graph, seen: &seen, into: &result)
        return result
    }

    private func collectStarts(_ path: CompiledPath, forward: Bool, in graph: PathGraph, seen: inout Set<TermID>, into result: inout [TermID])
        throws(QueryEvaluationError)
    {
        if path.matchesZeroLength {
            try collectQuads(EncodedQuadPattern(), graph, seen: &seen, into: &result, subjects: true, objects: true)
            return
        }
        try collectFirstSteps(path, forward: forward, in: graph, seen: &seen, into: &result)
    }

    /// The first steps of `path`, which matches no zero-length path. Nor do the alternatives, inverse or closure inside
    /// it, so only a sequence's first part is asked again: asking at every level was quadratic in a chain of `|`.
    private func collectFirstSteps(
        _ path: CompiledPath, forward: Bool, in graph: PathGraph, seen: inout Set<TermID>, into result: inout [TermID]
    ) throws(QueryEvaluationError) {
        try deadline.tick()
        switch path {
        case .predicate(let predicate):
            guard let predicate else { return }
            try collectQuads(EncodedQuadPattern(predicate: predicate), graph, seen: &seen, into: &result, subjects: forward, objects: !forward)
        case .inverse(let inner):
            try collectFirstSteps(inner, forward: !forward, in: graph, seen: &seen, into: &result)
        case .sequence(let a, let b):
            try collectStarts(forward ? a : b, forward: forward, in: graph, seen: &seen, into: &result)
        case .alternative(let a, let b):
            try collectFirstSteps(a, forward: forward, in: graph, seen: &seen, into: &result)
            try collectFirstSteps(b, forward: forward, in: graph, seen: &seen, into: &result)
        case .oneOrMore(let inner):
            try collectFirstSteps(inner, forward: forward, in: graph, seen: &seen, into: &result)
        case .negated(let excludedForward, let excludedInverse):
            let subjects = (excludedForward != nil && forward) || (excludedInverse != nil && !forward)
            let objects = (excludedForward != nil && !forward) || (excludedInverse != nil && forward)
            try collectQuads(EncodedQuadPattern(), graph, seen: &seen, into: &result, subjects: subjects, objects: objects)
        case .zeroOrMore, .zeroOrOne:
            break
        }
    }

    private func collectQuads(
        _ pattern: EncodedQuadPattern, _ graph: PathGraph, seen: inout Set<TermID>, into result: inout [TermID], subjects: Bool, objects: Bool
    ) throws(QueryEvaluationError) {
        let quads = scan(pattern, graph)
        while let quad = quads.next() {
            try deadline.tick()
            if subjects, seen.insert(quad.subject).inserted { result.append(quad.subject) }
            if objects, seen.insert(quad.object).inserted { result.append(quad.object) }
        }
    }
}
