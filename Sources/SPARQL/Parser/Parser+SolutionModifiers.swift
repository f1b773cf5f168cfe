import RDF

/// One GROUP BY condition as written.
enum GroupCondition {
    case variable(Variable)
    /// `(expression AS ?alias)`, or a bare expression when `alias` is `nil`; the token is the alias's, for errors.
    case expression(Expression, alias: Variable?, Token?)
}

/// SolutionModifier ::= GroupClause? HavingClause? OrderClause? LimitOffsetClauses?, and the trailing ValuesClause.
struct SolutionModifiers {
    var groupBy: [GroupCondition]?
    var having: [Expression] = []
    var orderBy: [OrderComparator] = []
    var offset: Int?
    var limit: Int?
    var values: ParsedPattern?
}

extension Parser {
    /// Parses the solution modifiers and VALUES after a WHERE clause and translates the query level (§18.2.4, §18.2.5).
    mutating func parseModifiers(where whereClause: ParsedPattern, select: SelectClause?) throws -> ParsedPattern {
        var modifiers = SolutionModifiers()
        let collected = aggregates
        aggregates = nil
        if try accept(keyword: "GROUP") {
            try expect(keyword: "BY", " after GROUP")
            var conditions: [GroupCondition] = []
            while let condition = try parseGroupCondition() { conditions.append(condition) }
            if conditions.isEmpty { throw unexpected("a variable, '(expression)' or a function call after GROUP BY") }
            modifiers.groupBy = conditions
        }
        aggregates = collected
        if try accept(keyword: "HAVING") {
            repeat {
                modifiers.having.append(try parseConstraint("after HAVING"))
            } while token.isPunctuation(.openParenthesis) || isAtIRI || isAtBuiltIn
        }
        if try accept(keyword: "ORDER") {
            try expect(keyword: "BY", " after ORDER")
            while let comparator = try parseOrderCondition() { modifiers.orderBy.append(comparator) }
            if modifiers.orderBy.isEmpty { throw unexpected("an order condition after ORDER BY") }
        }
        let collector = aggregates ?? AggregateCollector()
        aggregates = nil
        for _ in 0..<2 {
            if modifiers.limit == nil, try accept(keyword: "LIMIT") {
                modifiers.limit = try parseCount("LIMIT")
            } else if modifiers.offset == nil, try accept(keyword: "OFFSET") {
                modifiers.offset = try parseCount("OFFSET")
            }
        }
        if try accept(keyword: "VALUES") { modifiers.values = try parseDataBlock() }
        aggregates = collected
        return try translate(where: whereClause, select: select, modifiers: modifiers, aggregates: collector)
    }

    private var isAtBuiltIn: Bool {
        if case .keyword(let word) = token.kind { return word != "TRUE" && word != "FALSE" && !Self.clauseKeywords.contains(word) }
        return false
    }

    /// GroupCondition ::= BuiltInCall | FunctionCall | '(' Expression ( 'AS' Var )? ')' | Var; `nil` if none starts here.
    private mutating func parseGroupCondition() throws -> GroupCondition? {
        switch token.kind {
        case .variable(let name):
            try advance()
            return .variable(Variable(name))
        case .punctuation(.openParenthesis):
            try advance()
            try enter()
            defer { leave() }
            let expression = try parseExpression()
            var alias: Variable?
            var aliasToken: Token?
            if try accept(keyword: "AS") {
                aliasToken = token
                alias = try parseVariable("a variable after AS")
            }
            try expect(.closeParenthesis, " after the GROUP BY expression")
            if alias == nil, case .variable(let variable) = expression { return .variable(variable) }
            return .expression(expression, alias: alias, aliasToken)
        case .iri, .prefixedName: return .expression(try parseIRIOrFunction(requiresArguments: true), alias: nil, nil)
        case .keyword(let word) where word != "TRUE" && word != "FALSE" && Self.clauseKeywords.contains(word) == false:
            return .expression(try parseBuiltInCall(), alias: nil, nil)
        default: return nil
        }
    }

    /// Keywords that end a list of conditions rather than start a built-in call.
    private static let clauseKeywords: Set<String> = ["HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES", "ASC", "DESC"]

    /// OrderCondition ::= ( ( 'ASC' | 'DESC' ) BrackettedExpression ) | ( Constraint | Var ); `nil` if none starts here.
    private mutating func parseOrderCondition() throws -> OrderComparator? {
        if try accept(keyword: "ASC") { return .ascending(try parseBrackettedExpression()) }
        if try accept(keyword: "DESC") { return .descending(try parseBrackettedExpression()) }
        switch token.kind {
        case .variable(let name):
            try advance()
            return .ascending(.variable(Variable(name)))
        case .punctuation(.openParenthesis), .iri, .prefixedName: return .ascending(try parseConstraint("in ORDER BY"))
        case .keyword(let word) where word != "TRUE" && word != "FALSE" && !Self.clauseKeywords.contains(word):
            return .ascending(try parseBuiltInCall())
        default: return nil
        }
    }

    /// The INTEGER after LIMIT or OFFSET.
    private mutating func parseCount(_ clause: String) throws -> Int {
        guard case .integer(let lexical) = token.kind, lexical.first != "+", lexical.first != "-" else {
            throw unexpected("a non-negative integer after \(clause)")
        }
        guard let value = Int(lexical) else { throw error("\(clause) \(lexical) is too large", at: token) }
        try advance()
        return value
    }
}
