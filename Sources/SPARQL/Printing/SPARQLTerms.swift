import RDF

/// How terms, variables and paths are written in SPARQL text. One place, so the query and update printers agree.
enum SPARQLTerms {
    /// A term: IRIs in full (`<…>`), literals in N-Triples form or as a bare number / boolean when that reads back
    /// identically, blank nodes as labels.
    static func term(_ term: Term) -> String {
        guard case .literal(let literal) = term else { return term.description }
        if literal.datatype == XSD.boolean, literal.lexicalForm == "true" || literal.lexicalForm == "false" {
            return literal.lexicalForm
        }
        if let kind = numberKind(literal.lexicalForm),
            (kind == 0 && literal.datatype == XSD.integer) || (kind == 1 && literal.datatype == XSD.decimal)
                || (kind == 2 && literal.datatype == XSD.double)
        {
            return literal.lexicalForm
        }
        return literal.description
    }

    /// Which unsigned numeric terminal `text` is exactly: 0 INTEGER, 1 DECIMAL, 2 DOUBLE; `nil` for none. Signed
    /// numbers are left to the typed-literal form, because `?x -1` would read back as a subtraction.
    private static func numberKind(_ text: String) -> Int? {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let c = scalars.first, ("0"..."9").contains(c) {
                scalars.removeFirst()
                count += 1
            }
            return count
        }
        let integerDigits = digits()
        var fractionDigits = 0
        var hasDot = false
        if scalars.first == "." {
            scalars.removeFirst()
            hasDot = true
            fractionDigits = digits()
        }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars.removeFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars.removeFirst() }
            guard digits() > 0, scalars.isEmpty, integerDigits + fractionDigits > 0 else { return nil }
            return 2
        }
        guard scalars.isEmpty else { return nil }
        if hasDot { return fractionDigits > 0 ? 1 : nil }
        return integerDigits > 0 ? 0 : nil
    }

    /// A variable in an expression or a list. Generated variables cannot be written there; they print as `?_gen_…`,
    /// which parses back as an ordinary variable (the parser never puts one in such a position).
    static func variable(_ variable: Variable) -> String {
        variable.isGenerated ? "?_gen_" + variable.name.dropFirst(2) : "?" + variable.name
    }

    /// A subject or object of a WHERE clause: generated variables, which stand for blank nodes, print as blank nodes.
    static func position(_ position: TermPattern) -> String {
        switch position {
        case .variable(let v): v.isGenerated ? "_:" + v.name.dropFirst(2) : "?" + v.name
        case .term(let t): term(t)
        }
    }

    static func triple(_ triple: TriplePattern) -> String {
        "\(position(triple.subject)) \(position(triple.predicate)) \(position(triple.object)) ."
    }

    /// A SPARQL string literal (for GROUP_CONCAT's separator).
    static func string(_ value: String) -> String { NTriples.quoted(value) }
}
