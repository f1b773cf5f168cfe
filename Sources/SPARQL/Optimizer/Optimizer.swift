import RDF

/// Rewrites a query's algebra before evaluation (the role of oxigraph's sparopt): orders joins by estimated
/// cardinality, moves filters down to the smallest subpattern that binds what they read, and picks each join's
/// algorithm. Every rewrite preserves the semantics of SPARQL 1.1 §18.5 exactly, including filter scope: a filter
/// only moves where every variable it reads has the same value as where it was, and never into the right side of
/// a left join (an OPTIONAL's own filter conjuncts may move into its right side when they read only variables that
/// side always binds).
struct Optimizer {
    let estimator: CardinalityEstimator
    /// Set when the deadline passes or the budget is exceeded: the rewrite then stops and `optimize` throws.
    private let stop: Stop

    init(context: EvaluationContext) {
        estimator = CardinalityEstimator(context: context)
        stop = Stop(deadline: context.deadline)
    }

    /// The optimised pattern.
    /// - Throws: `.timeout` or `.cancelled` (the query's deadline), `.tooComplex` for a join wider than
    ///   `SPARQLLimits.maximumJoinOperands`.
    func optimize(_ pattern: GraphPattern) throws(QueryEvaluationError) -> GraphPattern {
        let result = chooseJoinStrategies(rewrite(pattern, bound: [], graph: .defaultGraph))
        if let error = stop.error { throw error }
        return result
    }

    /// `pattern` as written, with only the join algorithms chosen (for tests of the planner's operators on an algebra
    /// the rewrite did not reorder).
    func choosingJoinStrategiesOnly(_ pattern: GraphPattern) throws(QueryEvaluationError) -> GraphPattern {
        let result = chooseJoinStrategies(pattern)
        if let error = stop.error { throw error }
        return result
    }

    /// Whether to stop rewriting. A step may walk a whole subtree (`variableBindings`), so each looks at the clock.
    func shouldStop() -> Bool {
        if stop.error != nil { return true }
        do {
            try stop.deadline.check()
        } catch {
            stop.error = error
        }
        return stop.error != nil
    }

    /// Stops the rewrite for a join too wide to order.
    func refuse(joinOf count: Int) {
        stop.error = .tooComplex("a group joins \(count) patterns; at most \(SPARQLLimits.maximumJoinOperands) can be planned")
    }

    /// - Parameters:
    ///   - bound: variables every input row binds (from an enclosing nested loop), for estimates only.
    ///   - graph: the active graph, for estimates only.
    func rewrite(_ pattern: GraphPattern, bound: Set<Variable>, graph: EstimateGraph) -> GraphPattern {
        if shouldStop() { return pattern }
        switch pattern {
        case .bgp, .join:
            return orderJoin(operands: pattern.joinOperands, filters: [], bound: bound, graph: graph)
        case .filter(let expression, var inner):
            var conjuncts = expression.conjuncts
            while case .filter(let more, let next) = inner {
                conjuncts += more.conjuncts
                inner = next
            }
            switch inner {
            case .bgp, .join:
                return orderJoin(operands: inner.joinOperands, filters: conjuncts, bound: bound, graph: graph)
            default:
                var (result, remaining) = FilterPushdown.push(conjuncts, into: inner)
                result = rewrite(result, bound: bound, graph: graph)
                if shouldStop() { return pattern }
                return wrap(result, in: remaining, bound: { bound.union(result.variableBindings.certain) }, graph: graph)
            }
        case .leftJoin:
            // A chain of OPTIONALs is walked bottom-up with its left side's bindings carried along, so each level costs
            // its own optional side only (asking the whole left side at every level was quadratic).
            var optionals: [(right: GraphPattern, filter: Expression?)] = []
            var base = pattern
            while case .leftJoin(let a, let b, let filter, _) = base {
                optionals.append((b, filter))
                base = a
            }
            var left = rewrite(base, bound: bound, graph: graph)
            var leftBindings = left.variableBindings
            for (b, filter) in optionals.reversed() {
                if shouldStop() { return pattern }
                var right = b
                var kept: [Expression] = []
                let rightBindings = b.variableBindings
                if let filter {
                    // A conjunct reading only variables the optional side always binds filters that side alone.
                    var moved: [Expression] = []
                    for conjunct in filter.conjuncts {
                        if conjunct.mentionedVariables.isSubset(of: rightBindings.certain) { moved.append(conjunct) } else { kept.append(conjunct) }
                    }
                    if let condition = moved.conjunction { right = .filter(condition, right) }
                }
                let rightBound = bound.union(leftBindings.certain)
                right = rewriteRightSide(right, entry: leftBindings.possible, bound: bound, leftBound: rightBound, graph: graph)
                let condition = kept.conjunction.map { rewriteExists(in: $0, bound: rightBound, graph: graph) }
                left = .leftJoin(left, right, filter: condition)
                leftBindings.possible.formUnion(rightBindings.possible)
            }
            return left
        case .union(let a, let b):
            return .union(rewrite(a, bound: bound, graph: graph), rewrite(b, bound: bound, graph: graph))
        case .graph(let name, let inner):
            // Inside GRAPH ?g, ?g itself is not bound (the graph's solutions are joined with it afterwards).
            var innerGraph = EstimateGraph.anyNamed
            if case .term(let term) = name { innerGraph = estimator.id(of: term).map(EstimateGraph.named) ?? .anyNamed }
            return .graph(name: name, rewrite(inner, bound: bound, graph: innerGraph))
        case .extend(let inner, let variable, let expression):
            let rewritten = rewrite(inner, bound: bound, graph: graph)
            guard expression.containsExists, !shouldStop() else { return .extend(rewritten, variable: variable, expression: expression) }
            let expression = rewriteExists(in: expression, bound: bound.union(rewritten.variableBindings.certain), graph: graph)
            return .extend(rewritten, variable: variable, expression: expression)
        case .minus(let a, let b):
            return .minus(rewrite(a, bound: bound, graph: graph), rewrite(b, bound: bound, graph: graph))
        case .values, .path, .service:
            return pattern
        case .orderBy(let inner, let comparators):
            return .orderBy(rewrite(inner, bound: bound, graph: graph), comparators)
        case .project(let inner, let variables):
            return .project(rewrite(inner, bound: bound.intersection(variables), graph: graph), variables)
        case .distinct(let inner):
            return .distinct(rewrite(inner, bound: bound, graph: graph))
        case .reduced(let inner):
            return .reduced(rewrite(inner, bound: bound, graph: graph))
        case .slice(let inner, let offset, let limit):
            return .slice(rewrite(inner, bound: bound, graph: graph), offset: offset, limit: limit)
        case .group(let inner, let variables, let aggregates):
            return .group(rewrite(inner, bound: [], graph: graph), variables: variables, aggregates: aggregates)
        }
    }

    /// Optimises the patterns of EXISTS inside an expression; they run with the current solution substituted.
    func rewriteExists(in expression: Expression, bound: Set<Variable>, graph: EstimateGraph) -> Expression {
        expression.mappingExistsPatterns { rewrite($0, bound: bound, graph: graph) }
    }

    /// `pattern` filtered by each expression in turn (their EXISTS patterns optimised). `bound` is only worked out
    /// for a filter with EXISTS: it is an analysis of the whole pattern.
    func wrap(_ pattern: GraphPattern, in filters: [Expression], bound: () -> Set<Variable>, graph: EstimateGraph) -> GraphPattern {
        guard let condition = filters.conjunction else { return pattern }
        guard condition.containsExists else { return .filter(condition, pattern) }
        return .filter(rewriteExists(in: condition, bound: bound(), graph: graph), pattern)
    }

    func wrap(_ pattern: GraphPattern, in filters: [Expression], bound: Set<Variable>, graph: EstimateGraph) -> GraphPattern {
        wrap(pattern, in: filters, bound: { bound }, graph: graph)
    }
}

extension GraphPattern {
    /// The operands of a tree of joins, with basic graph patterns split into single triple patterns (a BGP is the
    /// join of its triples) and empty BGPs (the join identity) dropped.
    var joinOperands: [GraphPattern] {
        var operands: [GraphPattern] = []
        collectJoinOperands(into: &operands)
        return operands
    }

    private func collectJoinOperands(into operands: inout [GraphPattern]) {
        switch self {
        case .join(let a, let b, _):
            a.collectJoinOperands(into: &operands)
            b.collectJoinOperands(into: &operands)
        case .bgp(let patterns): operands += patterns.map { .bgp([$0]) }
        default: operands.append(self)
        }
    }

    var isBGP: Bool { if case .bgp = self { true } else { false } }

    var isValues: Bool { if case .values = self { true } else { false } }

    /// The single triple pattern of a one-triple BGP.
    var singleTriple: TriplePattern? {
        if case .bgp(let patterns) = self, patterns.count == 1 { return patterns[0] }
        return nil
    }
}

extension [Expression] {
    /// The `&&` of the expressions, or `nil` for none.
    var conjunction: Expression? {
        guard var result = first else { return nil }
        for next in dropFirst() { result = .and(result, next) }
        return result
    }
}

/// The optimiser's stop signal, shared by the copies of the (value-type) optimiser in one run.
private final class Stop {
    let deadline: Deadline
    var error: QueryEvaluationError?

    init(deadline: Deadline) { self.deadline = deadline }
}
