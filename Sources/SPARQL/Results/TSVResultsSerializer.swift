import RDF

/// Writes the SPARQL 1.1 Query Results TSV Format (https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv).
///
/// A header of `?name`s, then one line per solution, each line ended by LF as in the W3C test files. Terms use
/// Turtle / N-Triples syntax: `<iri>`, `_:label`, `"lexical"@lang`, `"lexical"^^<datatype>` (no datatype for
/// `xsd:string`). An `xsd:integer`, `xsd:decimal` or `xsd:double` whose lexical form is already a Turtle number token,
/// and an `xsd:boolean` `true` or `false`, is written bare (`4`, `5.5`, `1.0E6`, `true`) exactly as stored: never
/// canonicalised, so it reads back as the same term. Strings escape `\t`, `\n`, `\r`, `"` and `\` as ECHARs and other
/// control characters as `\u00XX`, so a value never breaks a line or a column.
///
/// ASK has no TSV form in the specification. We write Jena's: `?_askResult` LF `true` LF.
enum TSVResultsSerializer {
    /// The header cell of the one-column table that stands for an ASK result (Jena's convention).
    static let askColumn = "?_askResult"

    static func writeHead(_ variables: [String], to out: inout ByteSink) {
        for (index, variable) in variables.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\t")) }
            out.append(UInt8(ascii: "?"))
            out.append(utf8: variable)
        }
        out.append(UInt8(ascii: "\n"))
    }

    static func writeRow(_ row: [Term?], to out: inout ByteSink) {
        for index in row.indices {
            if index > 0 { out.append(UInt8(ascii: "\t")) }
            if let term = row[index] { writeTerm(term, to: &out) }
        }
        out.append(UInt8(ascii: "\n"))
    }

    static func writeTerm(_ term: Term, to out: inout ByteSink) {
        switch term {
        case .iri(let iri): out.appendTurtleIRI(iri.value)
        case .blankNode(let node): out.appendTurtleBlankNode(node.id)
        case .literal(let literal): writeLiteral(literal, to: &out)
        }
    }

    static func writeLiteral(_ literal: Literal, to out: inout ByteSink) {
        if literal.language == nil, literal.datatype != XSD.string, isBare(literal) {
            out.append(utf8: literal.lexicalForm)
            return
        }
        out.appendTurtleString(literal.lexicalForm)
        if let language = literal.language {
            out.append(UInt8(ascii: "@"))
            out.append(utf8: language)
        } else if literal.datatype != XSD.string {
            out.append("^^")
            out.appendTurtleIRI(literal.datatype.value)
        }
    }

    /// Whether the literal may be written as a bare Turtle number or boolean and still read back as itself.
    private static func isBare(_ literal: Literal) -> Bool {
        let datatype = literal.datatype
        if datatype == XSD.boolean { return literal.lexicalForm == "true" || literal.lexicalForm == "false" }
        guard datatype == XSD.integer || datatype == XSD.decimal || datatype == XSD.double else { return false }
        return literal.lexicalForm.withUTF8Bytes { TurtleNumber.datatype(of: $0) } == datatype
    }

    static func writeBoolean(_ value: Bool, to out: inout ByteSink) {
        out.append(value ? "?_askResult\ntrue\n" : "?_askResult\nfalse\n")
    }
}

extension ByteSink {
    /// Appends `<iri>`, with the characters IRIREF forbids written as `\u00XX` (as `NTriples.iri` does).
    mutating func appendTurtleIRI(_ iri: String) {
        append(UInt8(ascii: "<"))
        iri.withUTF8Bytes { bytes in
            if bytes.allSatisfy({ !Self.isForbiddenInIRI($0) }) {
                append(bytes)
            } else {
                appendEscapedIRI(bytes)
            }
        }
        append(UInt8(ascii: ">"))
    }

    @inline(never)
    private mutating func appendEscapedIRI(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if Self.isForbiddenInIRI(byte) { appendUnicodeEscape(byte) } else { append(byte) }
        }
    }

    @inline(__always)
    private static func isForbiddenInIRI(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
            UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
            true
        default: false
        }
    }

    /// Appends `_:label`; a label N-Triples would reject is rewritten by `NTriples.blankNode`, consistently.
    mutating func appendTurtleBlankNode(_ id: String) {
        let isSimple = id.withUTF8Bytes { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "-") else { return false }
            return bytes.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
        }
        if isSimple {
            append("_:")
            append(utf8: id)
        } else {
            appendRareBlankNode(id)
        }
    }

    @inline(never)
    private mutating func appendRareBlankNode(_ id: String) {
        append(utf8: NTriples.blankNode(id))
    }

    /// Appends `"text"`, escaping `"`, `\`, tab, LF and CR as ECHARs and other control characters as UCHARs.
    mutating func appendTurtleString(_ text: String) {
        append(UInt8(ascii: "\""))
        text.withUTF8Bytes { bytes in
            if bytes.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0x7F }) {
                append(bytes)
            } else {
                appendEscapedTurtleString(bytes)
            }
        }
        append(UInt8(ascii: "\""))
    }

    @inline(never)
    private mutating func appendEscapedTurtleString(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x00..<0x20, 0x7F: appendUnicodeEscape(byte)
            default: append(byte)
            }
        }
    }
}
