public import RDF

/// How one query is evaluated: its time limit, what the default graph is, and the base IRI.
///
/// ```swift
/// let options = QueryOptions(deadline: .now + .seconds(30), unionDefaultGraph: true)
/// let result = try QueryEvaluator(options: options).evaluate(query, in: snapshot)
/// ```
public struct QueryOptions: Sendable {
    /// When evaluation must stop, or `nil` for no limit. Every operator checks it every 1024 steps, so evaluation
    /// throws `QueryEvaluationError.timeout` within milliseconds of this instant, also while rows are being pulled.
    public var deadline: ContinuousClock.Instant?
    /// Stops evaluation (`QueryEvaluationError.cancelled`) at its next check once cancelled: a client that has gone.
    public var cancellation: QueryCancellation?
    /// Makes the default graph the RDF merge of every graph in the dataset (the stored default graph and all named
    /// graphs, each triple once) when the query has no FROM or FROM NAMED. Named graphs stay as they are.
    public var unionDefaultGraph: Bool
    /// The base IRI for `IRI()`/`URI()` when the query has no BASE of its own.
    public var baseIRI: String?
    /// The SERVICE IRIs the endpoint answers itself (see `ServiceHandler`); any other SERVICE is refused.
    public var services: [IRI: any ServiceHandler] = [:]

    /// Whether the optimiser rewrites the algebra first (join order, filter placement). Tests turn it off to compare
    /// against plain evaluation; the join strategies are chosen either way (unless `referenceSemantics`).
    var optimize = true
    /// Evaluates by the definitions of SPARQL 1.1 §18.5 only: no optimiser, every join and left join by hashing,
    /// never substituting one side's bindings into the other. Slow; the reference the optimised plans are tested against.
    var referenceSemantics = false

    /// - Parameters:
    ///   - deadline: when to stop with `QueryEvaluationError.timeout`; `nil` for no limit.
    ///   - unionDefaultGraph: whether the default graph is the union of all graphs (see `unionDefaultGraph`).
    ///   - baseIRI: the base IRI for functions, unless the query sets one.
    public init(deadline: ContinuousClock.Instant? = nil, unionDefaultGraph: Bool = false, baseIRI: String? = nil) {
        self.deadline = deadline
        self.unionDefaultGraph = unionDefaultGraph
        self.baseIRI = baseIRI
    }
}
