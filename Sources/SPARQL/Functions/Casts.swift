public import RDF

/// XPath constructor functions (SPARQL 1.1 §17.5, https://www.w3.org/TR/sparql11-query/#FunctionMapping; XPath F&O
/// 3.1 §19).
extension SPARQLFunctions {
    /// The datatypes `cast(_:to:)` accepts: the §17.5 table's string, boolean, integer, decimal, float, double and
    /// dateTime, plus date, time and the types derived from integer.
    public static func isCastTarget(_ datatype: IRI) -> Bool {
        [XSD.string, XSD.boolean, XSD.decimal, XSD.float, XSD.double, XSD.dateTime, XSD.date, XSD.time].contains(datatype)
            || XSDIntegerTypes.contains(datatype)
    }

    /// `xsd:T(term)`: converts per XPath's casting rules (F&O 3.1 §19.1) and returns the value in canonical form.
    ///
    /// - Strings (simple literals, `xsd:string`) convert to any target when their text, stripped of surrounding
    ///   whitespace, is in the target's lexical space: xsd:decimal("+33.3300") is 33.33, xsd:integer("1.5") fails.
    /// - Numerics and booleans convert among themselves: floats and decimals truncate toward zero to integers, zero and
    ///   NaN are false, true is 1. Date/times convert to strings and between dateTime, date and time.
    /// - IRIs and language-tagged strings convert only to `xsd:string` (their string), as do literals of unknown
    ///   datatypes (their lexical form). Anything to `xsd:string` gives XPath's string form: xsd:string(1.0) is "1".
    /// - Throws: `ExpressionError.typeError` for conversions the table forbids (blank nodes, dateTime to numeric…),
    ///   `.invalidArgument` for text outside the target's lexical space and for NaN or INF to decimal or integer, and
    ///   `.overflow` when the value does not fit the target.
    public static func cast(_ term: Term, to datatype: IRI) throws(ExpressionError) -> Term {
        guard isCastTarget(datatype) else { throw .unknownFunction(datatype) }
        let literal: Literal
        switch term {
        case .iri(let iri):
            guard datatype == XSD.string else { throw .typeError("cannot cast IRI \(term) to \(datatype)") }
            return .string(iri.value)
        case .blankNode:
            throw .typeError("cannot cast blank node \(term) to \(datatype)")
        case .literal(let value):
            literal = value
        }
        if literal.datatype == XSD.string {
            return try castString(literal.lexicalForm, to: datatype)
        }
        let value = LiteralValue(literal)
        if datatype == XSD.string {
            switch value {
            case .numeric(let number): return .string(number.lexicalForm)
            case .boolean(let flag): return .string(flag ? "true" : "false")
            case .dateTime(let dateTime): return .string(dateTime.lexicalForm)
            case .duration(let duration): return .string(duration.lexicalForm)
            case .string(let text), .langString(let text, _): return .string(text)
            case .unsupported:
                guard !literal.datatype.value.hasPrefix(XSD.namespace) else {
                    throw .invalidArgument("\(term) is not a valid \(literal.datatype)")
                }
                return .string(literal.lexicalForm)
            }
        }
        switch value {
        case .numeric(let number): return try castNumeric(number, to: datatype)
        case .boolean(let flag): return try castNumeric(.integer(flag ? 1 : 0), to: datatype)
        case .dateTime(let dateTime): return try castDateTime(dateTime, to: datatype)
        case .unsupported where literal.datatype.value.hasPrefix(XSD.namespace):
            throw .invalidArgument("\(term) is not a valid \(literal.datatype)")
        default: throw .typeError("cannot cast \(term) to \(datatype)")
        }
    }

    /// A string's text, whitespace-collapsed as XSD's lexical mappings do, in the target's lexical space.
    private static func castString(_ text: String, to datatype: IRI) throws(ExpressionError) -> Term {
        if datatype == XSD.string { return .string(text) }
        let trimmed = trimmingXMLWhitespace(text)
        func invalid() -> ExpressionError { .invalidArgument("\"\(text)\" is not a valid \(datatype)") }
        if datatype == XSD.boolean {
            guard let flag = LiteralValue.parseBoolean(String(trimmed)) else { throw invalid() }
            return boolean(flag)
        }
        if datatype == XSD.decimal {
            guard let value = XSDDecimal(lexicalForm: trimmed) else { throw invalid() }
            return NumericValue.decimal(value).term
        }
        if datatype == XSD.double {
            guard let value = NumericValue.parseDouble(trimmed) else { throw invalid() }
            return NumericValue.double(value).term
        }
        if datatype == XSD.float {
            guard let value = NumericValue.parseFloat(trimmed) else { throw invalid() }
            return NumericValue.float(value).term
        }
        if XSDIntegerTypes.contains(datatype) {
            guard let value = NumericValue.parseInteger(trimmed) else { throw invalid() }
            return try integerTerm(value, datatype)
        }
        let kind: XSDDateTime.Kind = datatype == XSD.date ? .date : (datatype == XSD.time ? .time : .dateTime)
        guard let value = XSDDateTime(lexicalForm: String(trimmed), kind: kind) else { throw invalid() }
        return .literal(value.literal)
    }

    private static func castNumeric(_ number: NumericValue, to datatype: IRI) throws(ExpressionError) -> Term {
        if datatype == XSD.boolean { return boolean(!number.isZeroOrNaN) }
        if datatype == XSD.double { return number.promoted(to: 3).term }
        if datatype == XSD.float {
            if case .double(let value) = number { return NumericValue.float(Float(value)).term }
            return number.promoted(to: 2).term
        }
        if datatype == XSD.decimal { return NumericValue.decimal(try decimal(number)).term }
        if XSDIntegerTypes.contains(datatype) {
            guard let value = try decimal(number).truncated.integerValue else { throw .overflow("\(number) as \(datatype)") }
            return try integerTerm(value, datatype)
        }
        throw .typeError("cannot cast \(number.literal) to \(datatype)")
    }

    private static func castDateTime(_ value: XSDDateTime, to datatype: IRI) throws(ExpressionError) -> Term {
        let kind: XSDDateTime.Kind
        switch datatype {
        case XSD.dateTime: kind = .dateTime
        case XSD.date: kind = .date
        case XSD.time: kind = .time
        default: throw .typeError("cannot cast \(value.literal) to \(datatype)")
        }
        guard kind == value.kind || value.kind == .dateTime || (value.kind == .date && kind == .dateTime) else {
            throw .typeError("cannot cast \(value.literal) to \(datatype)")
        }
        let converted = XSDDateTime(
            kind: kind,
            year: value.year,
            month: value.month,
            day: value.day,
            hour: value.hour,
            minute: value.minute,
            second: value.second,
            timezoneOffset: value.timezoneOffset
        )
        return .literal(converted.literal)
    }

    /// A numeric value as an exact decimal; floats and doubles via their shortest decimal digits.
    private static func decimal(_ number: NumericValue) throws(ExpressionError) -> XSDDecimal {
        let digits: NumericFormatting.ShortestDigits
        switch number {
        case .integer(let value): return XSDDecimal(value)
        case .decimal(let value): return value
        case .float(let value):
            guard value.isFinite else { throw .invalidArgument("\(number.lexicalForm) has no decimal value") }
            digits = NumericFormatting.shortestDigits(value.description)
        case .double(let value):
            guard value.isFinite else { throw .invalidArgument("\(number.lexicalForm) has no decimal value") }
            digits = NumericFormatting.shortestDigits(value.description)
        }
        let text = (digits.negative ? "-" : "") + NumericFormatting.plain(digits.digits, exponent: digits.exponent)
        guard let value = XSDDecimal(lexicalForm: text) else { throw .overflow("\(number.lexicalForm) as xsd:decimal") }
        return value
    }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF).
    private static func trimmingXMLWhitespace(_ text: String) -> Substring {
        let scalars = text.unicodeScalars
        let isWhitespace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let start = scalars.firstIndex { !isWhitespace($0) } ?? scalars.endIndex
        let end = scalars.lastIndex { !isWhitespace($0) }.map { scalars.index(after: $0) } ?? start
        return Substring(scalars[start..<max(start, end)])
    }

    /// An integer literal of `datatype`, checking the derived type's range.
    private static func integerTerm(_ value: Int128, _ datatype: IRI) throws(ExpressionError) -> Term {
        guard XSDIntegerTypes.accepts(value, as: datatype) else { throw .invalidArgument("\(value) is outside \(datatype)") }
        return .literal(Literal(String(value), datatype: datatype))
    }
}
