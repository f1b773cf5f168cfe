import RDF

/// Moving one filter conjunct into a pattern, where §18.5 allows it.
///
/// `Filter(c, P)` equals a rewrite of P only if every variable c reads (EXISTS patterns included) has, where the
/// filter lands, the value it has in P's solutions. The rules below are the cases where that holds for any data.
enum FilterPushdown {
    /// `pattern` with those of `conditions` that may move moved inside it (as one conjunction), and the rest.
    ///
    /// The analyses a rule needs (what a left join's sides bind) are made once for all the conditions: one at a time,
    /// a group's thousands of FILTERs over a chain of OPTIONALs walked the chain once per FILTER.
    static func push(_ conditions: [Expression], into pattern: GraphPattern) -> (pattern: GraphPattern, remaining: [Expression]) {
        var moved: [Expression] = []
        var remaining: [Expression] = []
        func partition(_ canMove: (Expression) -> Bool) {
            for condition in conditions {
                if canMove(condition) { moved.append(condition) } else { remaining.append(condition) }
            }
        }
        switch pattern {
        case .union, .minus, .orderBy, .distinct, .reduced, .filter:
            // Union: each row is tested on its own. MINUS returns some of A's rows unchanged. The rest keep rows as they are.
            moved = conditions
        case .leftJoin(let a, let b, _, _):
            // Rows of the left join extend rows of A; a variable keeps A's value if A always binds it, or if the
            // optional side never does. Never into B: that would turn "no match" into "unfiltered row".
            let left = a.variableBindings.certain
            let right = b.variableBindings.possible
            partition { $0.mentionedVariables.allSatisfy { left.contains($0) || !right.contains($0) } }
        case .extend(_, let variable, _):
            partition { !$0.mentionedVariables.contains(variable) }
        case .graph(let name, _):
            // EXISTS depends on the active graph, and the graph variable is bound by GRAPH itself.
            partition { condition in
                !condition.containsExists && (name.variable.map { !condition.mentionedVariables.contains($0) } ?? true)
            }
        case .project(_, let projected):
            // Inside a subquery, only projected names denote the same variables.
            let names = Set(projected)
            partition { $0.mentionedVariables.isSubset(of: names) }
        case .bgp, .path, .join, .values, .slice, .group, .service:
            remaining = conditions
        }
        guard let condition = moved.conjunction else { return (pattern, remaining) }
        let result: GraphPattern
        switch pattern {
        case .union(let a, let b): result = .union(.filter(condition, a), .filter(condition, b))
        case .leftJoin(let a, let b, let filter, _): result = .leftJoin(.filter(condition, a), b, filter: filter)
        case .minus(let a, let b): result = .minus(.filter(condition, a), b)
        case .extend(let inner, let variable, let expression): result = .extend(.filter(condition, inner), variable: variable, expression: expression)
        case .graph(let name, let inner): result = .graph(name: name, .filter(condition, inner))
        case .project(let inner, let projected): result = .project(.filter(condition, inner), projected)
        case .orderBy(let inner, let comparators): result = .orderBy(.filter(condition, inner), comparators)
        case .distinct(let inner): result = .distinct(.filter(condition, inner))
        case .reduced(let inner): result = .reduced(.filter(condition, inner))
        case .filter(let other, let inner): result = .filter(other, .filter(condition, inner))
        case .bgp, .path, .join, .values, .slice, .group, .service: result = pattern
        }
        return (result, remaining)
    }

    /// Whether a filter on the join of `inside` with the rest may be evaluated on `inside`'s solutions alone: every
    /// variable it reads is either always bound there (joins keep values) or never bound by the rest.
    static func canApply(_ variables: Set<Variable>, certain inside: Set<Variable>, possibleElsewhere rest: Set<Variable>) -> Bool {
        variables.allSatisfy { inside.contains($0) || !rest.contains($0) }
    }
}
