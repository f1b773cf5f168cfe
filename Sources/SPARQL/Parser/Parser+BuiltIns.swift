import RDF

/// BuiltInCall and Aggregate (https://www.w3.org/TR/sparql11-query/#rBuiltInCall). Arity is checked here: a call with
/// the wrong number of arguments is a syntax error, as the grammar spells each function's arguments out.
extension Parser {
    /// The functions of `BuiltInFunction` by their upper-cased keyword, with the spelling aliases URI and isURI.
    private static let functions: [String: BuiltInFunction] = {
        var table = Dictionary(uniqueKeysWithValues: BuiltInFunction.allCases.map { ($0.rawValue.uppercased(), $0) })
        table["URI"] = .iri
        table["ISURI"] = .isIRI
        return table
    }()

    private static func arity(of function: BuiltInFunction) -> ClosedRange<Int> {
        switch function {
        case .rand, .now, .uuid, .strUUID: 0...0
        case .bnode: 0...1
        case .langMatches, .contains, .strStarts, .strEnds, .strBefore, .strAfter, .strLang, .strDT, .sameTerm: 2...2
        case .substr, .regex: 2...3
        case .replace: 3...4
        case .concat: 0...Int.max
        default: 1...1
        }
    }

    /// A built-in call or aggregate at the current keyword token. Each form is parsed by a function of its own, so the
    /// frame that nested calls recurse through stays small.
    mutating func parseBuiltInCall() throws -> Expression {
        let start = token
        guard case .keyword(let word) = token.kind else { throw unexpected("a built-in call") }
        switch word {
        case "BOUND": return try parseBound()
        case "IF", "COALESCE": return try parseConditional(word, start: start)
        case "EXISTS", "NOT": return try parseExists(negated: word == "NOT")
        case "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT": return try parseAggregate(word, start: start)
        default: return try parseFunctionCall(word, start: start)
        }
    }

    @inline(never)
    private mutating func parseBound() throws -> Expression {
        try advance()
        try expect(.openParenthesis, " after BOUND")
        let variable = try parseVariable("a variable in BOUND")
        try expect(.closeParenthesis, " after BOUND's variable")
        return .bound(variable)
    }

    private mutating func parseConditional(_ word: String, start: Token) throws -> Expression {
        try advance()
        let arguments = try parseArguments()
        if word == "COALESCE" { return .coalesce(arguments) }
        guard arguments.count == 3 else { throw arityError("IF", expected: "3 arguments", found: arguments.count, from: start) }
        return .if(arguments[0], arguments[1], arguments[2])
    }

    /// ExistsFunc ::= 'EXISTS' GroupGraphPattern; NotExistsFunc ::= 'NOT' 'EXISTS' GroupGraphPattern
    private mutating func parseExists(negated: Bool) throws -> Expression {
        try advance()
        if negated { try expect(keyword: "EXISTS", " after NOT") }
        let exists = Expression.exists(try parseGroupGraphPattern().pattern)
        return negated ? .not(exists) : exists
    }

    private mutating func parseFunctionCall(_ word: String, start: Token) throws -> Expression {
        guard let function = Self.functions[word] else { throw unexpected("an expression") }
        try advance()
        let arguments = try parseArguments()
        let arity = Self.arity(of: function)
        guard arity.contains(arguments.count) else { throw arityError(word, arity: arity, found: arguments.count, from: start) }
        return .builtIn(function, arguments)
    }

    @inline(never)
    private func arityError(_ name: String, arity: ClosedRange<Int>, found: Int, from start: Token) -> SPARQLSyntaxError {
        let expected = arity.lowerBound == arity.upperBound
            ? "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"
            : "\(arity.lowerBound) to \(arity.upperBound) arguments"
        return arityError(name, expected: expected, found: found, from: start)
    }

    /// `()` or `( expr, … )`.
    private mutating func parseArguments() throws -> [Expression] {
        guard token.kind == .emptyParentheses || token.isPunctuation(.openParenthesis) else { throw unexpected("'('") }
        return try parseExpressionList()
    }

    @inline(never)
    private func arityError(_ name: String, expected: String, found: Int, from start: Token) -> SPARQLSyntaxError {
        error("\(name) takes \(expected), found \(found)", from: start.start, to: previousEnd)
    }

    /// Aggregate ::= COUNT '(' DISTINCT? ( '*' | Expression ) ')' | SUM … | GROUP_CONCAT '(' DISTINCT? Expression
    ///               ( ';' SEPARATOR '=' String )? ')'
    @inline(never)
    private mutating func parseAggregate(_ name: String, start: Token) throws -> Expression {
        try advance()
        try expect(.openParenthesis, " after \(name)")
        let distinct = try accept(keyword: "DISTINCT")
        var argument: Expression?
        if name == "COUNT", try accept(.star) {
            argument = nil
        } else {
            argument = try parseAggregateArgument(named: name, start: start)
        }
        let function: AggregateExpression.Function
        switch name {
        case "COUNT": function = .count
        case "SUM": function = .sum
        case "MIN": function = .min
        case "MAX": function = .max
        case "AVG": function = .avg
        case "SAMPLE": function = .sample
        default:
            var separator = " "
            if try accept(.semicolon) {
                try expect(keyword: "SEPARATOR", " after ';' in GROUP_CONCAT")
                try expect(.equal, " after SEPARATOR")
                separator = try parseString("a string after 'SEPARATOR ='")
            }
            function = .groupConcat(separator: separator)
        }
        try expect(.closeParenthesis, " after the argument of \(name)")
        return try aggregate(AggregateExpression(function, argument, distinct: distinct), start: start)
    }

    /// An aggregate's argument, where aggregates may not nest.
    mutating func parseAggregateArgument(named name: String, start: Token) throws -> Expression {
        guard aggregates != nil else { throw aggregateNotAllowed(name, at: start) }
        let saved = aggregates
        aggregates = nil
        defer { aggregates = saved }
        return try parseExpression()
    }

    /// Registers the aggregate with the current query level and returns the variable standing for it (§18.2.4.1).
    mutating func aggregate(_ aggregate: AggregateExpression, start: Token) throws -> Expression {
        guard let collector = aggregates else { throw aggregateNotAllowed(lexer.source.text(start.start..<start.end), at: start) }
        if let variable = collector.variable(for: aggregate) { return .variable(variable) }
        let variable = freshVariable(hint: "agg")
        aggregates?.add(aggregate, as: variable)
        return .variable(variable)
    }

    @inline(never)
    private func aggregateNotAllowed(_ name: String, at token: Token) -> SPARQLSyntaxError {
        error("aggregate \(name) is not allowed here: aggregates may only appear in SELECT, HAVING and ORDER BY, and may not nest",
              at: token)
    }
}
