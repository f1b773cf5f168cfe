import RDF

/// The binary operators of the expression grammar, by precedence: `||` 1, `&&` 2, relational 3, additive 4,
/// multiplicative 5 (https://www.w3.org/TR/sparql11-query/#rConditionalOrExpression).
enum BinaryOperator {
    case or, and, equal, notEqual, less, greater, lessOrEqual, greaterOrEqual, `in`, notIn
    case add, subtract, multiply, divide
    /// A signed number right after an operand: `?x -1` is `?x - 1`, since the lexer reads `-1` as one number.
    case signedNumber

    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual, .in, .notIn: 3
        case .add, .subtract, .signedNumber: 4
        case .multiply, .divide: 5
        }
    }
}

/// Expressions (https://www.w3.org/TR/sparql11-query/#rExpression), by precedence climbing: one frame per operand
/// rather than one per grammar level keeps deep nesting cheap on the stack.
extension Parser {
    /// Expression ::= ConditionalOrExpression
    mutating func parseExpression() throws -> Expression {
        try parseBinary(minimum: 1)
    }

    /// Operands joined by operators of precedence `minimum` or more, left-associative; a relational operator does not
    /// chain (`a = b = c` is an error).
    private mutating func parseBinary(minimum: Int) throws -> Expression {
        var mark = startMeasuring()
        var left = try parseUnary()
        var height = self.height(since: mark)
        var comparedAlready = false
        while let op = binaryOperator(), op.precedence >= minimum, !(op.precedence == 3 && comparedAlready) {
            comparedAlready = op.precedence == 3
            let operatorToken = token
            mark = startMeasuring()
            left = try parseOperation(op, left: left)
            height = 1 + max(height, self.height(since: mark))
            try reach(height: height, at: operatorToken)
        }
        return left
    }

    private func binaryOperator() -> BinaryOperator? {
        switch token.kind {
        case .punctuation(let p):
            switch p {
            case .or: .or
            case .and: .and
            case .equal: .equal
            case .notEqual: .notEqual
            case .less: .less
            case .greater: .greater
            case .lessOrEqual: .lessOrEqual
            case .greaterOrEqual: .greaterOrEqual
            case .plus: .add
            case .minus: .subtract
            case .star: .multiply
            case .slash: .divide
            default: nil
            }
        case .keyword("IN"): .in
        case .keyword("NOT"): .notIn
        case .integer(let l), .decimal(let l), .double(let l): l.first == "+" || l.first == "-" ? .signedNumber : nil
        default: nil
        }
    }

    /// The operator at the current token and its right operand, applied to `left`.
    private mutating func parseOperation(_ op: BinaryOperator, left: Expression) throws -> Expression {
        if op == .signedNumber { return try parseSignedNumberOperation(left: left) }
        try advance()
        switch op {
        case .in: return .in(left, try parseExpressionList())
        case .notIn:
            try expect(keyword: "IN", " after NOT")
            return .notIn(left, try parseExpressionList())
        default: break
        }
        let right = try parseBinary(minimum: op.precedence + 1)
        switch op {
        case .or: return .or(left, right)
        case .and: return .and(left, right)
        case .equal: return .equal(left, right)
        case .notEqual: return .notEqual(left, right)
        case .less: return .less(left, right)
        case .greater: return .greater(left, right)
        case .lessOrEqual: return .lessOrEqual(left, right)
        case .greaterOrEqual: return .greaterOrEqual(left, right)
        case .add: return .add(left, right)
        case .subtract: return .subtract(left, right)
        case .multiply: return .multiply(left, right)
        default: return .divide(left, right)
        }
    }

    /// AdditiveExpression's `( NumericLiteralPositive | NumericLiteralNegative ) ( ( '*' | '/' ) UnaryExpression )*`.
    private mutating func parseSignedNumberOperation(left: Expression) throws -> Expression {
        let lexical: String
        let datatype: IRI
        switch token.kind {
        case .integer(let l): (lexical, datatype) = (l, XSD.integer)
        case .decimal(let l): (lexical, datatype) = (l, XSD.decimal)
        default:
            guard case .double(let l) = token.kind else { throw unexpected("a number") }
            (lexical, datatype) = (l, XSD.double)
        }
        try advance()
        var right = Expression.term(.literal(Literal(String(lexical.dropFirst()), datatype: datatype)))
        var height = 0
        while let op = binaryOperator(), op == .multiply || op == .divide {
            let operatorToken = token
            try advance()
            let mark = startMeasuring()
            let factor = try parseUnary()
            height = 1 + max(height, self.height(since: mark))
            try reach(height: height + 1, at: operatorToken)
            right = op == .multiply ? .multiply(right, factor) : .divide(right, factor)
        }
        return lexical.first == "-" ? .subtract(left, right) : .add(left, right)
    }

    /// UnaryExpression ::= ( '!' | '+' | '-' )? PrimaryExpression
    private mutating func parseUnary() throws -> Expression {
        if try accept(.bang) { return .not(try parsePrimary()) }
        if try accept(.plus) { return .unaryPlus(try parsePrimary()) }
        if try accept(.minus) { return .unaryMinus(try parsePrimary()) }
        return try parsePrimary()
    }

    /// PrimaryExpression ::= BrackettedExpression | BuiltInCall | iriOrFunction | RDFLiteral | NumericLiteral
    ///                       | BooleanLiteral | Var
    private mutating func parsePrimary() throws -> Expression {
        switch token.kind {
        case .punctuation(.openParenthesis): return try parseBrackettedExpression()
        case .variable(let name):
            try advance()
            return .variable(Variable(name))
        case .iri, .prefixedName: return try parseIRIOrFunction(requiresArguments: false)
        case .keyword(let word) where word != "TRUE" && word != "FALSE": return try parseBuiltInCall()
        default:
            guard let literal = try parseLiteral() else { throw unexpected("an expression") }
            return .term(.literal(literal))
        }
    }

    /// BrackettedExpression ::= '(' Expression ')'
    mutating func parseBrackettedExpression() throws -> Expression {
        try expect(.openParenthesis)
        try enter()
        defer { leave() }
        let expression = try parseExpression()
        try expect(.closeParenthesis, " to close the expression")
        return expression
    }

    /// Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall (FILTER, HAVING, ORDER BY).
    mutating func parseConstraint(_ context: String) throws -> Expression {
        switch token.kind {
        case .punctuation(.openParenthesis): return try parseBrackettedExpression()
        case .iri, .prefixedName: return try parseIRIOrFunction(requiresArguments: true)
        case .keyword(let word) where word != "TRUE" && word != "FALSE": return try parseBuiltInCall()
        default: throw unexpected("'(', a function call or a built-in call \(context)")
        }
    }

    /// iriOrFunction ::= iri ArgList?; `iri(DISTINCT …)` is a custom aggregate.
    mutating func parseIRIOrFunction(requiresArguments: Bool) throws -> Expression {
        let start = token
        let iri = try parseIRI()
        guard token.kind == .emptyParentheses || token.isPunctuation(.openParenthesis) else {
            if requiresArguments { throw unexpected("'(' after the function name") }
            return .term(.iri(iri))
        }
        if try accept(.openParenthesis) {
            if token.isKeyword("DISTINCT") { return try parseCustomAggregate(iri, start: start) }
            try enter()
            var arguments = [try parseExpression()]
            while try accept(.comma) { arguments.append(try parseExpression()) }
            try expect(.closeParenthesis, " or ',' in the argument list")
            leave()
            return .function(iri, arguments)
        }
        try advance()
        return .function(iri, [])
    }

    /// `iri(DISTINCT expression)`, after the '('.
    @inline(never)
    private mutating func parseCustomAggregate(_ iri: IRI, start: Token) throws -> Expression {
        try advance()
        let argument = try parseAggregateArgument(named: iri.description, start: start)
        try expect(.closeParenthesis, " after the aggregate's argument")
        return try aggregate(AggregateExpression(.custom(iri), argument, distinct: true), start: start)
    }

    /// ExpressionList ::= NIL | '(' Expression ( ',' Expression )* ')'
    mutating func parseExpressionList() throws -> [Expression] {
        if token.kind == .emptyParentheses {
            try advance()
            return []
        }
        try expect(.openParenthesis)
        try enter()
        defer { leave() }
        var list = [try parseExpression()]
        while try accept(.comma) { list.append(try parseExpression()) }
        try expect(.closeParenthesis, " or ',' in the expression list")
        return list
    }
}
