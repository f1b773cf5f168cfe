public import RDF

/// A `SERVICE <iri> { … }` this endpoint answers itself instead of refusing it (SPARQL 1.1 Federated Query): the
/// full-text search service, say. Registered by IRI in `QueryOptions.services`; the evaluator hands it the SERVICE
/// block's pattern and the query's dataset, and joins the table it returns like inline `VALUES`.
public protocol ServiceHandler: Sendable {
    /// The solutions of `pattern` over `dataset`.
    /// - Throws: `QueryEvaluationError`: `.invalidServiceCall` for patterns it cannot take (a 400: the client's to
    ///   change), `.unsupported` if it cannot answer. `SERVICE SILENT` turns any error into one empty solution.
    func evaluate(_ pattern: GraphPattern, over dataset: any QueryableDataset) throws -> ServiceSolutions
}

/// What a `ServiceHandler` answers: a table of solutions, like `VALUES`.
public struct ServiceSolutions: Sendable {
    public var variables: [Variable]
    /// One entry per variable in each row; `nil` leaves it unbound.
    public var rows: [[Term?]]

    public init(variables: [Variable], rows: [[Term?]]) {
        self.variables = variables
        self.rows = rows
    }
}
