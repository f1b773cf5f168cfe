import RDF

/// Reads one RDF term in Turtle syntax from a TSV field: `<iri>`, `_:label`, `"…"`/`'…'` with `@lang` or
/// `^^<datatype>`, a bare number, `true` or `false`. Errors carry the position within the whole input.
///
/// IRIs and string escapes are read by RDF's `NTriplesTokens`, as in N-Triples but allowing relative IRIs.
struct TurtleTermReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
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
        do throws(NTriplesTokens.Failure) {
            return IRI(try NTriplesTokens.readIRIRef(bytes, at: &index, end: end, refusingEscapedDelimiters: false))
        } catch {
            throw self.error(error.message, at: error.offset)
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
                do throws(NTriplesTokens.Failure) {
                    try NTriplesTokens.readStringEscape(bytes, at: &index, end: end, into: &value)
                } catch {
                    throw self.error(error.message, at: error.offset)
                }
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
            while index < end, NTriplesTokens.isLanguageTagByte(bytes[index]) { index += 1 }
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

    private func decode(_ slice: some Collection<UInt8>, at offset: Int) throws -> String {
        guard let string = String(validating: slice, as: UTF8.self) else { throw error("invalid UTF-8", at: offset) }
        return string
    }

    private func error(_ message: String, at offset: Int? = nil) -> QueryResultsSyntaxError {
        QueryResultsSyntaxError(message, offset: offset ?? index, in: bytes)
    }
}
