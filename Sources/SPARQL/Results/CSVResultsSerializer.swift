import RDF

/// Writes the SPARQL 1.1 Query Results CSV Format (https://www.w3.org/TR/sparql11-results-csv-tsv/#csv).
///
/// A header of variable names (no `?`), then one line per solution, every line ended by CRLF (RFC 4180). Values are
/// plain strings: an IRI as itself, a literal as its lexical form only (datatype and language are lost), a blank node as
/// `_:label`, an unbound variable as an empty field. A field holding `"`, `,`, CR or LF is quoted, with `"` doubled.
///
/// ASK has no CSV form in the specification. We write Jena's: a one-column table, `_askResult` CRLF `true` CRLF.
/// Any CSV consumer can read it as a table, and `QueryResultsParser` reads it (and Oxigraph's bare `true`) back as a boolean.
enum CSVResultsSerializer {
    /// The header cell of the one-column table that stands for an ASK result (Jena's convention).
    static let askColumn = "_askResult"

    static func writeHead(_ variables: [String], to out: inout ByteSink) {
        for (index, variable) in variables.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.appendCSVField(variable)
        }
        out.append("\r\n")
    }

    static func writeRow(_ row: [Term?], to out: inout ByteSink) {
        for index in row.indices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            switch row[index] {
            case nil: break
            case .iri(let iri): out.appendCSVField(iri.value)
            case .literal(let literal): out.appendCSVField(literal.lexicalForm)
            case .blankNode(let node): out.appendCSVField(node.id, prefix: "_:")
            }
        }
        out.append("\r\n")
    }

    static func writeBoolean(_ value: Bool, to out: inout ByteSink) {
        out.append(value ? "_askResult\r\ntrue\r\n" : "_askResult\r\nfalse\r\n")
    }
}

extension ByteSink {
    /// Appends `prefix` + `string` as one CSV field, quoted if it holds `"`, `,`, CR or LF.
    mutating func appendCSVField(_ string: String, prefix: StaticString = "") {
        string.withUTF8Bytes { bytes in
            if !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0A || $0 == 0x0D }) {
                append(prefix)
                append(bytes)
            } else {
                appendQuotedCSVField(bytes, prefix: prefix)
            }
        }
    }

    @inline(never)
    private mutating func appendQuotedCSVField(_ bytes: UnsafeBufferPointer<UInt8>, prefix: StaticString) {
        append(UInt8(ascii: "\""))
        append(prefix)
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { append(UInt8(ascii: "\"")) }
            append(byte)
        }
        append(UInt8(ascii: "\""))
    }
}
