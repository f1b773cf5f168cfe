import RDF

/// Moving one filter conjunct into a pattern, where §18.5 allows it.
///
/// `Filter(c, P)` equals a rewrite of P only if every variable c reads (EXISTS patterns included) has, where the
/// filter lands, the value it has in P's solutions. The rules below are the cases where that holds for any data.
enum FilterPushdown {
    /// `pattern` with `condition` moved inside it, or `nil` when it has to stay above.
    static func push(_ condition: Expression, into pattern: GraphPattern) -> GraphPattern? {
        let variables = condition.mentionedVariables
        switch pattern {
        case .union(let a, let b):
            // Filter(c, Union(A, B)) = Union(Filter(c, A), Filter(c, B)): each row is tested on its own.
            return .union(.filter(condition, a), .filter(condition, b))
        case .leftJoin(let a, let b, let filter, _):
            // Rows of the left join extend rows of A; a variable keeps A's value if A always binds it, or if the
            // optional side never does. Never into B: that would turn "no match" into "unfiltered row".
            let left = a.variableBindings.certain
            let right = b.variableBindings.possible
            guard variables.allSatisfy({ left.contains($0) || !right.contains($0) }) else { return nil }
            return .leftJoin(.filter(condition, a), b, filter: filter)
        case .minus(let a, let b):
            // MINUS returns some of A's rows unchanged.
            return .minus(.filter(condition, a), b)
        case .extend(let inner, let variable, let expression):
            guard !variables.contains(variable) else { return nil }
            return .extend(.filter(condition, inner), variable: variable, expression: expression)
        case .graph(let name, let inner):
            // EXISTS depends on the active graph, and the graph variable is bound by GRAPH itself.
            guard !condition.containsExists, name.variable.map({ !variables.contains($0) }) ?? true else { return nil }
            return .graph(name: name, .filter(condition, inner))
        case .project(let inner, let projected):
            // Inside a subquery, only projected names denote the same variables.
            guard variables.isSubset(of: projected) else { return nil }
            return .project(.filter(condition, inner), projected)
        case .orderBy(let inner, let comparators):
            return .orderBy(.filter(condition, inner), comparators)
        case .distinct(let inner):
            return .distinct(.filter(condition, inner))
        case .reduced(let inner):
            return .reduced(.filter(condition, inner))
        case .filter(let other, let inner):
            return .filter(other, .filter(condition, inner))
        case .bgp, .path, .join, .values, .slice, .group, .service:
            return nil
        }
    }

    /// Whether a filter on the join of `inside` with the rest may be evaluated on `inside`'s solutions alone: every
    /// variable it reads is either always bound there (joins keep values) or never bound by the rest.
    static func canApply(_ variables: Set<Variable>, certain inside: Set<Variable>, possibleElsewhere rest: Set<Variable>) -> Bool {
        variables.allSatisfy { inside.contains($0) || !rest.contains($0) }
    }
}
