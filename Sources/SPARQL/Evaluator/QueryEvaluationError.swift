/// Why a query stopped without an answer (STYLE.md §4). Expression errors are not among them: SPARQL turns those
/// into false filters and unbound variables (§17.3).
public enum QueryEvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The deadline in `QueryOptions` passed.
    case timeout
    /// The task running the query was cancelled.
    case cancelled
    /// The query uses something this evaluator does not implement: SERVICE without SILENT, a custom aggregate.
    /// `SERVICE SILENT` swallows the SERVICE case (the service contributes one empty solution); nothing else does.
    case unsupported(String)
    /// The query is too large to plan within its budget (`SPARQLLimits.maximumJoinOperands`): the client's to change.
    case tooComplex(String)
    /// A SERVICE the endpoint answers itself (`ServiceHandler`) was called with patterns it cannot take: an input
    /// missing, of the wrong kind or out of range. The client's to change.
    case invalidServiceCall(String)

    public var description: String {
        switch self {
        case .timeout: "query timed out"
        case .cancelled: "query cancelled"
        case .unsupported(let message): "unsupported: \(message)"
        case .tooComplex(let message): "query too complex: \(message)"
        case .invalidServiceCall(let message): "invalid SERVICE call: \(message)"
        }
    }
}
