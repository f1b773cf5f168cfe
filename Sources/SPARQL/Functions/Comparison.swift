public import RDF

/// The comparison operators of SPARQL 1.1 §17.3 (https://www.w3.org/TR/sparql11-query/#OperatorMapping).
extension SPARQLFunctions {
    /// `A = B`: value equality for numerics, strings, language-tagged strings, booleans, date/times and durations,
    /// otherwise `RDFterm-equal` (§17.4.1.7).
    ///
    /// - Returns: true for the same term or equal values; false for terms that cannot be equal: an IRI or blank node
    ///   against anything else, values of different known types (1 and "1", a date and a dateTime), and a
    ///   language-tagged string against any other literal.
    /// - Throws: `ExpressionError.typeError` when a literal of unknown datatype, or with an invalid lexical form, meets a
    ///   different literal ("abc"^^xsd:integer = "abd"^^xsd:integer might be true under some interpretation), and
    ///   when date/times with and without timezone are too close to order (XSD's indeterminate result).
    public static func equal(_ a: Term, _ b: Term) throws(ExpressionError) -> Bool {
        if sameTerm(a, b) { return true }
        guard case .literal(let x) = a, case .literal(let y) = b else { return false }
        switch (LiteralValue(x), LiteralValue(y)) {
        case (.numeric(let p), .numeric(let q)):
            return p.compare(q) == .equal
        case (.string(let p), .string(let q)):
            return p.utf8.elementsEqual(q.utf8)
        case (.langString(let p, let l), .langString(let q, let m)):
            return l == m && p.utf8.elementsEqual(q.utf8)
        case (.boolean(let p), .boolean(let q)):
            return p == q
        case (.dateTime(let p), .dateTime(let q)):
            guard p.kind == q.kind else { return false }
            guard let order = p.compare(q) else { throw .typeError("\(a) and \(b) are not comparable: only one has a timezone") }
            return order == .equal
        case (.duration(let p), .duration(let q)):
            return p.months == q.months && p.seconds == q.seconds
        case (.langString, _), (_, .langString):
            return false
        case (.unsupported, _), (_, .unsupported):
            throw .typeError("cannot tell whether \(a) and \(b) are equal")
        default:
            return false
        }
    }

    /// `A != B`: the negation of `equal`, with the same errors.
    public static func notEqual(_ a: Term, _ b: Term) throws(ExpressionError) -> Bool { !(try equal(a, b)) }

    /// The order `<`, `<=`, `>` and `>=` use: numerics (with promotion), simple literals and `xsd:string` (by code
    /// point), booleans (false < true), `xsd:dateTime`, `xsd:date` and `xsd:time` (each among its own kind, by XSD's
    /// partial order), and day-time or year-month durations.
    ///
    /// - Returns: the ordering, or `nil` when a NaN makes every comparison false.
    /// - Throws: `ExpressionError.typeError` for any other pair, including language-tagged strings, IRIs and
    ///   date/times whose order is indeterminate.
    public static func compare(_ a: Term, _ b: Term) throws(ExpressionError) -> ValueOrdering? {
        if case .literal(let x) = a, case .literal(let y) = b {
            switch (LiteralValue(x), LiteralValue(y)) {
            case (.numeric(let p), .numeric(let q)):
                return p.compare(q)
            case (.string(let p), .string(let q)):
                return p.utf8.lexicographicallyPrecedes(q.utf8) ? .less : (p.utf8.elementsEqual(q.utf8) ? .equal : .greater)
            case (.boolean(let p), .boolean(let q)):
                return p == q ? .equal : (q ? .less : .greater)
            case (.dateTime(let p), .dateTime(let q)):
                if let order = p.compare(q) { return order }
            case (.duration(let p), .duration(let q)):
                if let order = p.compare(q) { return order }
            default:
                break
            }
        }
        throw .typeError("\(a) and \(b) cannot be ordered")
    }

    /// `A < B` (see `compare`).
    public static func lessThan(_ a: Term, _ b: Term) throws(ExpressionError) -> Bool { try compare(a, b) == .less }

    /// `A <= B`.
    public static func lessThanOrEqual(_ a: Term, _ b: Term) throws(ExpressionError) -> Bool {
        let order = try compare(a, b)
        return order == .less || order == .equal
    }

    /// `A > B`.
    public static func greaterThan(_ a: Term, _ b: Term) throws(ExpressionError) -> Bool { try compare(a, b) == .greater }

    /// `A >= B`.
    public static func greaterThanOrEqual(_ a: Term, _ b: Term) throws(ExpressionError) -> Bool {
        let order = try compare(a, b)
        return order == .greater || order == .equal
    }

    /// `sameTerm(A, B)` (§17.4.1.8): the same RDF term, comparing strings code point by code point (Swift's `==` on
    /// `String` would also equate canonically equivalent ones, "é" and "e\u{301}", which are different terms).
    public static func sameTerm(_ a: Term, _ b: Term) -> Bool {
        switch (a, b) {
        case (.iri(let x), .iri(let y)):
            x.value.utf8.elementsEqual(y.value.utf8)
        case (.blankNode(let x), .blankNode(let y)):
            x.id.utf8.elementsEqual(y.id.utf8)
        case (.literal(let x), .literal(let y)):
            x.lexicalForm.utf8.elementsEqual(y.lexicalForm.utf8) && x.datatype.value.utf8.elementsEqual(y.datatype.value.utf8)
                && x.language == y.language
        default:
            false
        }
    }
}
