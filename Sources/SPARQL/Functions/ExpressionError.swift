public import RDF

/// Why a SPARQL expression produced an error instead of a value (SPARQL 1.1 §17.3,
/// https://www.w3.org/TR/sparql11-query/#evaluation).
///
/// An error is a value in SPARQL's three-valued logic, not a failure of the query: a FILTER whose expression errs
/// rejects the solution, a BIND leaves its variable unbound, and `||`/`&&`/`COALESCE`/`IF` may absorb it. The case
/// names the cause so that query explanations and tests can tell them apart.
public enum ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An operand or argument has a type the operator or function does not accept (XPath err:XPTY0004, SPARQL type error).
    case typeError(String)
    /// A variable the expression reads has no value in the solution.
    case unboundVariable
    /// Integer or decimal division by zero (XPath err:FOAR0001). Float and double division yield INF or NaN instead.
    case divisionByZero
    /// A result does not fit: integers and decimals hold 38 significant digits (XPath err:FOAR0002, err:FOCA0001).
    case overflow(String)
    /// An argument has the right type but an unusable value: a cast from an invalid lexical form, a bad language tag,
    /// a relative IRI with no base.
    case invalidArgument(String)
    /// A regular expression, flag string or replacement string that XPath rejects (err:FORX0001…FORX0004).
    case invalidRegularExpression(String)
    /// A regular expression the matcher could not finish on this input: ICU's backtracking stack (8 MB) ran out, as
    /// for `(a+)+b` over a long run of `a`. An error value like any other, never the input unchanged.
    case regexMatchFailed(String)
    /// A built-in called with the wrong number of arguments.
    case wrongArgumentCount(function: String, expected: String, actual: Int)
    /// A built-in name `SPARQLFunctions.call` does not know.
    case unknownBuiltIn(String)
    /// A function IRI that is neither an XPath constructor nor a supported extension function.
    case unknownFunction(IRI)
    /// Not a value error: the query's limit passed (or it was cancelled) while a function was still computing, e.g. a
    /// regular expression backtracking through a long string. The evaluator ends the query, as at any deadline.
    case stopped(String)
    /// Not a value error: a function would build a string longer than `SPARQLLimits.maximumStringLength`; the
    /// evaluator ends the query.
    case tooLong(String)

    public var description: String {
        switch self {
        case .typeError(let message): "type error: \(message)"
        case .unboundVariable: "unbound variable"
        case .divisionByZero: "division by zero"
        case .overflow(let message): "numeric overflow: \(message)"
        case .invalidArgument(let message): "invalid argument: \(message)"
        case .invalidRegularExpression(let message): "invalid regular expression: \(message)"
        case .regexMatchFailed(let function): "\(function): the regular expression ran out of backtracking stack on its input"
        case .wrongArgumentCount(let function, let expected, let actual):
            "\(function) takes \(expected) argument\(expected == "1" ? "" : "s"), not \(actual)"
        case .unknownBuiltIn(let name): "unknown built-in function \(name)"
        case .unknownFunction(let iri): "unknown function \(iri)"
        case .stopped(let function): "\(function) stopped at the query's limit"
        case .tooLong(let function): "\(function) would build a string of more than \(SPARQLLimits.maximumStringLength) bytes"
        }
    }
}
