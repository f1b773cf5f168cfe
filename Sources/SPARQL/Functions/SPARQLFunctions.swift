public import RDF

/// SPARQL 1.1's operators and functions on RDF terms (§17, https://www.w3.org/TR/sparql11-query/#SparqlOps), apart
/// from the evaluator's own forms (BOUND, IF, COALESCE, EXISTS, IN, `&&`, `||`), which need unevaluated arguments.
///
/// Every entry point takes evaluated terms and either returns a term or throws an `ExpressionError`, which the
/// evaluator treats as SPARQL's error value.
///
/// ```swift
/// let context = FunctionContext(baseIRI: IRI("http://example.org/"))
/// try SPARQLFunctions.call("STRLEN", [.string("chat")], context: context)         // "4"^^xsd:integer
/// try SPARQLFunctions.add(.literal(Literal("1", datatype: XSD.integer)), .literal(Literal("2.5", datatype: XSD.decimal)))
/// try SPARQLFunctions.cast(.string(" 42 "), to: XSD.integer)                       // "42"^^xsd:integer
/// ```
public enum SPARQLFunctions {
    /// Calls the built-in `name` (case-insensitive: "STRLEN", "sameTerm", "isIRI", "URI") with evaluated arguments.
    /// Queries call `call(_:_:context:)` with the function the parser resolved; this is for callers holding a name.
    /// - Throws: `ExpressionError.unknownBuiltIn` for a name that is not a built-in call, else as `call(_:_:context:)`.
    public static func call(_ name: String, _ arguments: [Term], context: FunctionContext) throws(ExpressionError) -> Term {
        let upper = name.uppercased()
        let alias: BuiltInFunction? =
            switch upper {
            case "URI": .iri
            case "ISURI": .isIRI
            default: BuiltInFunction.allCases.first { $0.rawValue.uppercased() == upper }
            }
        guard let function = alias else { throw .unknownBuiltIn(name) }
        return try call(function, arguments, context: context)
    }

    /// Calls a built-in function with evaluated arguments; the function was resolved when the query was planned, so
    /// no name is looked up per row.
    ///
    /// - Parameters:
    ///   - function: a SPARQL built-in call. BOUND, IF, COALESCE and EXISTS are the evaluator's: they need unevaluated
    ///     arguments.
    ///   - arguments: the evaluated arguments; an argument whose evaluation erred never gets here.
    ///   - context: the query's base IRI, `NOW()` instant, random source and blank node scope.
    /// - Throws: `ExpressionError.wrongArgumentCount`, or the function's own errors.
    public static func call(_ function: BuiltInFunction, _ arguments: [Term], context: FunctionContext) throws(ExpressionError) -> Term {
        // Only error messages spell the name.
        var name: String { function.rawValue.uppercased() }
        let a = arguments
        func arity(_ counts: ClosedRange<Int>) throws(ExpressionError) {
            guard counts.contains(a.count) else {
                let expected = counts.count == 1 ? "\(counts.lowerBound)" : "\(counts.lowerBound) to \(counts.upperBound)"
                throw .wrongArgumentCount(function: name, expected: expected, actual: a.count)
            }
        }
        func none(_ function: () throws(ExpressionError) -> Term) throws(ExpressionError) -> Term {
            try arity(0...0)
            return try function()
        }
        func one(_ function: (Term) throws(ExpressionError) -> Term) throws(ExpressionError) -> Term {
            try arity(1...1)
            return try function(a[0])
        }
        func two(_ function: (Term, Term) throws(ExpressionError) -> Term) throws(ExpressionError) -> Term {
            try arity(2...2)
            return try function(a[0], a[1])
        }
        func numeric(_ function: (NumericValue) -> NumericValue) throws(ExpressionError) -> Term {
            try arity(1...1)
            return function(try Self.numeric(a[0], name)).term
        }
        func test(_ predicate: (Term) -> Bool) throws(ExpressionError) -> Term {
            try arity(1...1)
            return boolean(predicate(a[0]))
        }
        func optional(_ index: Int) -> Term? { index < a.count ? a[index] : nil }
        switch function {
        case .str: return try one(str)
        case .lang: return try one(lang)
        case .langMatches: return try two(langMatches)
        case .datatype: return try one(datatype)
        case .iri: return try one { (term) throws(ExpressionError) in try iri(term, context: context) }
        case .bnode:
            try arity(0...1)
            return try bnode(optional(0), context: context)
        case .rand: return try none { NumericValue.double(context.randomDouble()).term }
        case .abs: return try numeric(\.absoluteValue)
        case .ceil: return try numeric(\.ceiling)
        case .floor: return try numeric(\.floor)
        case .round: return try numeric(\.rounded)
        case .concat: return try concat(a)
        case .substr:
            try arity(2...3)
            return try substr(a[0], a[1], optional(2))
        case .strlen: return try one(strlen)
        case .replace:
            try arity(3...4)
            return try replace(a[0], a[1], a[2], optional(3), context: context)
        case .ucase: return try one(ucase)
        case .lcase: return try one(lcase)
        case .encodeForURI: return try one(encodeForURI)
        case .contains: return try two(contains)
        case .strStarts: return try two(strStarts)
        case .strEnds: return try two(strEnds)
        case .strBefore: return try two(strBefore)
        case .strAfter: return try two(strAfter)
        case .year: return try one(year)
        case .month: return try one(month)
        case .day: return try one(day)
        case .hours: return try one(hours)
        case .minutes: return try one(minutes)
        case .seconds: return try one(seconds)
        case .timezone: return try one(timezone)
        case .tz: return try one(tz)
        case .now: return try none { now(context: context) }
        case .uuid: return try none { .iri(IRI("urn:uuid:" + context.randomUUID())) }
        case .strUUID: return try none { .string(context.randomUUID()) }
        case .md5: return try one(md5)
        case .sha1: return try one(sha1)
        case .sha256: return try one(sha256)
        case .sha384: return try one(sha384)
        case .sha512: return try one(sha512)
        case .strLang: return try two(strlang)
        case .strDT: return try two(strdt)
        case .sameTerm: return try two { boolean(sameTerm($0, $1)) }
        case .isIRI: return try test(\.isIRI)
        case .isBlank: return try test(\.isBlankNode)
        case .isLiteral: return try test(\.isLiteral)
        case .isNumeric: return try one(isNumeric)
        case .regex:
            try arity(2...3)
            return try regex(a[0], a[1], optional(2), context: context)
        }
    }

    /// Calls a function named by IRI: the XPath constructor casts `xsd:string(…)`, `xsd:integer(…)` and the others
    /// `isCastTarget` lists (one argument each).
    /// - Throws: `ExpressionError.unknownFunction` for other IRIs, `.wrongArgumentCount`, or the cast's errors.
    public static func call(function: IRI, _ arguments: [Term], context: FunctionContext) throws(ExpressionError) -> Term {
        guard isCastTarget(function) else { throw .unknownFunction(function) }
        guard arguments.count == 1 else {
            throw .wrongArgumentCount(function: function.description, expected: "1", actual: arguments.count)
        }
        return try cast(arguments[0], to: function)
    }

    /// The term with a numeric, boolean, date/time or duration literal rewritten to its canonical lexical form
    /// ("01"^^xsd:integer → "1", "1.0E0"^^xsd:double → "1", "0"^^xsd:boolean → "false"); other terms unchanged.
    ///
    /// For comparing results by value, as W3C's expected results need (they write one value several ways):
    /// canonicalise both sides, then compare terms.
    public static func canonicalized(_ term: Term) -> Term {
        guard case .literal(let literal) = term, literal.language == nil, literal.datatype != XSD.string else { return term }
        switch LiteralValue(literal) {
        case .numeric(let value):
            // Derived integer types keep their datatype: "01"^^xsd:int is "1"^^xsd:int.
            if case .integer(let integer) = value { return .literal(Literal(String(integer), datatype: literal.datatype)) }
            return value.term
        case .boolean(let value): return boolean(value)
        case .dateTime(let value): return .literal(Literal(value.lexicalForm, datatype: literal.datatype))
        case .duration(let value): return .literal(value.literal)
        default: return term
        }
    }

    /// `"true"^^xsd:boolean` or `"false"^^xsd:boolean`.
    public static func boolean(_ value: Bool) -> Term { .literal(Literal(value ? "true" : "false", datatype: XSD.boolean)) }

    /// An `xsd:integer` literal.
    public static func integer(_ value: Int) -> Term { .literal(Literal(String(value), datatype: XSD.integer)) }
}
