/// One terminal of the SPARQL grammar (https://www.w3.org/TR/sparql11-query/#terminals), with where it came from.
///
/// `start` and `end` index the query text after `\u` escape processing (see `SourceText`); errors map them back.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        /// IRIREF, without the angle brackets and not yet resolved against the base.
        case iri(String)
        /// PNAME_LN, or PNAME_NS when `local` is empty. `local` has its `\` escapes removed; `%XX` stay as written.
        case prefixedName(prefix: String, local: String)
        /// BLANK_NODE_LABEL without `_:`.
        case blankNodeLabel(String)
        /// VAR1 / VAR2 without `?` or `$`.
        case variable(String)
        /// Any of the four string forms, escapes processed.
        case string(String)
        /// LANGTAG without `@`.
        case languageTag(String)
        /// INTEGER, DECIMAL and DOUBLE, optionally signed; the lexical form is kept as written.
        case integer(String)
        case decimal(String)
        case double(String)
        /// A bare word: a keyword or a built-in function name, upper-cased (keywords are case-insensitive).
        case keyword(String)
        /// The keyword `a`, which alone is case-sensitive.
        case a
        case punctuation(Punctuation)
        /// NIL: `(` WS* `)`.
        case emptyParentheses
        /// ANON: `[` WS* `]`.
        case emptyBrackets
        case end
    }

    enum Punctuation: String, Sendable {
        case openBrace = "{", closeBrace = "}", openParenthesis = "(", closeParenthesis = ")"
        case openBracket = "[", closeBracket = "]", dot = ".", comma = ",", semicolon = ";"
        case star = "*", plus = "+", minus = "-", slash = "/", bang = "!", caret = "^", pipe = "|", question = "?"
        case equal = "=", notEqual = "!=", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
        case and = "&&", or = "||", doubleCaret = "^^"
    }

    var kind: Kind
    /// Index of the first Unicode scalar of the token in the processed text.
    var start: Int
    /// Index one past the last scalar.
    var end: Int

    func isKeyword(_ word: String) -> Bool { kind == .keyword(word) }
    func isPunctuation(_ punctuation: Punctuation) -> Bool { kind == .punctuation(punctuation) }

    /// Whether the token can begin a subject or object: a variable or an RDF term, or `[`, `(`.
    var startsTerm: Bool {
        switch kind {
        case .iri, .prefixedName, .blankNodeLabel, .variable, .string, .integer, .decimal, .double, .emptyParentheses,
            .emptyBrackets:
            true
        case .keyword(let word): word == "TRUE" || word == "FALSE"
        case .punctuation(let p): p == .openBracket || p == .openParenthesis
        case .languageTag, .a, .end: false
        }
    }
}
