public import RDF

/// A SPARQL expression (https://www.w3.org/TR/sparql11-query/#expressions), after parsing: aggregates have already
/// been replaced by the variables a `GraphPattern.group` binds (§18.2.4.1).
public indirect enum Expression: Hashable, Sendable {
    case variable(Variable)
    /// An IRI or literal constant.
    case term(Term)
    /// `||`
    case or(Expression, Expression)
    /// `&&`
    case and(Expression, Expression)
    /// `!`
    case not(Expression)
    /// `=`
    case equal(Expression, Expression)
    /// `!=`; kept apart from `not(equal)` because errors propagate the same but it reads better in plans.
    case notEqual(Expression, Expression)
    case less(Expression, Expression)
    case lessOrEqual(Expression, Expression)
    case greater(Expression, Expression)
    case greaterOrEqual(Expression, Expression)
    /// `expr IN (list)`
    case `in`(Expression, [Expression])
    /// `expr NOT IN (list)`
    case notIn(Expression, [Expression])
    case add(Expression, Expression)
    case subtract(Expression, Expression)
    case multiply(Expression, Expression)
    case divide(Expression, Expression)
    case unaryPlus(Expression)
    case unaryMinus(Expression)
    /// `BOUND(?v)`
    case bound(Variable)
    /// `IF(cond, then, else)`
    case `if`(Expression, Expression, Expression)
    /// `COALESCE(…)`
    case coalesce([Expression])
    /// `EXISTS { … }`; `NOT EXISTS` is `not(exists(…))`.
    case exists(GraphPattern)
    /// A built-in function call other than the ones with a case of their own.
    case builtIn(BuiltInFunction, [Expression])
    /// A function named by IRI: XPath constructor casts (`xsd:integer(…)`) and extension functions.
    case function(IRI, [Expression])

    /// Variables the expression reads (not those inside EXISTS patterns).
    public var variables: Set<Variable> {
        var result = Set<Variable>()
        collectVariables(into: &result)
        return result
    }

    private func collectVariables(into result: inout Set<Variable>) {
        switch self {
        case .variable(let v), .bound(let v): result.insert(v)
        case .term, .exists: break
        case .not(let e), .unaryPlus(let e), .unaryMinus(let e): e.collectVariables(into: &result)
        case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b), .less(let a, let b),
            .lessOrEqual(let a, let b), .greater(let a, let b), .greaterOrEqual(let a, let b), .add(let a, let b),
            .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            a.collectVariables(into: &result)
            b.collectVariables(into: &result)
        case .in(let e, let list), .notIn(let e, let list):
            e.collectVariables(into: &result)
            for item in list { item.collectVariables(into: &result) }
        case .if(let a, let b, let c):
            for e in [a, b, c] { e.collectVariables(into: &result) }
        case .coalesce(let list), .builtIn(_, let list), .function(_, let list):
            for item in list { item.collectVariables(into: &result) }
        }
    }
}

/// SPARQL's built-in functions (§17.4) that are plain calls on evaluated arguments. The raw value is the name
/// `SPARQLFunctions.call` dispatches on. BOUND, IF, COALESCE, EXISTS, IN and the operators have `Expression` cases.
public enum BuiltInFunction: String, Hashable, Sendable, CaseIterable {
    case str = "STR", lang = "LANG", langMatches = "LANGMATCHES", datatype = "DATATYPE", iri = "IRI", bnode = "BNODE"
    case rand = "RAND", abs = "ABS", ceil = "CEIL", floor = "FLOOR", round = "ROUND"
    case concat = "CONCAT", substr = "SUBSTR", strlen = "STRLEN", replace = "REPLACE", ucase = "UCASE", lcase = "LCASE"
    case encodeForURI = "ENCODE_FOR_URI", contains = "CONTAINS", strStarts = "STRSTARTS", strEnds = "STRENDS"
    case strBefore = "STRBEFORE", strAfter = "STRAFTER"
    case year = "YEAR", month = "MONTH", day = "DAY", hours = "HOURS", minutes = "MINUTES", seconds = "SECONDS"
    case timezone = "TIMEZONE", tz = "TZ", now = "NOW"
    case uuid = "UUID", strUUID = "STRUUID", md5 = "MD5", sha1 = "SHA1", sha256 = "SHA256", sha384 = "SHA384", sha512 = "SHA512"
    case strLang = "STRLANG", strDT = "STRDT", sameTerm = "sameTerm"
    case isIRI = "isIRI", isBlank = "isBLANK", isLiteral = "isLITERAL", isNumeric = "isNUMERIC", regex = "REGEX"
}

/// An aggregate (§18.5). `expression == nil` is `COUNT(*)`.
public struct AggregateExpression: Hashable, Sendable {
    public enum Function: Hashable, Sendable {
        case count, sum, avg, min, max, sample
        case groupConcat(separator: String)
        /// An aggregate named by IRI; the evaluator refuses those it does not know.
        case custom(IRI)
    }

    public var function: Function
    public var expression: Expression?
    public var distinct: Bool

    public init(_ function: Function, _ expression: Expression?, distinct: Bool = false) {
        self.function = function
        self.expression = expression
        self.distinct = distinct
    }
}

/// One ORDER BY key.
public enum OrderComparator: Hashable, Sendable {
    case ascending(Expression)
    case descending(Expression)
}
