import RDF

/// The recursive-descent parser behind `SPARQLParser`: one token of lookahead over `Lexer`, building the algebra as it
/// goes (§18.2). Its extensions are split by grammar area: prologue, query forms, group graph patterns, triples, paths,
/// expressions, built-in calls, updates.
///
/// Every function throws only `SPARQLSyntaxError`, untyped: in debug builds a typed error this size takes stack space
/// at each `try`, which adds up over 500 levels of nesting. `SPARQLParser` restores the type at the boundary. There is
/// no error recovery: the first error ends the parse, so state is not unwound on the way out.
struct Parser {
    /// Recursion guard: deeper nesting of groups, brackets or lists is refused rather than risking the stack.
    static let maximumDepth = 500
    /// The tallest algebra tree accepted (`SPARQLLimits.maximumTreeHeight`).
    static let maximumHeight = SPARQLLimits.maximumTreeHeight

    var lexer: Lexer
    /// The current (lookahead) token.
    var token: Token
    /// The token before `token`, for error ranges that end at it.
    var previousEnd = 0
    var baseIRI: String?
    var prefixes: [String: String] = [:]
    private var depth = 0
    /// The tallest tree level reached since the innermost `startMeasuring()`: nesting levels and chain links
    /// (`a + b + c` is two levels, since its tree is left-deep).
    private var reached = 0
    /// Levels above the current nesting that are not nesting: the extends of SELECT expressions around a WHERE clause.
    var levelOffset = 0
    /// The tree level of the current nesting.
    private var level: Int { depth + levelOffset }
    private var generatedCount = 0
    /// When parsing must stop (`QueryEvaluationError.timeout`): the request's one deadline also covers its parse.
    var deadline: ContinuousClock.Instant?
    /// Stops the parse (`QueryEvaluationError.cancelled`) once its client has gone.
    var cancellation: QueryCancellation?
    private var tokenCount: UInt32 = 0

    /// Where blank node labels of WHERE clauses belong: each label is bound to one basic graph pattern.
    var blankNodes = BlankNodeScopes()
    /// Aggregates found at the current query level; `nil` where aggregates are not allowed.
    var aggregates: AggregateCollector?
    /// Blank node labels of the INSERT DATA being parsed, and of those before it: a request may not share a label
    /// between them (SPARQL Update §19.6).
    var operationLabels: Set<String> = []
    var earlierOperationLabels: Set<String> = []

    init(_ text: String, baseIRI: String?) throws {
        lexer = Lexer(try SourceText(text))
        self.baseIRI = baseIRI
        token = Token(kind: .end, start: 0, end: 0)
        token = try lexer.next()
    }

    // MARK: Tokens
    // The token helpers are never inlined: inlined into every production, their temporaries would multiply the
    // stack each level of nesting takes (several kilobytes per level in release builds).

    @inline(never)
    mutating func advance() throws {
        previousEnd = token.end
        token = try lexer.next()
        tokenCount &+= 1
        // A long token (a megabyte IRI or literal) costs as much as a thousand short ones.
        if tokenCount & 1023 == 0 || token.end - token.start > 4096 { try checkDeadline() }
    }

    /// Every 1024 tokens: whether the request's time is up or its client gone.
    @inline(never)
    func checkDeadline() throws {
        if cancellation?.isCancelled == true { throw QueryEvaluationError.cancelled }
        if let deadline, ContinuousClock.now >= deadline { throw QueryEvaluationError.timeout }
    }

    /// Consumes the keyword if it is the current token.
    @inline(never)
    mutating func accept(keyword: String) throws -> Bool {
        guard token.isKeyword(keyword) else { return false }
        try advance()
        return true
    }

    @inline(never)
    mutating func accept(_ punctuation: Token.Punctuation) throws -> Bool {
        guard token.isPunctuation(punctuation) else { return false }
        try advance()
        return true
    }

    @inline(never)
    mutating func expect(keyword: String, _ context: String = "") throws {
        guard try accept(keyword: keyword) else { throw unexpected("'\(keyword)'" + context) }
    }

    @inline(never)
    mutating func expect(_ punctuation: Token.Punctuation, _ context: String = "") throws {
        guard try accept(punctuation) else { throw unexpected("'\(punctuation.rawValue)'" + context) }
    }

    // MARK: Errors

    /// "expected X, found Y" at the current token. Errors are built out of line, to keep recursive frames small.
    @inline(never)
    func unexpected(_ expected: String) -> SPARQLSyntaxError {
        error("expected \(expected), found \(describe(token))", at: token)
    }

    @inline(never)
    func error(_ message: String, at token: Token) -> SPARQLSyntaxError {
        lexer.error(message, from: token.start, to: token.end)
    }

    @inline(never)
    func error(_ message: String, from start: Int, to end: Int) -> SPARQLSyntaxError {
        lexer.error(message, from: start, to: end)
    }

    /// How a token reads in an error message: its text in quotes, shortened if long.
    func describe(_ token: Token) -> String {
        if token.kind == .end { return "the end of the input" }
        let text = lexer.source.text(token.start..<token.end)
        let scalars = text.unicodeScalars
        let shown = scalars.count > 40 ? String(String.UnicodeScalarView(scalars.prefix(37))) + "..." : text
        return "'" + shown + "'"
    }

    // MARK: Nesting and fresh variables

    /// Call on entering a recursive production; pair with `leave()`.
    mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("nesting too deep: more than \(Self.maximumDepth) nested groups, brackets or lists", at: token)
        }
        try reach(level, at: token)
    }

    mutating func leave() { depth -= 1 }

    // MARK: Tree height
    // Left-associative chains (operators, group elements, UNION, path steps, SELECT expressions) are parsed by loops,
    // but the trees they build are as tall as they are long, and every later pass recurses over the tree. Each chain
    // measures the height of its operands and refuses to grow past `maximumHeight`, at the token that would.

    /// Starts measuring the height of what is parsed next; pass the result to `height(since:)`.
    @inline(never)
    mutating func startMeasuring() -> Int {
        let saved = reached
        reached = level
        return saved
    }

    /// The height (in levels below the current depth) of what was parsed since `startMeasuring()` returned `mark`.
    @inline(never)
    mutating func height(since mark: Int) -> Int {
        let height = reached - level
        reached = max(reached, mark)
        return height
    }

    /// Records that the tree being built reaches `height` levels below the current depth.
    /// - Throws: a syntax error at `token` past `maximumHeight`.
    @inline(never)
    mutating func reach(height: Int, at token: Token) throws {
        try reach(level + height, at: token)
    }

    @inline(never)
    private mutating func reach(_ level: Int, at token: Token) throws {
        reached = max(reached, level)
        if level > Self.maximumHeight {
            throw error(
                "query too deeply nested: its algebra would be more than \(Self.maximumHeight) levels deep (a chain of operators, "
                    + "group elements, UNIONs or path steps counts one level per link)",
                at: token
            )
        }
    }

    /// A variable no query can name (see `Variable.generated`). Numbers are made canonical after parsing.
    mutating func freshVariable(hint: String = "v") -> Variable {
        generatedCount += 1
        return Variable.generated(generatedCount, hint: hint)
    }
}

/// Binds each blank node label of a WHERE clause to one basic graph pattern (§4.1.4: a label may not be used in two).
struct BlankNodeScopes {
    /// The basic graph pattern triples are currently added to.
    var current = 0
    private var next = 1
    private var labels: [String: (scope: Int, variable: Variable)] = [:]

    /// Starts a new basic graph pattern; returns the previous one so a caller can come back to it.
    mutating func begin() -> Int {
        let previous = current
        current = next
        next += 1
        return previous
    }

    /// The variable bound to `label`: `.some(nil)` if another basic graph pattern uses it, `nil` if it is new.
    func lookup(_ label: String) -> Variable?? {
        guard let entry = labels[label] else { return nil }
        return .some(entry.scope == current ? entry.variable : nil)
    }

    mutating func bind(_ label: String, to variable: Variable) { labels[label] = (current, variable) }
}

/// The aggregates of one query level (§18.2.4.1), each bound to a generated variable; equal aggregates share one.
struct AggregateCollector {
    private(set) var aggregates: [GroupAggregate] = []
    private var variables: [AggregateExpression: Variable] = [:]

    var isEmpty: Bool { aggregates.isEmpty }

    func variable(for aggregate: AggregateExpression) -> Variable? { variables[aggregate] }

    mutating func add(_ aggregate: AggregateExpression, as variable: Variable) {
        variables[aggregate] = variable
        aggregates.append(GroupAggregate(variable, aggregate))
    }
}
