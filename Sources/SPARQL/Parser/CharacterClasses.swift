/// The character classes of the SPARQL grammar's terminals (https://www.w3.org/TR/sparql11-query/#rPN_CHARS_BASE).
enum CharacterClasses {
    /// PN_CHARS_BASE
    static func isNameStartBase(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "\u{C0}"..."\u{D6}", "\u{D8}"..."\u{F6}", "\u{F8}"..."\u{2FF}", "\u{370}"..."\u{37D}",
            "\u{37F}"..."\u{1FFF}", "\u{200C}"..."\u{200D}", "\u{2070}"..."\u{218F}", "\u{2C00}"..."\u{2FEF}",
            "\u{3001}"..."\u{D7FF}", "\u{F900}"..."\u{FDCF}", "\u{FDF0}"..."\u{FFFD}", "\u{10000}"..."\u{EFFFF}":
            true
        default: false
        }
    }

    /// PN_CHARS_U
    static func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || isNameStartBase(c) }

    /// PN_CHARS
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "0"..."9", "\u{B7}", "\u{300}"..."\u{36F}", "\u{203F}"..."\u{2040}": true
        default: isNameStart(c)
        }
    }

    /// The characters after the first of a VARNAME.
    static func isVariableNameCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "0"..."9", "\u{B7}", "\u{300}"..."\u{36F}", "\u{203F}"..."\u{2040}": true
        default: isNameStart(c)
        }
    }

    /// The characters a PN_LOCAL_ESC may escape.
    static func isLocalEscapable(_ c: Unicode.Scalar) -> Bool {
        "_~.-!$&'()*+,;=/?#@%".unicodeScalars.contains(c)
    }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) || ("a"..."z").contains(c) }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    static func isHexDigit(_ c: Unicode.Scalar) -> Bool { c.properties.isASCIIHexDigit }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    /// The characters IRIREF excludes besides controls and space.
    /// A switch, not a search of a string's scalars: it runs for every character of every IRI.
    static func isForbiddenInIRI(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{0}"..."\u{20}", "<", ">", "\"", "{", "}", "|", "^", "`", "\\": true
        default: false
        }
    }

    /// Characters of bare words: keywords and built-in function names.
    static func isKeywordCharacter(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || isDigit(c) || c == "_"
    }
}
