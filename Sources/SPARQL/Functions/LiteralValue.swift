import RDF

/// How two values compare: the result of `SPARQLFunctions.compare` and of ORDER BY's `orderBy`.
public enum ValueOrdering: Hashable, Sendable {
    case less, equal, greater

    /// The reverse ordering, for descending sort keys.
    public var reversed: ValueOrdering {
        switch self {
        case .less: .greater
        case .equal: .equal
        case .greater: .less
        }
    }

    static func of<T: Comparable>(_ a: T, _ b: T) -> ValueOrdering { a < b ? .less : (a == b ? .equal : .greater) }
}

/// What a literal denotes, for the operators of SPARQL 1.1 §17.3: the value spaces SPARQL compares by value.
enum LiteralValue {
    case numeric(NumericValue)
    /// A simple literal or `xsd:string`.
    case string(String)
    case langString(String, language: String)
    case boolean(Bool)
    case dateTime(XSDDateTime)
    case duration(XSDDuration)
    /// An unknown datatype, or a known one with a lexical form outside its lexical space ("abc"^^xsd:integer).
    case unsupported

    init(_ literal: Literal) {
        let datatype = literal.datatype
        if datatype == XSD.string {
            self = .string(literal.lexicalForm)
        } else if let language = literal.language {
            self = .langString(literal.lexicalForm, language: language)
        } else if datatype == XSD.boolean {
            self = Self.parseBoolean(literal.lexicalForm).map { .boolean($0) } ?? .unsupported
        } else if let numeric = NumericValue(literal) {
            self = .numeric(numeric)
        } else if let dateTime = XSDDateTime(literal) {
            self = .dateTime(dateTime)
        } else if let duration = XSDDuration(literal) {
            self = .duration(duration)
        } else {
            self = .unsupported
        }
    }

    /// `xsd:boolean` lexical space: "true", "false", "1", "0".
    static func parseBoolean(_ text: String) -> Bool? {
        switch text {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}

extension NumericValue {
    /// Numeric order after promotion; `nil` when either side is NaN (every comparison with NaN is false).
    public func compare(_ other: NumericValue) -> ValueOrdering? {
        switch Self.promote(self, other) {
        case (.integer(let a), .integer(let b)): .of(a, b)
        case (.decimal(let a), .decimal(let b)): .of(a, b)
        case (.float(let a), .float(let b)): a.isNaN || b.isNaN ? nil : .of(a, b)
        case (.double(let a), .double(let b)): a.isNaN || b.isNaN ? nil : .of(a, b)
        default: nil
        }
    }
}

extension XSDDateTime {
    /// XSD 1.1's partial order (§D.2.1): values that both have or both lack a timezone compare on the time line; when
    /// only one has one, the other stands for every instant within ±14 hours of its local time, and the result is
    /// `nil` (indeterminate) unless the two are further apart than that. Values of different kinds are not compared
    /// (`nil`).
    public func compare(_ other: XSDDateTime) -> ValueOrdering? {
        guard kind == other.kind else { return nil }
        switch (timezoneOffset, other.timezoneOffset) {
        case (.some, .some), (nil, nil):
            return .of(utcSeconds, other.utcSeconds)
        case (.some, nil):
            let fourteenHours = XSDDecimal(14 * 3600)
            let local = other.localSeconds
            if let earliest = try? local.subtracting(fourteenHours), utcSeconds < earliest { return .less }
            if let latest = try? local.adding(fourteenHours), utcSeconds > latest { return .greater }
            return nil
        case (nil, .some):
            return other.compare(self)?.reversed
        }
    }
}

extension XSDDuration {
    /// Order between two day-time or two year-month durations (XPath `op:dayTimeDuration-less-than` and
    /// `op:yearMonthDuration-less-than`); `nil` for other pairs, which XPath does not order.
    public func compare(_ other: XSDDuration) -> ValueOrdering? {
        if kind == .dayTimeDuration && other.kind == .dayTimeDuration { return .of(seconds, other.seconds) }
        if kind == .yearMonthDuration && other.kind == .yearMonthDuration { return .of(months, other.months) }
        return nil
    }
}
