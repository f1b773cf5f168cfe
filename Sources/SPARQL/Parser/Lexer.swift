import RDF

/// Splits SPARQL text into terminals on demand, longest match first as the grammar requires
/// (https://www.w3.org/TR/sparql11-query/#sparqlGrammar): `<?a&&?b>` is an IRI, `?x` a variable, `1.` an integer then `.`.
struct Lexer {
    let source: SourceText
    var index = 0

    /// The source's scalars, stored (sharing its buffer) rather than computed: a computed array retained and released
    /// it on every `peek`, which made a debug build lex a 5 MB literal in seconds. Loops over long runs (strings, names,
    /// IRIs, comments) read a local copy instead of calling `peek`, which copies the lexer in a debug build.
    private let scalars: [Unicode.Scalar]

    init(_ source: SourceText) {
        self.source = source
        scalars = source.scalars
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// The next token, or `.end` at the end of the text. Never inlined: the parser calls it from every recursive
    /// production, and its frame must not add to theirs.
    @inline(never)
    mutating func next() throws -> Token {
        skipWhitespaceAndComments()
        let start = index
        guard let c = peek() else { return Token(kind: .end, start: start, end: start) }
        let kind: Token.Kind
        switch c {
        case "<": kind = lexIRIOrLess()
        case ">":
            index += 1
            kind = .punctuation(consume("=") ? .greaterOrEqual : .greater)
        case "\"", "'": kind = try lexString(quote: c)
        case "?", "$": kind = try lexVariableOrQuestion(c)
        case "_":
            guard peek(1) == ":" else { throw error("unexpected character '_'", from: start, to: start + 1) }
            kind = try lexBlankNodeLabel()
        case "@": kind = try lexLanguageTag()
        case "0"..."9": kind = try lexNumber(signLength: 0)
        case ".":
            if let d = peek(1), CharacterClasses.isDigit(d) { kind = try lexNumber(signLength: 0) } else { kind = single(.dot) }
        case "+", "-":
            if let d = peek(1), CharacterClasses.isDigit(d) || (d == "." && peek(2).map(CharacterClasses.isDigit) == true) {
                kind = try lexNumber(signLength: 1)
            } else {
                kind = single(c == "+" ? .plus : .minus)
            }
        case "(":
            index += 1
            kind = skipToClosing(")") ? .emptyParentheses : .punctuation(.openParenthesis)
        case "[":
            index += 1
            kind = skipToClosing("]") ? .emptyBrackets : .punctuation(.openBracket)
        case "{": kind = single(.openBrace)
        case "}": kind = single(.closeBrace)
        case ")": kind = single(.closeParenthesis)
        case "]": kind = single(.closeBracket)
        case ",": kind = single(.comma)
        case ";": kind = single(.semicolon)
        case "*": kind = single(.star)
        case "/": kind = single(.slash)
        case "=": kind = single(.equal)
        case "|":
            index += 1
            kind = .punctuation(consume("|") ? .or : .pipe)
        case "^":
            index += 1
            kind = .punctuation(consume("^") ? .doubleCaret : .caret)
        case "!":
            index += 1
            kind = .punctuation(consume("=") ? .notEqual : .bang)
        case "&":
            guard peek(1) == "&" else { throw error("unexpected character '&'; did you mean '&&'?", from: start, to: start + 1) }
            index += 2
            kind = .punctuation(.and)
        case ":": kind = try lexPrefixedName(prefixEnd: index)
        default:
            guard CharacterClasses.isNameStartBase(c) else {
                throw error("unexpected character '\(Self.show(c))'", from: start, to: start + 1)
            }
            kind = try lexWord()
        }
        return Token(kind: kind, start: start, end: index)
    }

    // MARK: Helpers

    @inline(never)
    func error(_ message: String, from start: Int, to end: Int) -> SPARQLSyntaxError {
        SPARQLSyntaxError(message, start: source.position(at: start), end: source.position(at: end))
    }

    static func show(_ c: Unicode.Scalar) -> String {
        c.value < 0x20 || c.value == 0x7F ? "U+" + String(c.value, radix: 16, uppercase: true) : String(c)
    }

    private mutating func single(_ punctuation: Token.Punctuation) -> Token.Kind {
        index += 1
        return .punctuation(punctuation)
    }

    private mutating func consume(_ c: Unicode.Scalar) -> Bool {
        guard peek() == c else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespaceAndComments() {
        let scalars = self.scalars
        var position = index
        defer { index = position }
        while position < scalars.count {
            let c = scalars[position]
            if CharacterClasses.isWhitespace(c) {
                position += 1
            } else if c == "#" {
                while position < scalars.count, scalars[position] != "\n", scalars[position] != "\r" { position += 1 }
            } else {
                return
            }
        }
    }

    /// After `(` or `[`: if only whitespace and comments precede `closing`, consumes through it (NIL, ANON).
    private mutating func skipToClosing(_ closing: Unicode.Scalar) -> Bool {
        let saved = index
        skipWhitespaceAndComments()
        if consume(closing) { return true }
        index = saved
        return false
    }

    // MARK: Terminals

    private mutating func lexIRIOrLess() -> Token.Kind {
        let scalars = self.scalars
        var end = index + 1
        while end < scalars.count, scalars[end] != ">", !CharacterClasses.isForbiddenInIRI(scalars[end]) { end += 1 }
        if end < scalars.count, scalars[end] == ">" {
            let iri = source.text((index + 1)..<end)
            index = end + 1
            return .iri(iri)
        }
        index += 1
        return .punctuation(consume("=") ? .lessOrEqual : .less)
    }

    private mutating func lexVariableOrQuestion(_ sigil: Unicode.Scalar) throws -> Token.Kind {
        let start = index
        index += 1
        guard let first = peek(), CharacterClasses.isNameStart(first) || CharacterClasses.isDigit(first) else {
            if sigil == "?" { return .punctuation(.question) }
            throw error("expected a variable name after '$'", from: start, to: index)
        }
        let scalars = self.scalars
        var end = index
        while end < scalars.count, CharacterClasses.isVariableNameCharacter(scalars[end]) { end += 1 }
        index = end
        return .variable(source.text((start + 1)..<index))
    }

    private mutating func lexBlankNodeLabel() throws -> Token.Kind {
        let start = index
        index += 2
        guard let first = peek(), CharacterClasses.isNameStart(first) || CharacterClasses.isDigit(first) else {
            throw error("expected a blank node label after '_:'", from: start, to: index)
        }
        index += 1
        var lastGood = index
        while let c = peek(), CharacterClasses.isNameCharacter(c) || c == "." {
            index += 1
            if c != "." { lastGood = index }
        }
        index = lastGood
        return .blankNodeLabel(source.text((start + 2)..<index))
    }

    private mutating func lexLanguageTag() throws -> Token.Kind {
        let start = index
        index += 1
        let letters = index
        while let c = peek(), CharacterClasses.isASCIILetter(c) { index += 1 }
        guard index > letters else { throw error("expected a language tag after '@'", from: start, to: index) }
        while peek() == "-", let c = peek(1), CharacterClasses.isASCIILetter(c) || CharacterClasses.isDigit(c) {
            index += 1
            while let c = peek(), CharacterClasses.isASCIILetter(c) || CharacterClasses.isDigit(c) { index += 1 }
        }
        return .languageTag(source.text(letters..<index))
    }

    private mutating func lexNumber(signLength: Int) throws -> Token.Kind {
        let start = index
        index += signLength
        while let c = peek(), CharacterClasses.isDigit(c) { index += 1 }
        var isDecimal = false
        if peek() == ".", let next = peek(1), CharacterClasses.isDigit(next) || (hasExponent(at: index + 1) && index > start + signLength) {
            index += 1
            isDecimal = true
            while let c = peek(), CharacterClasses.isDigit(c) { index += 1 }
        }
        if hasExponent(at: index) {
            index += 1
            if peek() == "+" || peek() == "-" { index += 1 }
            while let c = peek(), CharacterClasses.isDigit(c) { index += 1 }
            return .double(source.text(start..<index))
        }
        let lexical = source.text(start..<index)
        return isDecimal ? .decimal(lexical) : .integer(lexical)
    }

    /// EXPONENT: `[eE] [+-]? [0-9]+`
    private func hasExponent(at position: Int) -> Bool {
        guard position < scalars.count, scalars[position] == "e" || scalars[position] == "E" else { return false }
        var next = position + 1
        if next < scalars.count, scalars[next] == "+" || scalars[next] == "-" { next += 1 }
        return next < scalars.count && CharacterClasses.isDigit(scalars[next])
    }

    /// A keyword, `a`, or a prefixed name whose prefix starts here.
    private mutating func lexWord() throws -> Token.Kind {
        let scalars = self.scalars
        let start = index
        var end = index + 1
        while end < scalars.count, CharacterClasses.isNameCharacter(scalars[end]) || scalars[end] == "." { end += 1 }
        while scalars[end - 1] == "." { end -= 1 }
        if end < scalars.count, scalars[end] == ":" { return try lexPrefixedName(prefixEnd: end) }
        while index < scalars.count, CharacterClasses.isKeywordCharacter(scalars[index]) { index += 1 }
        guard index > start else {
            throw error("unexpected character '\(Self.show(scalars[start]))'", from: start, to: start + 1)
        }
        let word = source.text(start..<index)
        return word == "a" ? .a : .keyword(word.uppercased())
    }
}
