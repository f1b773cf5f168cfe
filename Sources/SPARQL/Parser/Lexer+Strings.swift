import RDF

extension Lexer {
    /// STRING_LITERAL1/2 and STRING_LITERAL_LONG1/2, with ECHAR escapes processed. The text between escapes is
    /// copied a run at a time, and the scan reads a local copy of the scalars: a character at a time through `peek`
    /// and `UnicodeScalarView.append` cost a debug build a second for a 5 MB literal.
    mutating func lexString(quote: Unicode.Scalar) throws -> Token.Kind {
        let scalars = source.scalars
        let start = index
        let isLong = peek(1) == quote && peek(2) == quote
        var position = index + (isLong ? 3 : 1)
        var value = ""
        var runStart = position
        while true {
            guard position < scalars.count else {
                index = position
                throw error("unterminated string: expected a closing \(isLong ? "\(quote)\(quote)\(quote)" : "\(quote)")", from: start, to: index)
            }
            let c = scalars[position]
            if c == quote {
                if !isLong {
                    value += source.text(runStart..<position)
                    position += 1
                    break
                }
                if position + 2 < scalars.count, scalars[position + 1] == quote, scalars[position + 2] == quote {
                    value += source.text(runStart..<position)
                    position += 3
                    break
                }
                position += 1
            } else if c == "\\" {
                guard position + 1 < scalars.count, let replacement = Self.echar(scalars[position + 1]) else {
                    let shown = position + 1 < scalars.count ? "\\" + Self.show(scalars[position + 1]) : "\\"
                    throw error(
                        "invalid escape '\(shown)' in a string; expected one of \\t \\b \\n \\r \\f \\\" \\' \\\\",
                        from: position, to: min(position + 2, scalars.count))
                }
                value += source.text(runStart..<position)
                value.unicodeScalars.append(replacement)
                position += 2
                runStart = position
            } else if !isLong && (c == "\n" || c == "\r") {
                throw error("line break in a string; use \\n or a long string (\(quote)\(quote)\(quote))", from: position, to: position + 1)
            } else {
                position += 1
            }
        }
        index = position
        return .string(value)
    }

    private static func echar(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "t": "\t"
        case "b": "\u{08}"
        case "n": "\n"
        case "r": "\r"
        case "f": "\u{0C}"
        case "\"", "'", "\\": c
        default: nil
        }
    }

    /// PNAME_NS / PNAME_LN, where the prefix is `scalars[index..<prefixEnd]` and `scalars[prefixEnd]` is `:`. The name
    /// is copied a run at a time between `\` escapes (which drop their backslash; `%hh` stays as written), from a local
    /// copy of the scalars, as in `lexString`.
    mutating func lexPrefixedName(prefixEnd: Int) throws -> Token.Kind {
        let scalars = source.scalars
        let prefix = source.text(index..<prefixEnd)
        var position = prefixEnd + 1
        var name = ""
        var runStart = position
        // Where the name last ended on a character that may end it: trailing dots belong to the next token.
        var committed = position
        var isFirst = true
        while position < scalars.count {
            let c = scalars[position]
            if c == "%" {
                guard position + 2 < scalars.count, CharacterClasses.isHexDigit(scalars[position + 1]),
                    CharacterClasses.isHexDigit(scalars[position + 2])
                else {
                    throw error(
                        "invalid percent-encoding in a prefixed name: expected two hexadecimal digits after '%'", from: position, to: position + 1)
                }
                position += 3
            } else if c == "\\" {
                guard position + 1 < scalars.count, CharacterClasses.isLocalEscapable(scalars[position + 1]) else {
                    let shown = position + 1 < scalars.count ? "\\" + Self.show(scalars[position + 1]) : "\\"
                    throw error("invalid escape '\(shown)' in a prefixed name", from: position, to: min(position + 2, scalars.count))
                }
                name += source.text(runStart..<position)
                name.unicodeScalars.append(scalars[position + 1])
                position += 2
                runStart = position
            } else if isFirst ? (CharacterClasses.isNameStart(c) || CharacterClasses.isDigit(c) || c == ":")
                : (CharacterClasses.isNameCharacter(c) || c == ":" || c == ".")
            {
                position += 1
                if c == "." { isFirst = false; continue }
            } else {
                break
            }
            isFirst = false
            committed = position
        }
        index = committed
        name += source.text(runStart..<committed)
        return .prefixedName(prefix: prefix, local: name)
    }
}
