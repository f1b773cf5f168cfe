import RDF

/// Reads one RDF term in Turtle syntax from a TSV field: `<iri>`, `_:label`, `"…"`/`'…'` with `@lang` or
/// `^^<datatype>`, a bare number, `true` or `false`. Errors carry the position within the whole input.
struct TurtleTermReader {
    private let bytes: [UInt8]
    private var index: Int
    private var end: Int

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    /// The field's term, or `nil` if the field is empty or spaces only (an unbound variable).
    /// - Throws: `QueryResultsSyntaxError` if the field is not exactly one term.
    mutating func readWholeField() throws -> Term? {
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        while end > index, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard index < end else { return nil }
        let term = try readTerm()
        guard index == end else { throw error("unexpected text after the term") }
        return term
    }

    private mutating func readTerm() throws -> Term {
        switch bytes[index] {
        case UInt8(ascii: "<"):
            return .iri(try readIRI())
        case UInt8(ascii: "_"):
            guard index + 2 < end, bytes[index + 1] == UInt8(ascii: ":") else { throw error("expected '_:' and a label") }
            let label = try decode(bytes[(index + 2)..<end], at: index)
            index = end
            return .blankNode(BlankNode(label))
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .literal(try readLiteral())
        default:
            let token = bytes[index..<end]
            if token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8) {
                index = end
                return .literal(Literal(token.first == UInt8(ascii: "t") ? "true" : "false", datatype: XSD.boolean))
            }
            guard let datatype = TurtleNumber.datatype(of: token) else { throw error("expected an RDF term in Turtle syntax") }
            index = end
            return .literal(Literal(String(decoding: token, as: UTF8.self), datatype: datatype))
        }
    }

    private mutating func readIRI() throws -> IRI {
        let start = index
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < end else { throw error("unterminated IRI", at: start) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ">"):
                index += 1
                return IRI(try decode(value[...], at: start))
            case UInt8(ascii: "\\"):
                let scalar = try readUnicodeEscape()
                value.append(contentsOf: String(scalar).utf8)
            case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
                UInt8(ascii: "^"), UInt8(ascii: "`"):
                throw error("character not allowed in an IRI")
            default:
                value.append(byte)
                index += 1
            }
        }
    }

    private mutating func readLiteral() throws -> Literal {
        let start = index
        let quote = bytes[index]
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < end else { throw error("unterminated string", at: start) }
            let byte = bytes[index]
            if byte == quote {
                index += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                try readStringEscape(into: &value)
            } else {
                value.append(byte)
                index += 1
            }
        }
        let lexical = try decode(value[...], at: start)
        guard index < end else { return Literal(lexical) }
        switch bytes[index] {
        case UInt8(ascii: "@"):
            index += 1
            let tagStart = index
            while index < end, Self.isLanguageTagByte(bytes[index]) { index += 1 }
            guard index > tagStart else { throw error("expected a language tag after '@'") }
            return Literal(lexical, language: String(decoding: bytes[tagStart..<index], as: UTF8.self))
        case UInt8(ascii: "^"):
            guard index + 2 < end, bytes[index + 1] == UInt8(ascii: "^"), bytes[index + 2] == UInt8(ascii: "<") else {
                throw error("expected '^^<datatype>' (TSV has no prefixed names)")
            }
            index += 2
            return Literal(lexical, datatype: try readIRI())
        default:
            return Literal(lexical)
        }
    }

    private mutating func readStringEscape(into value: inout [UInt8]) throws {
        guard index + 1 < end else { throw error("unterminated escape") }
        let replacement: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "\""): replacement = 0x22
        case UInt8(ascii: "'"): replacement = 0x27
        case UInt8(ascii: "\\"): replacement = 0x5C
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            value.append(contentsOf: String(try readUnicodeEscape()).utf8)
            return
        default: throw error("invalid escape sequence")
        }
        index += 2
        value.append(replacement)
    }

    /// `\uXXXX` or `\UXXXXXXXX` at `index`.
    private mutating func readUnicodeEscape() throws -> Unicode.Scalar {
        let start = index
        guard index + 1 < end else { throw error("unterminated escape") }
        let digits: Int
        switch bytes[index + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw error("expected \\u or \\U")
        }
        guard index + 2 + digits <= end else { throw error("truncated unicode escape") }
        var code: UInt32 = 0
        for byte in bytes[(index + 2)..<(index + 2 + digits)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in unicode escape", at: start)
            }
            code = code << 4 | UInt32(digit)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("escape is not a Unicode scalar value", at: start) }
        index += 2 + digits
        return scalar
    }

    private static func isLanguageTagByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"):
            true
        default: false
        }
    }

    private func decode(_ slice: ArraySlice<UInt8>, at offset: Int) throws -> String {
        guard let string = String(validating: slice, as: UTF8.self) else { throw error("invalid UTF-8", at: offset) }
        return string
    }

    private func error(_ message: String, at offset: Int? = nil) -> QueryResultsSyntaxError {
        QueryResultsSyntaxError(message, offset: offset ?? index, in: bytes)
    }
}
