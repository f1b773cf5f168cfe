/// Translates an XPath regular expression (F&O 3.1 §5.6.1, https://www.w3.org/TR/xpath-functions-31/#regex-syntax)
/// with its flags into an ICU pattern for `NSRegularExpression`, so that ICU matches what XPath would.
///
/// The differences it bridges: `.` excludes only \n and \r; `^`/`$` anchor at the whole string, or with `m` at "\n"
/// line breaks only; `\s`, `\w`, `\i`, `\c` have XPath's (narrower or XML-specific) meanings; `\p{IsBlock}` is ICU's
/// `\p{InBlock}`; class subtraction `[a-z-[aeiou]]` is ICU's `--`; `x` removes whitespace except inside classes and
/// `q` quotes everything. Literal characters are written as `\x{…}` so ICU's extra syntax never applies. Escapes and
/// groups XPath does not have (`\b`, `\A`, `(?=…)`, `(?i)`) are errors rather than silently ICU's.
struct RegexTranslation {
    /// The ICU pattern.
    let pattern: String
    let caseInsensitive: Bool
    /// The `q` flag: the replacement string of REPLACE is literal too.
    let literal: Bool

    /// - Throws: `ExpressionError.invalidRegularExpression` for flags other than s, m, i, x, q and for syntax XPath rejects.
    init(_ xpathPattern: String, flags: String) throws(ExpressionError) {
        var (dotAll, multiline, caseInsensitive, extended, quote) = (false, false, false, false, false)
        for flag in flags {
            switch flag {
            case "s": dotAll = true
            case "m": multiline = true
            case "i": caseInsensitive = true
            case "x": extended = true
            case "q": quote = true
            default: throw .invalidRegularExpression("unknown flag \"\(flag)\" in \"\(flags)\"")
            }
        }
        self.caseInsensitive = caseInsensitive
        literal = quote
        if quote {
            pattern = xpathPattern.unicodeScalars.map(Self.literal).joined()
        } else {
            var parser = Parser(scalars: Array(xpathPattern.unicodeScalars), dotAll: dotAll, multiline: multiline, extended: extended)
            pattern = try parser.translate()
        }
    }

    /// A character as an ICU pattern atom: ASCII letters and digits as themselves, anything else as `\x{hex}`.
    static func literal(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return String(scalar) }
        return "\\x{" + String(scalar.value, radix: 16) + "}"
    }

    /// XML 1.0 (5th ed.) NameStartChar, as an ICU set body.
    static let nameStartCharacters =
        ":A-Z_a-z"
        + [
            (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF), (0x200C, 0x200D), (0x2070, 0x218F),
            (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF),
        ].map { "\\x{\(String($0.0, radix: 16))}-\\x{\(String($0.1, radix: 16))}" }.joined()
    /// XML 1.0 (5th ed.) NameChar, as an ICU set body.
    static let nameCharacters = nameStartCharacters + "\\x{2d}\\x{2e}0-9\\x{b7}\\x{300}-\\x{36f}\\x{203f}-\\x{2040}"

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let dotAll: Bool
        let multiline: Bool
        let extended: Bool
        var index = 0
        var groupCount = 0
        var openGroups = 0

        init(scalars: [Unicode.Scalar], dotAll: Bool, multiline: Bool, extended: Bool) {
            (self.scalars, self.dotAll, self.multiline, self.extended) = (scalars, dotAll, multiline, extended)
        }

        mutating func translate() throws(ExpressionError) -> String {
            var out = ""
            while let c = next() {
                if extended && Self.isWhitespace(c) { continue }
                switch c {
                case "\\": out += try escape()
                case "[": out += try characterClass()
                case ".": out += dotAll ? "(?s:.)" : "[^\\n\\r]"
                case "^": out += multiline ? "(?:^|(?<=\\n))" : "^"
                case "$": out += multiline ? "(?=\\n|\\z)" : "\\z"
                case "(":
                    if peek == "?" {
                        guard peek(1) == ":" else { throw error("only (?: groups are allowed") }
                        index += 2
                        out += "(?:"
                    } else {
                        groupCount += 1
                        out += "("
                    }
                    openGroups += 1
                case ")":
                    guard openGroups > 0 else { throw error("unbalanced )") }
                    openGroups -= 1
                    out += ")"
                case "|", "*", "+", "?": out += String(c)
                case "{": out += try quantity()
                default: out += RegexTranslation.literal(c)
                }
            }
            guard openGroups == 0 else { throw error("unbalanced (") }
            return out
        }

        /// `{n}`, `{n,}` or `{n,m}` after an atom.
        mutating func quantity() throws(ExpressionError) -> String {
            var text = "{"
            var sawDigit = false
            var sawComma = false
            while let c = next() {
                if extended && Self.isWhitespace(c) { continue }
                if c == "}" {
                    guard sawDigit else { break }
                    return text + "}"
                }
                if ("0"..."9").contains(c) {
                    sawDigit = true
                } else if c == "," && !sawComma && sawDigit {
                    sawComma = true
                } else {
                    break
                }
                text.unicodeScalars.append(c)
            }
            throw error("malformed quantifier")
        }

        /// After a backslash outside a class.
        mutating func escape() throws(ExpressionError) -> String {
            guard let c = next() else { throw error("trailing backslash") }
            if let single = Self.singleCharacterEscape(c) { return RegexTranslation.literal(single) }
            if ("1"..."9").contains(c) {
                var number = Int(c.value - 48)
                while let d = peek, ("0"..."9").contains(d), number * 10 + Int(d.value - 48) <= groupCount {
                    number = number * 10 + Int(d.value - 48)
                    index += 1
                }
                guard number <= groupCount else { throw error("back-reference \\\(number) to a missing group") }
                return "(?:\\\(number))"
            }
            guard let set = try classEscape(c) else { throw error("unknown escape \\\(c)") }
            return "[" + set + "]"
        }

        /// A multi-character escape as an ICU set body, or nil for other characters.
        mutating func classEscape(_ c: Unicode.Scalar) throws(ExpressionError) -> String? {
            switch c {
            case "s": return "\\x{20}\\t\\n\\r"
            case "S": return "^\\x{20}\\t\\n\\r"
            case "d": return "\\p{Nd}"
            case "D": return "\\P{Nd}"
            case "w": return "^\\p{P}\\p{Z}\\p{C}"
            case "W": return "\\p{P}\\p{Z}\\p{C}"
            case "i": return RegexTranslation.nameStartCharacters
            case "I": return "^" + RegexTranslation.nameStartCharacters
            case "c": return RegexTranslation.nameCharacters
            case "C": return "^" + RegexTranslation.nameCharacters
            case "p", "P":
                guard next() == "{" else { throw error("\\\(c) needs {name}") }
                var name = ""
                while let n = next(), n != "}" {
                    guard n.isASCII, n.properties.isAlphabetic || ("0"..."9").contains(n) || n == "-" else {
                        throw error("bad property name")
                    }
                    name.unicodeScalars.append(n)
                }
                guard !name.isEmpty, scalars[index - 1] == "}" else { throw error("unterminated \\\(c){") }
                if name.hasPrefix("Is") { name = "In" + name.dropFirst(2) }
                return "\\\(c){\(name)}"
            default: return nil
            }
        }

        /// After `[`: a character class, as a complete ICU set.
        mutating func characterClass() throws(ExpressionError) -> String {
            var negated = false
            if peek == "^" {
                negated = true
                index += 1
            }
            var body = ""
            var items = 0
            while true {
                guard let c = next() else { throw error("unterminated [") }
                if c == "]" {
                    guard items > 0 else { throw error("empty character class") }
                    return (negated ? "[^" : "[") + body + "]"
                }
                if c == "-" && peek == "[" && items > 0 {
                    index += 1
                    let subtracted = try characterClass()
                    guard next() == "]" else { throw error("subtraction must end its class") }
                    return "[" + (negated ? "[^" : "[") + body + "]--" + subtracted + "]"
                }
                items += 1
                var start = c
                if c == "\\" {
                    guard let e = next() else { throw error("trailing backslash") }
                    if let single = Self.singleCharacterEscape(e) {
                        start = single
                    } else if let set = try classEscape(e) {
                        body += "[" + set + "]"
                        continue
                    } else {
                        throw error("unknown escape \\\(e)")
                    }
                }
                guard peek == "-", let after = peek(1), after != "]", after != "[" else {
                    body += RegexTranslation.literal(start)
                    continue
                }
                index += 1
                var end = next()!
                if end == "\\" {
                    guard let e = next(), let single = Self.singleCharacterEscape(e) else { throw error("bad range end") }
                    end = single
                }
                guard start.value <= end.value else { throw error("range out of order") }
                body += RegexTranslation.literal(start) + "-" + RegexTranslation.literal(end)
            }
        }

        /// The character a single-character escape stands for: \n \r \t and the escaped metacharacters.
        static func singleCharacterEscape(_ c: Unicode.Scalar) -> Unicode.Scalar? {
            switch c {
            case "n": "\n"
            case "r": "\r"
            case "t": "\t"
            case "\\", "|", ".", "?", "*", "+", "(", ")", "{", "}", "-", "[", "]", "^", "$": c
            default: nil
            }
        }

        static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        mutating func next() -> Unicode.Scalar? {
            guard index < scalars.count else { return nil }
            index += 1
            return scalars[index - 1]
        }

        func error(_ message: String) -> ExpressionError {
            .invalidRegularExpression("\(message) in \"\(String(String.UnicodeScalarView(scalars)))\"")
        }
    }
}
