import RDF

/// Writes the SPARQL Query Results XML Format (https://www.w3.org/TR/rdf-sparql-XMLres/), compactly: an XML
/// declaration line, then `<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>…</head><results>…</results></sparql>`
/// and a final newline.
///
/// Escaping: `&`, `<` and `>` everywhere, `"` in attributes, and CR as `&#13;` (a parser would turn a raw CR into LF).
/// In attributes, tab and LF are written `&#9;` and `&#10;` too, which attribute-value normalisation would otherwise
/// turn into spaces. XML 1.0 cannot carry the other C0 control characters, nor U+FFFE/U+FFFF, even as character
/// references: they are written as U+FFFD REPLACEMENT CHARACTER, so the output is always well-formed, at the cost of
/// changing such (rare) strings. Refusing them is not an option once the first byte of a response is sent (STYLE.md §8).
enum XMLResultsSerializer {
    /// Each variable's opening `<binding name="…">` tag, encoded once per result set.
    static func bindingTags(for variables: [String]) -> [[UInt8]] {
        variables.map { variable in
            var sink = ByteSink(initialCapacity: 0) { _ in }
            sink.append("<binding name=\"")
            sink.appendXMLEscaped(variable, inAttribute: true)
            sink.append("\">")
            return sink.pendingBytes
        }
    }

    static func writeHead(_ variables: [String], to out: inout ByteSink) {
        out.append("<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head>")
        for variable in variables {
            out.append("<variable name=\"")
            out.appendXMLEscaped(variable, inAttribute: true)
            out.append("\"/>")
        }
        out.append("</head><results>")
    }

    static func writeRow(_ row: [Term?], bindingTags: [[UInt8]], to out: inout ByteSink) {
        out.append("<result>")
        for index in row.indices {
            guard let term = row[index] else { continue }
            out.append(bindingTags[index])
            writeTerm(term, to: &out)
            out.append("</binding>")
        }
        out.append("</result>")
    }

    static func writeTerm(_ term: Term, to out: inout ByteSink) {
        switch term {
        case .iri(let iri):
            out.append("<uri>")
            out.appendXMLEscaped(iri.value, inAttribute: false)
            out.append("</uri>")
        case .blankNode(let node):
            out.append("<bnode>")
            out.appendXMLEscaped(node.id, inAttribute: false)
            out.append("</bnode>")
        case .literal(let literal):
            if let language = literal.language {
                out.append("<literal xml:lang=\"")
                out.appendXMLEscaped(language, inAttribute: true)
                out.append("\">")
            } else if literal.datatype != XSD.string {
                out.append("<literal datatype=\"")
                out.appendXMLEscaped(literal.datatype.value, inAttribute: true)
                out.append("\">")
            } else {
                out.append("<literal>")
            }
            out.appendXMLEscaped(literal.lexicalForm, inAttribute: false)
            out.append("</literal>")
        }
    }

    static func writeFooter(to out: inout ByteSink) {
        out.append("</results></sparql>\n")
    }

    static func writeBoolean(_ value: Bool, to out: inout ByteSink) {
        out.append("<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head/>")
        out.append(value ? "<boolean>true</boolean></sparql>\n" : "<boolean>false</boolean></sparql>\n")
    }
}

extension ByteSink {
    /// Appends `string` as XML character data or attribute-value text (see `XMLResultsSerializer` for the rules).
    mutating func appendXMLEscaped(_ string: String, inAttribute: Bool) {
        string.withUTF8Bytes { bytes in
            // 0xEF starts U+FFFE and U+FFFF (and other characters, which the slow path copies unchanged).
            if bytes.allSatisfy({
                $0 >= 0x20 && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
                    && $0 != UInt8(ascii: "\"") && $0 != 0xEF
            }) {
                append(bytes)
            } else {
                appendXMLEscapedSlowly(bytes, inAttribute: inAttribute)
            }
        }
    }

    @inline(never)
    private mutating func appendXMLEscapedSlowly(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\"") where inAttribute: append("&quot;")
            case 0x0D: append("&#13;")
            case 0x09 where inAttribute: append("&#9;")
            case 0x0A where inAttribute: append("&#10;")
            case 0x09, 0x0A: append(byte)
            case 0x00..<0x20: append("\u{FFFD}")
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                append("\u{FFFD}")
                index += 2
            default: append(byte)
            }
        }
    }
}
