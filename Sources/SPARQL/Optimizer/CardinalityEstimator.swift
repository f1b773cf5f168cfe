import RDF

/// Estimates for join ordering, from `QueryableDataset.estimatedCount(matching:)`. Counts are memoised per query:
/// the greedy orderer asks for the same pattern many times.
final class CardinalityEstimator {
    private let context: EvaluationContext
    private var counts: [CountKey: Int] = [:]

    private struct CountKey: Hashable {
        var pattern: EncodedQuadPattern
        var graph: EstimateGraph
    }

    init(context: EvaluationContext) { self.context = context }

    /// The ID of a constant, `nil` if the dataset does not hold it.
    func id(of term: Term) -> TermID? { context.access.id(of: term) }

    /// How many quads match the triple pattern's constants in `graph`; 0 when a constant is not in the dataset.
    func count(_ pattern: TriplePattern, in graph: EstimateGraph) -> Int {
        var encoded = EncodedQuadPattern()
        for (position, node) in [pattern.subject, pattern.predicate, pattern.object].enumerated() {
            guard case .term(let term) = node else { continue }
            guard let id = id(of: term) else { return 0 }
            switch position {
            case 0: encoded.subject = id
            case 1: encoded.predicate = id
            default: encoded.object = id
            }
        }
        let key = CountKey(pattern: encoded, graph: graph)
        if let count = counts[key] { return count }
        let count = context.estimatedCount(encoded, in: graph)
        counts[key] = count
        return count
    }

    /// The estimated number of solutions of one triple pattern when the variables in `bound` already have values.
    ///
    /// Bound variables are unknown values, so only heuristics apply: a bound subject leaves few triples (~1/100),
    /// a bound object some more (~1/10), a bound predicate many (~1/5).
    func estimate(_ pattern: TriplePattern, bound: Set<Variable>, in graph: EstimateGraph) -> Double {
        var estimate = Double(count(pattern, in: graph))
        if let v = pattern.subject.variable, bound.contains(v) { estimate /= 100 }
        if let v = pattern.predicate.variable, bound.contains(v) { estimate /= 5 }
        if let v = pattern.object.variable, bound.contains(v) { estimate /= 10 }
        return estimate == 0 ? 0 : max(estimate, 1)
    }

    /// A rough size for any pattern, used to order the operands of a join.
    func estimate(_ pattern: GraphPattern, bound: Set<Variable>, in graph: EstimateGraph) -> Double {
        switch pattern {
        case .bgp(let patterns):
            guard !patterns.isEmpty else { return 1 }
            var known = bound
            var total = 1.0
            for triple in patterns {
                let connected = !known.isDisjoint(with: triple.variables)
                let size = estimate(triple, bound: known, in: graph)
                total = connected ? max(total, total * size) : total * size
                known.formUnion(triple.variables)
            }
            return total
        case .path(let subject, _, let object):
            let ends = [subject, object].filter { node in node.variable.map(bound.contains) ?? true }.count
            return ends == 2 ? 1 : ends == 1 ? 10 : 10_000
        case .values(_, let rows):
            return Double(rows.count)
        case .union(let a, let b):
            return estimate(a, bound: bound, in: graph) + estimate(b, bound: bound, in: graph)
        case .join(let a, let b, _):
            return min(estimate(a, bound: bound, in: graph), estimate(b, bound: bound, in: graph))
        case .leftJoin(let a, _, _, _), .minus(let a, _), .extend(let a, _, _), .project(let a, _), .distinct(let a), .reduced(let a),
            .orderBy(let a, _):
            return estimate(a, bound: bound, in: graph)
        case .filter(_, let a):
            return estimate(a, bound: bound, in: graph) / 2
        case .graph(let name, let a):
            return estimate(a, bound: bound, in: name.variable == nil ? graph : .anyNamed)
        case .slice(let a, _, let limit):
            let size = estimate(a, bound: bound, in: graph)
            return limit.map { min(size, Double($0)) } ?? size
        case .group(let a, let variables, _):
            return variables.isEmpty ? 1 : max(1, estimate(a, bound: bound, in: graph) / 10)
        case .service:
            return 1
        }
    }
}
