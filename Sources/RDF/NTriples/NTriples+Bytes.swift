extension NTriples {
    /// Appends the N-Triples form of `term` to `buffer` as UTF-8. Same output as `term.description`, without building
    /// strings: text that needs no escaping (nearly all of it) is copied in one go.
    public static func append(_ term: Term, to buffer: inout [UInt8]) {
        switch term {
        case .iri(let iri): appendIRI(iri.value, to: &buffer)
        case .blankNode(let node):
            buffer.append(UInt8(ascii: "_"))
            buffer.append(UInt8(ascii: ":"))
            appendRaw(safeBlankNodeLabel(node.id), to: &buffer)
        case .literal(let literal):
            appendQuoted(literal.lexicalForm, to: &buffer)
            if let language = literal.language {
                buffer.append(UInt8(ascii: "@"))
                appendRaw(language, to: &buffer)
            } else if literal.datatype != XSD.string {
                buffer.append(UInt8(ascii: "^"))
                buffer.append(UInt8(ascii: "^"))
                appendIRI(literal.datatype.value, to: &buffer)
            }
        }
    }

    /// Appends one N-Quads line (with its newline) for `quad`.
    public static func append(_ quad: Quad, to buffer: inout [UInt8]) {
        append(quad.subject, to: &buffer)
        buffer.append(UInt8(ascii: " "))
        append(quad.predicate, to: &buffer)
        buffer.append(UInt8(ascii: " "))
        append(quad.object, to: &buffer)
        if let graph = quad.graph.term {
            buffer.append(UInt8(ascii: " "))
            append(graph, to: &buffer)
        }
        buffer.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "\n")])
    }

    private static func appendIRI(_ value: String, to buffer: inout [UInt8]) {
        let clean = value.utf8.allSatisfy { byte in
            switch byte {
            case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
                false
            default: true
            }
        }
        guard clean else { return buffer.append(contentsOf: iri(value).utf8) }
        buffer.append(UInt8(ascii: "<"))
        appendRaw(value, to: &buffer)
        buffer.append(UInt8(ascii: ">"))
    }

    private static func appendQuoted(_ text: String, to buffer: inout [UInt8]) {
        let clean = text.utf8.allSatisfy { byte in byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") }
        guard clean else { return buffer.append(contentsOf: quoted(text).utf8) }
        buffer.append(UInt8(ascii: "\""))
        appendRaw(text, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func appendRaw(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }
}
