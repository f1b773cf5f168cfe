import RDF

extension Lexer {
    /// STRING_LITERAL1/2 and STRING_LITERAL_LONG1/2, with ECHAR escapes processed.
    mutating func lexString(quote: Unicode.Scalar) throws -> Token.Kind {
        let start = index
        let isLong = peek(1) == quote && peek(2) == quote
        index += isLong ? 3 : 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                throw error("unterminated string: expected a closing \(isLong ? "\(quote)\(quote)\(quote)" : "\(quote)")", from: start, to: index)
            }
            if c == quote {
                if !isLong {
                    index += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    index += 3
                    break
                }
                value.append(c)
                index += 1
            } else if c == "\\" {
                guard let escaped = peek(1), let replacement = Self.echar(escaped) else {
                    let shown = peek(1).map { "\\" + Self.show($0) } ?? "\\"
                    throw error(
                        "invalid escape '\(shown)' in a string; expected one of \\t \\b \\n \\r \\f \\\" \\' \\\\",
                        from: index, to: min(index + 2, source.scalars.count))
                }
                value.append(replacement)
                index += 2
            } else if !isLong && (c == "\n" || c == "\r") {
                throw error("line break in a string; use \\n or a long string (\(quote)\(quote)\(quote))", from: index, to: index + 1)
            } else {
                value.append(c)
                index += 1
            }
        }
        return .string(String(value))
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

    /// PNAME_NS / PNAME_LN, where the prefix is `scalars[index..<prefixEnd]` and `scalars[prefixEnd]` is `:`.
    mutating func lexPrefixedName(prefixEnd: Int) throws -> Token.Kind {
        let prefix = source.text(index..<prefixEnd)
        index = prefixEnd + 1
        var local: [Unicode.Scalar] = []
        // The length of `local` up to its last character that may end a name, not a copy of it: copying at every
        // character made a long name quadratic (a 1 MB local part took minutes).
        var committedLength = 0
        var committedIndex = index
        var isFirst = true
        while let c = peek() {
            if c == "%" {
                guard let h1 = peek(1), let h2 = peek(2), CharacterClasses.isHexDigit(h1), CharacterClasses.isHexDigit(h2) else {
                    throw error("invalid percent-encoding in a prefixed name: expected two hexadecimal digits after '%'", from: index, to: index + 1)
                }
                local.append(contentsOf: [c, h1, h2])
                index += 3
            } else if c == "\\" {
                guard let escaped = peek(1), CharacterClasses.isLocalEscapable(escaped) else {
                    let shown = peek(1).map { "\\" + Self.show($0) } ?? "\\"
                    throw error("invalid escape '\(shown)' in a prefixed name", from: index, to: min(index + 2, source.scalars.count))
                }
                local.append(escaped)
                index += 2
            } else if isFirst ? (CharacterClasses.isNameStart(c) || CharacterClasses.isDigit(c) || c == ":")
                : (CharacterClasses.isNameCharacter(c) || c == ":" || c == ".")
            {
                local.append(c)
                index += 1
                if c == "." { isFirst = false; continue }
            } else {
                break
            }
            isFirst = false
            committedLength = local.count
            committedIndex = index
        }
        // A local name cannot end with '.': trailing dots belong to the next token.
        index = committedIndex
        var name = String.UnicodeScalarView()
        name.append(contentsOf: local[..<committedLength])
        return .prefixedName(prefix: prefix, local: String(name))
    }
}
