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
    case join(GraphPattern, GraphPattern, strategy: JoinStrategy = .automatic)
    /// OPTIONAL, with the filter of a FILTER inside the optional group (§18.2.2.6).
    case leftJoin(GraphPattern, GraphPattern, filter: Expression?)
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

/// How a join is run. The optimiser fills it in; `.automatic` lets the evaluator pick.
public enum JoinStrategy: Hashable, Sendable {
    case automatic
    /// Evaluate the right side once per left solution, with the left bindings substituted (index nested loop).
    case nestedLoop
    /// Build a hash table on the right side's shared variables.
    case hash
}
