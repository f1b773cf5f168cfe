public import RDF

extension SPARQLFunctions {
    /// The total order ORDER BY sorts with (SPARQL 1.1 §15.1, https://www.w3.org/TR/sparql11-query/#modOrderBy):
    /// unbound < blank nodes < IRIs < literals.
    ///
    /// Never fails, and is a total order (so any sort is deterministic): blank nodes compare by label and IRIs by code
    /// point; literals first by kind — numerics, then simple/`xsd:string`, language-tagged strings, booleans,
    /// dateTimes, dates, times, durations, and last other datatypes — then by value within the kind (dates and times
    /// without a timezone as if in UTC; NaN before other numbers), and finally, for equal values, by lexical form,
    /// datatype and language, so "1"^^xsd:integer sorts before "1.0"^^xsd:decimal and the two are never `.equal`.
    /// Descending keys use `orderBy(a, b).reversed`.
    public static func orderBy(_ a: Term?, _ b: Term?) -> ValueOrdering {
        let (rankA, rankB) = (termRank(a), termRank(b))
        if rankA != rankB { return .of(rankA, rankB) }
        switch (a, b) {
        case (.blankNode(let x)?, .blankNode(let y)?): return codePointOrder(x.id, y.id)
        case (.iri(let x)?, .iri(let y)?): return codePointOrder(x.value, y.value)
        case (.literal(let x)?, .literal(let y)?): return literalOrder(x, y)
        default: return .equal
        }
    }

    private static func termRank(_ term: Term?) -> Int {
        switch term {
        case nil: 0
        case .blankNode?: 1
        case .iri?: 2
        case .literal?: 3
        }
    }

    private static func literalOrder(_ x: Literal, _ y: Literal) -> ValueOrdering {
        let (p, q) = (LiteralValue(x), LiteralValue(y))
        let (kindA, kindB) = (kindRank(p), kindRank(q))
        if kindA != kindB { return .of(kindA, kindB) }
        let valueOrder: ValueOrdering
        switch (p, q) {
        case (.numeric(let m), .numeric(let n)):
            valueOrder = m.compare(n) ?? .of(n.isNaN ? 1 : 0, m.isNaN ? 1 : 0)
        case (.string(let m), .string(let n)), (.langString(let m, _), .langString(let n, _)):
            valueOrder = codePointOrder(m, n)
        case (.boolean(let m), .boolean(let n)):
            valueOrder = .of(m ? 1 : 0, n ? 1 : 0)
        case (.dateTime(let m), .dateTime(let n)):
            valueOrder = .of(m.utcSeconds, n.utcSeconds)
        case (.duration(let m), .duration(let n)):
            valueOrder = m.months != n.months ? .of(m.months, n.months) : .of(m.seconds, n.seconds)
        default:
            valueOrder = codePointOrder(x.datatype.value, y.datatype.value)
        }
        if valueOrder != .equal { return valueOrder }
        let lexicalOrder = codePointOrder(x.lexicalForm, y.lexicalForm)
        if lexicalOrder != .equal { return lexicalOrder }
        let datatypeOrder = codePointOrder(x.datatype.value, y.datatype.value)
        if datatypeOrder != .equal { return datatypeOrder }
        return codePointOrder(x.language ?? "", y.language ?? "")
    }

    private static func kindRank(_ value: LiteralValue) -> Int {
        switch value {
        case .numeric: 0
        case .string: 1
        case .langString: 2
        case .boolean: 3
        case .dateTime(let dateTime):
            switch dateTime.kind {
            case .dateTime: 4
            case .date: 5
            case .time: 6
            }
        case .duration: 7
        case .unsupported: 8
        }
    }

    /// Code point order, which for UTF-8 is byte order.
    static func codePointOrder(_ a: String, _ b: String) -> ValueOrdering {
        if a.utf8.elementsEqual(b.utf8) { return .equal }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? .less : .greater
    }
}

extension NumericValue {
    var isNaN: Bool {
        switch self {
        case .float(let value): value.isNaN
        case .double(let value): value.isNaN
        default: false
        }
    }
}
