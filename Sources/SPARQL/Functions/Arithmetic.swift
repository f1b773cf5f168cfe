public import RDF

/// XPath arithmetic on numeric values (XPath F&O 3.1 §4.2, SPARQL 1.1 §17.3 operator mapping).
extension NumericValue {
    /// `op:numeric-add` in the promoted type of the operands.
    public func adding(_ other: NumericValue) throws(ExpressionError) -> NumericValue {
        switch Self.promote(self, other) {
        case (.integer(let a), .integer(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            guard !overflow, sum != .min else { throw .overflow("\(a) + \(b)") }
            return .integer(sum)
        case (.decimal(let a), .decimal(let b)): return .decimal(try a.adding(b))
        case (.float(let a), .float(let b)): return .float(a + b)
        case (.double(let a), .double(let b)): return .double(a + b)
        default: preconditionFailure("promotion yields equal types")
        }
    }

    /// `op:numeric-subtract`.
    public func subtracting(_ other: NumericValue) throws(ExpressionError) -> NumericValue { try adding(other.negated) }

    /// `op:numeric-multiply`.
    public func multiplying(by other: NumericValue) throws(ExpressionError) -> NumericValue {
        switch Self.promote(self, other) {
        case (.integer(let a), .integer(let b)):
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            guard !overflow, product != .min else { throw .overflow("\(a) × \(b)") }
            return .integer(product)
        case (.decimal(let a), .decimal(let b)): return .decimal(try a.multiplying(by: b))
        case (.float(let a), .float(let b)): return .float(a * b)
        case (.double(let a), .double(let b)): return .double(a * b)
        default: preconditionFailure("promotion yields equal types")
        }
    }

    /// `op:numeric-divide`: integer ÷ integer is a decimal (SPARQL §17.3); decimal division by zero throws, float and
    /// double division by zero give ±INF or NaN.
    public func dividing(by other: NumericValue) throws(ExpressionError) -> NumericValue {
        switch Self.promote(self, other) {
        case (.integer(let a), .integer(let b)): return .decimal(try XSDDecimal(a).dividing(by: XSDDecimal(b)))
        case (.decimal(let a), .decimal(let b)): return .decimal(try a.dividing(by: b))
        case (.float(let a), .float(let b)): return .float(a / b)
        case (.double(let a), .double(let b)): return .double(a / b)
        default: preconditionFailure("promotion yields equal types")
        }
    }

    /// `op:numeric-unary-minus`, keeping the type.
    public var negated: NumericValue {
        switch self {
        case .integer(let value): .integer(-value)
        case .decimal(let value): .decimal(value.negated)
        case .float(let value): .float(-value)
        case .double(let value): .double(-value)
        }
    }

    /// `fn:abs`, keeping the type.
    public var absoluteValue: NumericValue {
        switch self {
        case .integer(let value): .integer(value.magnitude <= UInt128(Int128.max) ? Int128(value.magnitude) : .max)
        case .decimal(let value): .decimal(value.absoluteValue)
        case .float(let value): .float(value.magnitude)
        case .double(let value): .double(value.magnitude)
        }
    }

    /// `fn:ceiling`, keeping the type.
    public var ceiling: NumericValue {
        switch self {
        case .integer: self
        case .decimal(let value): .decimal(value.ceiling)
        case .float(let value): .float(value.rounded(.up))
        case .double(let value): .double(value.rounded(.up))
        }
    }

    /// `fn:floor`, keeping the type.
    public var floor: NumericValue {
        switch self {
        case .integer: self
        case .decimal(let value): .decimal(value.floor)
        case .float(let value): .float(value.rounded(.down))
        case .double(let value): .double(value.rounded(.down))
        }
    }

    /// `fn:round`: the nearest whole number, halves toward positive infinity (2.5 → 3, -2.5 → -2), keeping the type;
    /// a negative float or double that rounds to zero gives -0 as XPath requires.
    public var rounded: NumericValue {
        switch self {
        case .integer: self
        case .decimal(let value): .decimal(value.roundedHalfUp)
        case .float(let value): .float(Self.roundHalfUp(value))
        case .double(let value): .double(Self.roundHalfUp(value))
        }
    }

    private static func roundHalfUp<F: BinaryFloatingPoint>(_ value: F) -> F {
        guard value.isFinite else { return value }
        var result = value.rounded(.down)
        if value - result >= 0.5 { result += 1 }  // exact: value and its floor are within 1 of each other
        return result == 0 && value.sign == .minus ? -0.0 : result
    }
}

extension SPARQLFunctions {
    /// `A + B` (§17.3): numeric addition with type promotion.
    /// - Throws: `ExpressionError.typeError` unless both are numeric literals with valid lexical forms.
    public static func add(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        try numeric(a, "+").adding(numeric(b, "+")).term
    }

    /// `A - B` (§17.3).
    public static func subtract(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        try numeric(a, "-").subtracting(numeric(b, "-")).term
    }

    /// `A * B` (§17.3).
    public static func multiply(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        try numeric(a, "*").multiplying(by: numeric(b, "*")).term
    }

    /// `A / B` (§17.3): integer ÷ integer gives `xsd:decimal`.
    /// - Throws: `ExpressionError.divisionByZero` for integer or decimal zero divisors.
    public static func divide(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        try numeric(a, "/").dividing(by: numeric(b, "/")).term
    }

    /// Unary `+A`: the numeric value itself, in canonical form.
    public static func unaryPlus(_ a: Term) throws(ExpressionError) -> Term { try numeric(a, "unary +").term }

    /// Unary `-A`.
    public static func unaryMinus(_ a: Term) throws(ExpressionError) -> Term { try numeric(a, "unary -").negated.term }

    /// `!A`: the negated effective boolean value (§17.2.2).
    public static func logicalNot(_ a: Term) throws(ExpressionError) -> Term {
        boolean(!(try effectiveBooleanValue(a)))
    }

    /// The numeric value of an operand, or a type error naming the operator.
    static func numeric(_ term: Term, _ operation: String) throws(ExpressionError) -> NumericValue {
        guard let value = NumericValue(term) else { throw .typeError("\(operation) needs a numeric operand, not \(term)") }
        return value
    }
}
