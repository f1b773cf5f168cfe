import RDF

/// Turtle's abbreviated numeric literals (https://www.w3.org/TR/turtle/#abbrev): `INTEGER`, `DECIMAL` and `DOUBLE`,
/// which TSV results use for `xsd:integer`, `xsd:decimal` and `xsd:double`.
enum TurtleNumber {
    /// The datatype a bare number token denotes, or `nil` if `bytes` is not exactly one Turtle number.
    ///
    /// `INTEGER ::= [+-]? [0-9]+`, `DECIMAL ::= [+-]? [0-9]* '.' [0-9]+`,
    /// `DOUBLE ::= [+-]? ([0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT)`, `EXPONENT ::= [eE] [+-]? [0-9]+`.
    static func datatype(of bytes: some Collection<UInt8>) -> IRI? {
        var index = bytes.startIndex
        func digits() -> Int {
            var count = 0
            while index != bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                bytes.formIndex(after: &index)
                count += 1
            }
            return count
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index != bytes.endIndex, bytes[index] == byte else { return false }
            bytes.formIndex(after: &index)
            return true
        }
        if !skip(UInt8(ascii: "+")) { _ = skip(UInt8(ascii: "-")) }
        let integerDigits = digits()
        var fractionDigits = 0
        let hasPoint = skip(UInt8(ascii: "."))
        if hasPoint { fractionDigits = digits() }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if index == bytes.endIndex {
            if !hasPoint { return XSD.integer }
            return fractionDigits > 0 ? XSD.decimal : nil
        }
        guard skip(UInt8(ascii: "e")) || skip(UInt8(ascii: "E")) else { return nil }
        if !skip(UInt8(ascii: "+")) { _ = skip(UInt8(ascii: "-")) }
        guard digits() > 0, index == bytes.endIndex else { return nil }
        return XSD.double
    }
}
