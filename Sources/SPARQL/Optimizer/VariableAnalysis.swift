import RDF

/// Which variables a pattern binds (§18.2.1 in-scope variables, refined): `certain` are bound in every solution,
/// `possible` in at least one. Sound but not complete: a variable in `certain` is always bound.
struct VariableBindings: Equatable {
    var certain: Set<Variable> = []
    var possible: Set<Variable> = []

    /// A join's: bound by either side.
    consuming func joined(with other: VariableBindings) -> VariableBindings {
        var result = consume self
        result.certain.formUnion(other.certain)
        result.possible.formUnion(other.possible)
        return result
    }

    /// A left join's: the left side's, and possibly the optional side's.
    consuming func leftJoined(with optional: VariableBindings) -> VariableBindings {
        var result = consume self
        result.possible.formUnion(optional.possible)
        return result
    }

    /// A union's: certain only if bound on both sides.
    consuming func united(with other: VariableBindings) -> VariableBindings {
        var result = consume self
        result.certain.formIntersection(other.certain)
        result.possible.formUnion(other.possible)
        return result
    }
}

extension GraphPattern {
    /// What the pattern's solutions bind; see `VariableBindings`.
    ///
    /// Linear in the size of the pattern: each level adds its own variables to its left (or only) operand's sets in
    /// place, never copying them. Passes over a tree that need this at every node (the optimiser's join strategies,
    /// the planner) carry it bottom-up with the same combinators instead of asking each node, which would cost n² on a
    /// chain.
    var variableBindings: VariableBindings {
        switch self {
        case .bgp, .path, .values:
            return leafBindings
        case .join(let left, let right, _):
            return left.variableBindings.joined(with: right.variableBindings)
        case .leftJoin(let left, let right, _, _):
            return left.variableBindings.leftJoined(with: right.variableBindings)
        case .filter(_, let inner), .orderBy(let inner, _), .distinct(let inner), .reduced(let inner), .slice(let inner, _, _),
            .minus(let inner, _):
            return inner.variableBindings
        case .union(let left, let right):
            return left.variableBindings.united(with: right.variableBindings)
        case .graph, .extend, .project, .group, .service:
            return bindings(wrapping: inner!.variableBindings)
        }
    }

    /// The bindings of a pattern without operands (BGP, path, VALUES).
    var leafBindings: VariableBindings {
        switch self {
        case .bgp(let patterns):
            var variables = Set<Variable>()
            for pattern in patterns { variables.formUnion(pattern.variables) }
            return VariableBindings(certain: variables, possible: variables)
        case .path(let subject, _, let object):
            let variables = Set([subject.variable, object.variable].compactMap { $0 })
            return VariableBindings(certain: variables, possible: variables)
        case .values(let variables, let rows):
            var result = VariableBindings()
            for (index, variable) in variables.enumerated() {
                if rows.contains(where: { $0[index] != nil }) { result.possible.insert(variable) }
                if rows.allSatisfy({ $0[index] != nil }) { result.certain.insert(variable) }
            }
            return result
        default:
            preconditionFailure("leafBindings of a pattern with operands")
        }
    }

    /// The only operand of GRAPH, BIND, a projection, a grouping or SERVICE.
    private var inner: GraphPattern? {
        switch self {
        case .graph(_, let inner), .extend(let inner, _, _), .project(let inner, _), .group(let inner, _, _), .service(_, let inner, _):
            inner
        default: nil
        }
    }

    /// The bindings of this one-operand pattern (GRAPH, BIND, projection, grouping, SERVICE, and those that keep their
    /// operand's: FILTER, MINUS's left, modifiers) given its operand's.
    func bindings(wrapping operand: consuming VariableBindings) -> VariableBindings {
        var result = consume operand
        switch self {
        case .graph(let name, _):
            if let variable = name.variable {
                result.certain.insert(variable)
                result.possible.insert(variable)
            }
        case .extend(_, let variable, let expression):
            result.possible.insert(variable)
            switch expression {
            case .term: result.certain.insert(variable)
            case .variable(let source) where result.certain.contains(source): result.certain.insert(variable)
            default: break
            }
        case .project(_, let variables):
            let projected = Set(variables)
            result.certain.formIntersection(projected)
            result.possible.formIntersection(projected)
        case .group(_, let variables, let aggregates):
            let keys = Set(variables)
            result = VariableBindings(certain: keys.intersection(result.certain), possible: keys)
            for aggregate in aggregates {
                result.possible.insert(aggregate.variable)
                if aggregate.aggregate.function == .count { result.certain.insert(aggregate.variable) }
            }
        case .service(_, _, let silent):
            if silent { result.certain = [] }
        default:
            break
        }
        return result
    }

    /// Every variable written anywhere in the pattern: in nested EXISTS, in subqueries (even unprojected), in
    /// expressions and graph names. Conservative by design: rewrites that must not touch a variable check this set.
    var mentionedVariables: Set<Variable> {
        var result = Set<Variable>()
        collectMentioned(into: &result)
        return result
    }

    func collectMentioned(into result: inout Set<Variable>) {
        switch self {
        case .bgp(let patterns):
            for pattern in patterns { result.formUnion(pattern.variables) }
        case .path(let subject, _, let object):
            if let v = subject.variable { result.insert(v) }
            if let v = object.variable { result.insert(v) }
        case .join(let a, let b, _), .union(let a, let b), .minus(let a, let b):
            a.collectMentioned(into: &result)
            b.collectMentioned(into: &result)
        case .leftJoin(let a, let b, let filter, _):
            a.collectMentioned(into: &result)
            b.collectMentioned(into: &result)
            filter?.collectMentioned(into: &result)
        case .filter(let expression, let inner):
            expression.collectMentioned(into: &result)
            inner.collectMentioned(into: &result)
        case .graph(let name, let inner), .service(let name, let inner, _):
            if let v = name.variable { result.insert(v) }
            inner.collectMentioned(into: &result)
        case .extend(let inner, let variable, let expression):
            result.insert(variable)
            expression.collectMentioned(into: &result)
            inner.collectMentioned(into: &result)
        case .values(let variables, _):
            result.formUnion(variables)
        case .orderBy(let inner, let comparators):
            inner.collectMentioned(into: &result)
            for comparator in comparators {
                switch comparator {
                case .ascending(let e), .descending(let e): e.collectMentioned(into: &result)
                }
            }
        case .project(let inner, let variables):
            result.formUnion(variables)
            inner.collectMentioned(into: &result)
        case .distinct(let inner), .reduced(let inner), .slice(let inner, _, _):
            inner.collectMentioned(into: &result)
        case .group(let inner, let variables, let aggregates):
            result.formUnion(variables)
            for aggregate in aggregates {
                result.insert(aggregate.variable)
                aggregate.aggregate.expression?.collectMentioned(into: &result)
            }
            inner.collectMentioned(into: &result)
        }
    }

    /// Whether evaluating this pattern with some of `entry` already bound (substituted, as an index nested loop join
    /// does) gives exactly the join of those bindings with its unsubstituted solutions. Only then may a join be
    /// evaluated by substitution. Scoping is what breaks it: a FILTER or BIND reading a variable its own group does
    /// not bind, an OPTIONAL that could bind an entry variable its left side leaves open, MINUS, subqueries.
    func isFitForSubstitution(of entry: Set<Variable>) -> Bool {
        // The pattern's own variables are walked, not `entry` (a long chain's left side): linear down a chain.
        if entry.isEmpty || mentionedVariables.isDisjoint(with: entry) { return true }
        switch self {
        case .bgp, .path, .values:
            return true
        case .join(let a, let b, _), .union(let a, let b):
            return a.isFitForSubstitution(of: entry) && b.isFitForSubstitution(of: entry)
        case .leftJoin(let a, let b, let filter, _):
            guard a.isFitForSubstitution(of: entry), b.isFitForSubstitution(of: entry) else { return false }
            let left = a.variableBindings.certain
            // An entry variable the optional side may bind must already be fixed by the left side.
            guard entry.intersection(b.variableBindings.possible).isSubset(of: left) else { return false }
            guard let filter else { return true }
            return entry.intersection(filter.mentionedVariables).isSubset(of: left)
        case .filter(let expression, let inner):
            return inner.isFitForSubstitution(of: entry)
                && entry.intersection(expression.mentionedVariables).isSubset(of: inner.variableBindings.certain)
        case .extend(let inner, let variable, let expression):
            return !entry.contains(variable) && inner.isFitForSubstitution(of: entry)
                && entry.intersection(expression.mentionedVariables).isSubset(of: inner.variableBindings.certain)
        case .graph(_, let inner):
            return inner.isFitForSubstitution(of: entry)
        case .minus, .orderBy, .project, .distinct, .reduced, .slice, .group, .service:
            return false
        }
    }
}

extension Expression {
    /// Every variable the expression reads, including those written inside EXISTS patterns.
    var mentionedVariables: Set<Variable> {
        var result = Set<Variable>()
        collectMentioned(into: &result)
        return result
    }

    func collectMentioned(into result: inout Set<Variable>) {
        result.formUnion(variables)
        forEachExistsPattern { $0.collectMentioned(into: &result) }
    }

    /// Whether the expression contains EXISTS or NOT EXISTS, whose value depends on the active graph.
    var containsExists: Bool {
        var found = false
        forEachExistsPattern { _ in found = true }
        return found
    }

    /// Calls `body` with the pattern of every EXISTS, outermost first (not descending into the patterns).
    func forEachExistsPattern(_ body: (GraphPattern) -> Void) {
        switch self {
        case .variable, .term, .bound: break
        case .exists(let pattern): body(pattern)
        case .not(let e), .unaryPlus(let e), .unaryMinus(let e): e.forEachExistsPattern(body)
        case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b), .less(let a, let b),
            .lessOrEqual(let a, let b), .greater(let a, let b), .greaterOrEqual(let a, let b), .add(let a, let b),
            .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            a.forEachExistsPattern(body)
            b.forEachExistsPattern(body)
        case .in(let e, let list), .notIn(let e, let list):
            e.forEachExistsPattern(body)
            for item in list { item.forEachExistsPattern(body) }
        case .if(let a, let b, let c):
            a.forEachExistsPattern(body)
            b.forEachExistsPattern(body)
            c.forEachExistsPattern(body)
        case .coalesce(let list), .builtIn(_, let list), .function(_, let list):
            for item in list { item.forEachExistsPattern(body) }
        }
    }

    /// The expression with every EXISTS pattern replaced by `transform(pattern)`.
    func mappingExistsPatterns(_ transform: (GraphPattern) -> GraphPattern) -> Expression {
        guard containsExists else { return self }
        func map(_ e: Expression) -> Expression { e.mappingExistsPatterns(transform) }
        switch self {
        case .variable, .term, .bound: return self
        case .exists(let pattern): return .exists(transform(pattern))
        case .not(let e): return .not(map(e))
        case .unaryPlus(let e): return .unaryPlus(map(e))
        case .unaryMinus(let e): return .unaryMinus(map(e))
        case .or(let a, let b): return .or(map(a), map(b))
        case .and(let a, let b): return .and(map(a), map(b))
        case .equal(let a, let b): return .equal(map(a), map(b))
        case .notEqual(let a, let b): return .notEqual(map(a), map(b))
        case .less(let a, let b): return .less(map(a), map(b))
        case .lessOrEqual(let a, let b): return .lessOrEqual(map(a), map(b))
        case .greater(let a, let b): return .greater(map(a), map(b))
        case .greaterOrEqual(let a, let b): return .greaterOrEqual(map(a), map(b))
        case .add(let a, let b): return .add(map(a), map(b))
        case .subtract(let a, let b): return .subtract(map(a), map(b))
        case .multiply(let a, let b): return .multiply(map(a), map(b))
        case .divide(let a, let b): return .divide(map(a), map(b))
        case .in(let e, let list): return .in(map(e), list.map(map))
        case .notIn(let e, let list): return .notIn(map(e), list.map(map))
        case .if(let a, let b, let c): return .if(map(a), map(b), map(c))
        case .coalesce(let list): return .coalesce(list.map(map))
        case .builtIn(let f, let list): return .builtIn(f, list.map(map))
        case .function(let f, let list): return .function(f, list.map(map))
        }
    }

    /// The operands of a chain of `&&`, left to right: a filter on their conjunction is a filter on each in turn.
    /// Walks with a stack of its own: a chain of thousands of `&&` is linear (concatenating the halves' arrays at each
    /// level was quadratic, 6 s for 9,000 conjuncts).
    var conjuncts: [Expression] {
        var result: [Expression] = []
        var pending: [Expression] = [self]
        while let next = pending.popLast() {
            if case .and(let a, let b) = next {
                pending.append(b)
                pending.append(a)
            } else {
                result.append(next)
            }
        }
        return result
    }
}
