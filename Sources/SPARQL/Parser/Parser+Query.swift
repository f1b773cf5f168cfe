import RDF

/// SELECT's projection as written, translated once the WHERE clause is known.
struct SelectClause {
    enum Item {
        case variable(Variable, Token)
        /// `(expression AS variable)`; the token is the variable's, for errors.
        case expression(Expression, Variable, Token)
    }

    var distinct = false
    var reduced = false
    /// The `*` token of `SELECT *`.
    var star: Token?
    var items: [Item] = []
}

extension Parser {
    /// Query ::= Prologue ( SelectQuery | ConstructQuery | DescribeQuery | AskQuery ) ValuesClause
    mutating func parseQuery() throws -> Query {
        try parsePrologue()
        let query: Query
        switch token.kind {
        case .keyword("SELECT"):
            var dataset: QueryDataset?
            let pattern = try parseSelect { (parser: inout Parser) throws in dataset = try parser.parseDatasetClauses() }
            query = Query(form: .select, pattern: pattern.pattern, dataset: dataset)
        case .keyword("CONSTRUCT"): query = try parseConstruct()
        case .keyword("DESCRIBE"): query = try parseDescribe()
        case .keyword("ASK"):
            try advance()
            aggregates = AggregateCollector()
            let dataset = try parseDatasetClauses()
            let pattern = try parseWhereAndModifiers(select: nil, requiresWhere: true)
            query = Query(form: .ask, pattern: pattern.pattern, dataset: dataset)
        default:
            throw unexpected("SELECT, CONSTRUCT, DESCRIBE or ASK")
        }
        guard token.kind == .end else { throw unexpected("the end of the query") }
        var result = query
        result.baseIRI = baseIRI
        return result
    }

    /// SubSelect ::= SelectClause WhereClause SolutionModifier ValuesClause; its scope is its projection.
    mutating func parseSubSelect() throws -> ParsedPattern {
        try parseSelect { (_: inout Parser) throws in }
    }

    /// SelectClause, then `between` (the dataset clauses of a top-level query), WHERE, modifiers and VALUES.
    private mutating func parseSelect(between: (inout Parser) throws -> Void) throws -> ParsedPattern {
        let savedAggregates = aggregates
        aggregates = AggregateCollector()
        defer { aggregates = savedAggregates }
        let mark = startMeasuring()
        let clause = try parseSelectClause()
        let selectHeight = height(since: mark)
        try between(&self)
        // The SELECT expressions become extends around the WHERE clause's pattern.
        levelOffset += selectHeight
        defer { levelOffset -= selectHeight }
        return try parseWhereAndModifiers(select: clause, requiresWhere: true)
    }

    /// SelectClause ::= 'SELECT' ( 'DISTINCT' | 'REDUCED' )? ( ( Var | ( '(' Expression 'AS' Var ')' ) )+ | '*' )
    private mutating func parseSelectClause() throws -> SelectClause {
        try expect(keyword: "SELECT")
        var clause = SelectClause()
        if try accept(keyword: "DISTINCT") {
            clause.distinct = true
        } else if try accept(keyword: "REDUCED") {
            clause.reduced = true
        }
        if token.isPunctuation(.star) {
            clause.star = token
            try advance()
            return clause
        }
        var height = 0
        while true {
            if case .variable(let name) = token.kind {
                clause.items.append(.variable(Variable(name), token))
                try advance()
            } else if token.isPunctuation(.openParenthesis) {
                let itemToken = token
                try advance()
                try enter()
                defer { leave() }
                let mark = startMeasuring()
                let expression = try parseExpression()
                height = 1 + max(height, self.height(since: mark))
                try reach(height: height, at: itemToken)
                try expect(keyword: "AS", ": a SELECT expression needs 'AS ?name'")
                let variableToken = token
                let variable = try parseVariable("a variable after AS")
                try expect(.closeParenthesis, " after the SELECT expression")
                clause.items.append(.expression(expression, variable, variableToken))
            } else {
                break
            }
        }
        if clause.items.isEmpty { throw unexpected("'*', a variable or '(expression AS ?name)' after SELECT") }
        return clause
    }

    /// DatasetClause* ; `nil` when there is none.
    mutating func parseDatasetClauses() throws -> QueryDataset? {
        var defaultGraphs: [IRI] = []
        var namedGraphs: [IRI] = []
        var any = false
        while try accept(keyword: "FROM") {
            any = true
            if try accept(keyword: "NAMED") {
                namedGraphs.append(try parseIRI("an IRI after FROM NAMED"))
            } else {
                defaultGraphs.append(try parseIRI("an IRI or NAMED after FROM"))
            }
        }
        return any ? QueryDataset(defaultGraphs: defaultGraphs, namedGraphs: namedGraphs) : nil
    }

    /// ConstructQuery, including the short form `CONSTRUCT WHERE { triples }`.
    private mutating func parseConstruct() throws -> Query {
        try expect(keyword: "CONSTRUCT")
        let savedAggregates = aggregates
        aggregates = AggregateCollector()
        defer { aggregates = savedAggregates }
        if try accept(.openBrace) {
            var elements: [PatternElement] = []
            while !(try accept(.closeBrace)) {
                guard token.startsTerm else { throw unexpected("a triple pattern or '}' in the CONSTRUCT template") }
                if !(try parseTriplesBlock(.template, into: &elements)), !token.isPunctuation(.closeBrace) {
                    throw unexpected("'.' or '}' in the CONSTRUCT template")
                }
            }
            let dataset = try parseDatasetClauses()
            let pattern = try parseWhereAndModifiers(select: nil, requiresWhere: true)
            return Query(form: .construct(template: Self.triples(elements)), pattern: pattern.pattern, dataset: dataset)
        }
        let dataset = try parseDatasetClauses()
        try expect(keyword: "WHERE", " or '{' after CONSTRUCT")
        try expect(.openBrace, " after CONSTRUCT WHERE")
        var elements: [PatternElement] = []
        if token.startsTerm { _ = try parseTriplesBlock(.template, into: &elements) }
        try expect(.closeBrace, " to close CONSTRUCT WHERE: the short form allows only triple patterns")
        let template = Self.triples(elements)
        // The pattern is the template with its blank nodes as variables (§16.2.4).
        var variables: [BlankNode: Variable] = [:]
        func variable(_ position: TermPattern) -> TermPattern {
            guard case .term(.blankNode(let node)) = position else { return position }
            if let existing = variables[node] { return .variable(existing) }
            let fresh = freshVariable()
            variables[node] = fresh
            return .variable(fresh)
        }
        let triples = template.map { TriplePattern(variable($0.subject), variable($0.predicate), variable($0.object)) }
        let whereClause = ParsedPattern(pattern: triples.isEmpty ? .empty : .bgp(triples), scope: Set(triples.flatMap(\.variables)))
        let pattern = try parseModifiers(where: whereClause, select: nil)
        return Query(form: .construct(template: template), pattern: pattern.pattern, dataset: dataset)
    }

    static func triples(_ elements: [PatternElement]) -> [TriplePattern] {
        elements.compactMap { element in
            if case .triple(let triple) = element { return triple }
            return nil
        }
    }

    /// DescribeQuery ::= 'DESCRIBE' ( VarOrIri+ | '*' ) DatasetClause* WhereClause? SolutionModifier
    private mutating func parseDescribe() throws -> Query {
        try expect(keyword: "DESCRIBE")
        let savedAggregates = aggregates
        aggregates = AggregateCollector()
        defer { aggregates = savedAggregates }
        var resources: [TermPattern]?
        if !(try accept(.star)) {
            var list: [TermPattern] = []
            while isAtIRI || isAtVariable {
                list.append(try parseVariableOrIRI("a variable or IRI"))
            }
            if list.isEmpty { throw unexpected("'*', a variable or an IRI after DESCRIBE") }
            resources = list
        }
        let dataset = try parseDatasetClauses()
        let pattern = try parseWhereAndModifiers(select: nil, requiresWhere: false)
        let described = resources ?? pattern.pattern.visibleVariables.map { .variable($0) }
        return Query(form: .describe(described), pattern: pattern.pattern, dataset: dataset)
    }

    /// WhereClause ::= 'WHERE'? GroupGraphPattern, then SolutionModifier and ValuesClause, translated.
    mutating func parseWhereAndModifiers(select: SelectClause?, requiresWhere: Bool) throws -> ParsedPattern {
        let hasWhere = try accept(keyword: "WHERE")
        var whereClause = ParsedPattern(pattern: .empty, scope: [])
        if hasWhere || requiresWhere || token.isPunctuation(.openBrace) {
            guard token.isPunctuation(.openBrace) else { throw unexpected(hasWhere ? "'{' after WHERE" : "WHERE or '{'") }
            whereClause = try parseGroupGraphPattern()
        }
        return try parseModifiers(where: whereClause, select: select)
    }
}
