/// N-Triples lexical forms (https://www.w3.org/TR/n-triples/#canonical-ntriples): the one place terms become text.
public enum NTriples {
    /// `<iri>`, with characters IRIREF forbids written as `\uXXXX`.
    public static func iri(_ value: String) -> String {
        var out = "<"
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "<", ">", "\"", "{", "}", "|", "^", "`", "\\", "\u{00}"..."\u{20}":
                out += uEscape(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += ">"
        return out
    }

    /// `"lexical"` then `@lang`, or `^^<datatype>` unless the datatype is `xsd:string`.
    public static func literal(_ literal: Literal) -> String {
        var out = quoted(literal.lexicalForm)
        if let language = literal.language {
            out += "@" + language
        } else if literal.datatype != XSD.string {
            out += "^^" + iri(literal.datatype.value)
        }
        return out
    }

    /// `"…"` with `"`, `\`, newline and carriage return as ECHAR and other control characters as UCHAR.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{00}"..."\u{1F}", "\u{7F}": out += uEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// `_:label`. A label that N-Triples would reject is made safe by replacing each offending character with `_xHH…`,
    /// so any blank node we hold can be written and read back.
    public static func blankNode(_ id: String) -> String { "_:" + safeBlankNodeLabel(id) }

    /// `id` if it is a valid N-Triples label, else a label made of its characters with each offending one written `_xHH…`.
    /// Stores keep only safe labels, so what they write reads back as the same blank node.
    public static func safeBlankNodeLabel(_ id: String) -> String {
        if isValidBlankNodeLabel(id) { return id }
        var out = "b"
        for scalar in id.unicodeScalars {
            if isLabelCharacter(scalar) && scalar != "." {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_x" + String(scalar.value, radix: 16)
            }
        }
        return out
    }

    /// True if `id` matches BLANK_NODE_LABEL (without `_:`).
    public static func isValidBlankNodeLabel(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.last != "." else { return false }
        guard isNameStart(first) || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.dropFirst().allSatisfy { isLabelCharacter($0) || $0 == "." }
    }

    /// PN_CHARS_U from the N-Triples grammar.
    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "_", "\u{C0}"..."\u{D6}", "\u{D8}"..."\u{F6}", "\u{F8}"..."\u{2FF}", "\u{370}"..."\u{37D}",
            "\u{37F}"..."\u{1FFF}", "\u{200C}"..."\u{200D}", "\u{2070}"..."\u{218F}", "\u{2C00}"..."\u{2FEF}",
            "\u{3001}"..."\u{D7FF}", "\u{F900}"..."\u{FDCF}", "\u{FDF0}"..."\u{FFFD}", "\u{10000}"..."\u{EFFFF}":
            true
        default: false
        }
    }

    /// PN_CHARS from the N-Triples grammar.
    static func isLabelCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "0"..."9", "\u{B7}", "\u{300}"..."\u{36F}", "\u{203F}"..."\u{2040}": true
        default: isNameStart(c)
        }
    }

    private static func uEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return scalar.value > 0xFFFF
            ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
