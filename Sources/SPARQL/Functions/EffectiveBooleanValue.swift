public import RDF

extension SPARQLFunctions {
    /// The effective boolean value (SPARQL 1.1 §17.2.2, https://www.w3.org/TR/sparql11-query/#ebv), which FILTER,
    /// `&&`, `||`, `!` and `IF` apply to their operands.
    ///
    /// - Returns: a valid `xsd:boolean`'s value; for numerics, false for zero and NaN; for simple, `xsd:string` and
    ///   language-tagged literals, false when empty; and false for a boolean or numeric literal with an invalid lexical
    ///   form ("abc"^^xsd:integer).
    /// - Throws: `ExpressionError.typeError` for IRIs, blank nodes and literals of other datatypes.
    public static func effectiveBooleanValue(_ term: Term) throws(ExpressionError) -> Bool {
        guard case .literal(let literal) = term else { throw .typeError("\(term) has no effective boolean value") }
        let datatype = literal.datatype
        if datatype == XSD.boolean { return LiteralValue.parseBoolean(literal.lexicalForm) ?? false }
        if datatype == XSD.string || literal.language != nil { return !literal.lexicalForm.isEmpty }
        if NumericValue.isNumericDatatype(datatype) { return NumericValue(literal).map { !$0.isZeroOrNaN } ?? false }
        throw .typeError("\(term) has no effective boolean value")
    }
}
