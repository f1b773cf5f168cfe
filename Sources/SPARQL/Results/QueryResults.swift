public import RDF

/// A whole query result read back into memory: the answer to an ASK, or a table of solutions.
///
/// Readers build this for the W3C test suite and for clients; the server itself never holds results like this
/// (it streams them through `QueryResultsSerializer`). `==` is exact: row order and blank node labels count.
/// Use `ResultsComparison.isomorphic(_:_:ordered:)` to compare results as SPARQL means them.
public enum QueryResults: Sendable, Equatable {
    /// The result of an ASK query.
    case boolean(Bool)
    /// The result of a SELECT query: the variables (names without `?`, in the order the head lists them) and one
    /// dictionary per solution, with unbound variables absent.
    case solutions(variables: [String], rows: [[String: Term]])
}
