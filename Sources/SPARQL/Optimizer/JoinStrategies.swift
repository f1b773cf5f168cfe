import RDF

extension Optimizer {
    /// `pattern` with the algorithm of every join and left join chosen: the one place that choice is made (the planner
    /// only follows `strategy`). Runs after the rewrite, over its final shape, and also alone on an algebra that is not
    /// rewritten.
    ///
    /// A right side is substituted into (index nested loop) when that gives the same answer as §18.5's join
    /// (`isFitForSubstitution`) and pays: it shares a variable with the left side, so each evaluation is a narrowed
    /// scan, or it is a single scan or inline data. Otherwise it is hashed: evaluated once.
    func chooseJoinStrategies(_ pattern: GraphPattern) -> GraphPattern {
        choosingJoinStrategies(pattern).pattern
    }

    /// `chooseJoinStrategies`, with the result's `variableBindings` carried up from the operands: each join needs its
    /// left side's, and asking a chain's left side at every level cost n².
    private func choosingJoinStrategies(_ pattern: GraphPattern) -> (pattern: GraphPattern, bindings: VariableBindings) {
        if shouldStop() { return (pattern, VariableBindings()) }
        func choose(_ pattern: GraphPattern) -> GraphPattern { chooseJoinStrategies(pattern) }
        func inExists(_ expression: Expression) -> Expression { expression.mappingExistsPatterns(choose) }
        func wrapping(_ inner: GraphPattern, _ make: (GraphPattern) -> GraphPattern) -> (pattern: GraphPattern, bindings: VariableBindings) {
            let (chosen, bindings) = choosingJoinStrategies(inner)
            let result = make(chosen)
            return (result, result.bindings(wrapping: consume bindings))
        }
        switch pattern {
        case .bgp, .path, .values:
            return (pattern, pattern.leafBindings)
        case .service(_, let inner, _):
            return (pattern, pattern.bindings(wrapping: inner.variableBindings))
        case .join(let a, let b, _):
            let (left, leftBindings) = choosingJoinStrategies(a)
            let (right, rightBindings) = choosingJoinStrategies(b)
            let strategy = Self.strategy(for: right, entry: leftBindings.possible)
            return (.join(left, right, strategy: strategy), (consume leftBindings).joined(with: rightBindings))
        case .leftJoin(let a, let b, let filter, _):
            let (left, leftBindings) = choosingJoinStrategies(a)
            let (right, rightBindings) = choosingJoinStrategies(b)
            let strategy = Self.strategy(for: right, entry: leftBindings.possible)
            return (.leftJoin(left, right, filter: filter.map(inExists), strategy: strategy), (consume leftBindings).leftJoined(with: rightBindings))
        case .filter(let expression, let inner):
            return wrapping(inner) { .filter(inExists(expression), $0) }
        case .union(let a, let b):
            let (left, leftBindings) = choosingJoinStrategies(a)
            let (right, rightBindings) = choosingJoinStrategies(b)
            return (.union(left, right), (consume leftBindings).united(with: rightBindings))
        case .graph(let name, let inner):
            return wrapping(inner) { .graph(name: name, $0) }
        case .extend(let inner, let variable, let expression):
            return wrapping(inner) { .extend($0, variable: variable, expression: inExists(expression)) }
        case .minus(let a, let b):
            let (left, leftBindings) = choosingJoinStrategies(a)
            return (.minus(left, choose(b)), leftBindings)
        case .orderBy(let inner, let comparators):
            return wrapping(inner) { .orderBy($0, comparators) }
        case .project(let inner, let variables):
            return wrapping(inner) { .project($0, variables) }
        case .distinct(let inner):
            return wrapping(inner) { .distinct($0) }
        case .reduced(let inner):
            return wrapping(inner) { .reduced($0) }
        case .slice(let inner, let offset, let limit):
            return wrapping(inner) { .slice($0, offset: offset, limit: limit) }
        case .group(let inner, let variables, let aggregates):
            return wrapping(inner) { .group($0, variables: variables, aggregates: aggregates) }
        }
    }

    /// How `right` is joined to `left` (see `chooseJoinStrategies`).
    /// How `right` is joined to a left side that may bind `entry`.
    static func strategy(for right: GraphPattern, entry: Set<Variable>) -> JoinStrategy {
        guard right.isFitForSubstitution(of: entry) else { return .hash }
        // A cartesian product re-evaluates a nested loop's right side for every left row: only worth it when that
        // side is a single scan or inline data.
        let connected = !right.mentionedVariables.isDisjoint(with: entry)
        let cheap = right.singleTriple != nil || right.isValues
        return connected || cheap ? .nestedLoop : .hash
    }
}
