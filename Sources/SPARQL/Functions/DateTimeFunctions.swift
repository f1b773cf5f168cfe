import RDF

/// Functions on dates and times (SPARQL 1.1 §17.4.5, https://www.w3.org/TR/sparql11-query/#func-date-time).
/// They take an `xsd:dateTime`; as an extension, YEAR/MONTH/DAY also take an `xsd:date`, HOURS/MINUTES/SECONDS an
/// `xsd:time`, and TIMEZONE/TZ any of the three.
extension SPARQLFunctions {
    /// `YEAR(arg)` as an `xsd:integer`.
    static func year(_ term: Term) throws(ExpressionError) -> Term { integer(try dateTime(term, "YEAR", .dateTime, .date).year) }

    /// `MONTH(arg)` as an `xsd:integer`.
    static func month(_ term: Term) throws(ExpressionError) -> Term { integer(try dateTime(term, "MONTH", .dateTime, .date).month) }

    /// `DAY(arg)` as an `xsd:integer`.
    static func day(_ term: Term) throws(ExpressionError) -> Term { integer(try dateTime(term, "DAY", .dateTime, .date).day) }

    /// `HOURS(arg)` as an `xsd:integer`, in the value's own timezone.
    static func hours(_ term: Term) throws(ExpressionError) -> Term { integer(try dateTime(term, "HOURS", .dateTime, .time).hour) }

    /// `MINUTES(arg)` as an `xsd:integer`.
    static func minutes(_ term: Term) throws(ExpressionError) -> Term {
        integer(try dateTime(term, "MINUTES", .dateTime, .time).minute)
    }

    /// `SECONDS(arg)` as an `xsd:decimal`, with any fractional digits: "13.815".
    static func seconds(_ term: Term) throws(ExpressionError) -> Term {
        NumericValue.decimal(try dateTime(term, "SECONDS", .dateTime, .time).second).term
    }

    /// `TIMEZONE(arg)`: the offset as an `xsd:dayTimeDuration` ("PT0S", "-PT8H", "PT5H30M").
    /// - Throws: `ExpressionError.invalidArgument` when the value has no timezone.
    static func timezone(_ term: Term) throws(ExpressionError) -> Term {
        let value = try dateTime(term, "TIMEZONE", .dateTime, .date, .time)
        guard let offset = value.timezoneOffset else { throw .invalidArgument("\(term) has no timezone") }
        return .literal(XSDDuration(kind: .dayTimeDuration, seconds: XSDDecimal(offset * 60)).literal)
    }

    /// `TZ(arg)`: the timezone part of the lexical form as a simple literal: "Z", "-08:00", "+00:00", or "" without one.
    static func tz(_ term: Term) throws(ExpressionError) -> Term {
        let value = try dateTime(term, "TZ", .dateTime, .date, .time)
        guard value.timezoneOffset != nil, case .literal(let literal) = term else { return .string("") }
        let text = literal.lexicalForm
        return .string(text.hasSuffix("Z") ? "Z" : String(text.suffix(6)))
    }

    /// `NOW()`: the query's fixed instant.
    static func now(context: FunctionContext) -> Term { .literal(context.now.literal) }

    private static func dateTime(
        _ term: Term,
        _ function: String,
        _ kinds: XSDDateTime.Kind...
    ) throws(ExpressionError)
        -> XSDDateTime
    {
        if case .literal(let literal) = term, let value = XSDDateTime(literal), kinds.contains(value.kind) { return value }
        throw .typeError("\(function) needs an xsd:dateTime, not \(term)")
    }
}
