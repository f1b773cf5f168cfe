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
        if shouldStop() { return pattern }
        func choose(_ pattern: GraphPattern) -> GraphPattern { chooseJoinStrategies(pattern) }
        func inExists(_ expression: Expression) -> Expression { expression.mappingExistsPatterns(choose) }
        switch pattern {
        case .bgp, .path, .values, .service:
            return pattern
        case .join(let a, let b, _):
            let (left, right) = (choose(a), choose(b))
            return .join(left, right, strategy: Self.strategy(for: right, after: left))
        case .leftJoin(let a, let b, let filter, _):
            let (left, right) = (choose(a), choose(b))
            return .leftJoin(left, right, filter: filter.map(inExists), strategy: Self.strategy(for: right, after: left))
        case .filter(let expression, let inner):
            return .filter(inExists(expression), choose(inner))
        case .union(let a, let b):
            return .union(choose(a), choose(b))
        case .graph(let name, let inner):
            return .graph(name: name, choose(inner))
        case .extend(let inner, let variable, let expression):
            return .extend(choose(inner), variable: variable, expression: inExists(expression))
        case .minus(let a, let b):
            return .minus(choose(a), choose(b))
        case .orderBy(let inner, let comparators):
            return .orderBy(choose(inner), comparators)
        case .project(let inner, let variables):
            return .project(choose(inner), variables)
        case .distinct(let inner):
            return .distinct(choose(inner))
        case .reduced(let inner):
            return .reduced(choose(inner))
        case .slice(let inner, let offset, let limit):
            return .slice(choose(inner), offset: offset, limit: limit)
        case .group(let inner, let variables, let aggregates):
            return .group(choose(inner), variables: variables, aggregates: aggregates)
        }
    }

    /// How `right` is joined to `left` (see `chooseJoinStrategies`).
    static func strategy(for right: GraphPattern, after left: GraphPattern) -> JoinStrategy {
        let entry = left.variableBindings.possible
        guard right.isFitForSubstitution(of: entry) else { return .hash }
        // A cartesian product re-evaluates a nested loop's right side for every left row: only worth it when that
        // side is a single scan or inline data.
        let connected = !right.mentionedVariables.isDisjoint(with: entry)
        let cheap = right.singleTriple != nil || right.isValues
        return connected || cheap ? .nestedLoop : .hash
    }
}
