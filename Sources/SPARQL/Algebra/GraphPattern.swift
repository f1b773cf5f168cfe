public import RDF

/// A SPARQL 1.1 graph pattern, one case per algebra operator (https://www.w3.org/TR/sparql11-query/#sparqlAlgebra).
///
/// The parser builds it exactly as §18.2 translates a query, solution modifiers included (`project`, `distinct`,
/// `slice` …), so a SELECT query's algebra is one value. The optimiser rewrites it; the evaluator consumes it.
/// Physical choices are defaulted fields (`strategy`), never a second enum.
public indirect enum GraphPattern: Hashable, Sendable {
    /// A basic graph pattern; an empty one is the join identity (one empty solution).
    case bgp([TriplePattern])
    /// `subject path object` for any path more complex than a single IRI (§18.2.2.4 keeps simple ones as triples).
    case path(subject: TermPattern, path: PropertyPath, object: TermPattern)
    case join(GraphPattern, GraphPattern, strategy: JoinStrategy = .hash)
    /// OPTIONAL, with the filter of a FILTER inside the optional group (§18.2.2.6).
    case leftJoin(GraphPattern, GraphPattern, filter: Expression?, strategy: JoinStrategy = .hash)
    case filter(Expression, GraphPattern)
    case union(GraphPattern, GraphPattern)
    /// `GRAPH name { … }`; `name` is an IRI term or a variable.
    case graph(name: TermPattern, GraphPattern)
    /// BIND, and the expressions of SELECT and GROUP BY.
    case extend(GraphPattern, variable: Variable, expression: Expression)
    case minus(GraphPattern, GraphPattern)
    /// VALUES, inline or trailing; `nil` is UNDEF. Each row has one entry per variable.
    case values(variables: [Variable], rows: [[Term?]])
    case orderBy(GraphPattern, [OrderComparator])
    case project(GraphPattern, [Variable])
    case distinct(GraphPattern)
    case reduced(GraphPattern)
    /// OFFSET and LIMIT; `limit == nil` is no limit.
    case slice(GraphPattern, offset: Int, limit: Int?)
    /// GROUP BY over `variables` (expressions were bound by an `extend` below), computing each aggregate into its variable.
    /// An empty `variables` list with aggregates is the implicit single group.
    case group(GraphPattern, variables: [Variable], aggregates: [GroupAggregate])
    /// `SERVICE [SILENT] name { … }`: parsed; the evaluator may refuse it.
    case service(name: TermPattern, GraphPattern, silent: Bool)

    /// The empty group pattern `{}`: one solution with no bindings.
    public static let empty = GraphPattern.bgp([])
}

/// An aggregate computed by a group, bound to a (usually generated) variable.
public struct GroupAggregate: Hashable, Sendable {
    public var variable: Variable
    public var aggregate: AggregateExpression

    public init(_ variable: Variable, _ aggregate: AggregateExpression) {
        self.variable = variable
        self.aggregate = aggregate
    }
}

/// How a join or left join is run. The optimiser chooses it, in one place (`Optimizer.chooseJoinStrategies`), and the
/// planner follows it. The parser's algebra hashes everywhere: that is §18.5's join, correct for any operands.
public enum JoinStrategy: Hashable, Sendable {
    /// Evaluate the right side once, build a hash table on the variables both sides always bind, and probe it.
    case hash
    /// Evaluate the right side once per left solution, with the left bindings substituted (index nested loop). Only
    /// for a right side that `GraphPattern.isFitForSubstitution(of:)` the left side's variables.
    case nestedLoop
}
