import RDF

/// A translated pattern and the variables in scope in it (§18.2.1), against which BIND and SELECT expressions are checked.
struct ParsedPattern {
    var pattern: GraphPattern
    var scope: Set<Variable>
    /// True when `pattern` is `.filter` made of this group's own FILTERs, which an enclosing OPTIONAL takes as its
    /// left-join condition (§18.2.2.6). A filter that comes from a nested group stays inside it
    /// (W3C dawg-optional-filter-005-not-simplified).
    var endsInOwnFilter = false
}

extension Parser {
    /// GroupGraphPattern ::= '{' ( SubSelect | GroupGraphPatternSub ) '}', translated as §18.2.2.6 says: elements fold
    /// left to right into joins, OPTIONAL into leftJoin (taking the optional group's filter), MINUS into minus and BIND
    /// into extend, and the group's filters wrap the whole group.
    mutating func parseGroupGraphPattern() throws -> ParsedPattern {
        try expect(.openBrace)
        try enter()
        let savedAggregates = aggregates
        aggregates = nil
        let savedScope = blankNodes.begin()
        let result = token.isKeyword("SELECT") ? try parseSubSelectGroup() : try parseGroupGraphPatternSub()
        blankNodes.current = savedScope
        aggregates = savedAggregates
        leave()
        return result
    }

    private mutating func parseSubSelectGroup() throws -> ParsedPattern {
        let subquery = try parseSubSelect()
        try expect(.closeBrace, " after the subquery")
        return subquery
    }

    /// GroupGraphPatternSub ::= TriplesBlock? ( GraphPatternNotTriples '.'? TriplesBlock? )* and the closing '}'.
    /// Kept lean, and each element parsed in a function of its own, because nested groups recurse through here.
    private mutating func parseGroupGraphPatternSub() throws -> ParsedPattern {
        var group = GroupBuilder()
        var needsSeparator = false
        // The heights of the fold (each element adds a level) and of the filters' conjunction.
        var height = 0
        var filterHeight = 0
        while !(try accept(.closeBrace)) {
            let elementToken = token
            let filterCount = group.filters.count
            let pathCount = group.pendingPaths
            let mark = startMeasuring()
            if token.startsTerm {
                if needsSeparator { throw unexpected("'.' or '}' after the triple pattern") }
                needsSeparator = !(try parseTriplesBlock(.pattern, into: &group.pending))
            } else {
                needsSeparator = false
                try parseGraphPatternNotTriples(into: &group)
            }
            let elementHeight = self.height(since: mark)
            if group.filters.count > filterCount {
                filterHeight = 1 + max(filterHeight, elementHeight)
            } else {
                height = 1 + max(height, elementHeight) + max(0, group.pendingPaths - pathCount)
            }
            try reach(height: 1 + max(height, filterHeight), at: elementToken)
        }
        group.flush()
        return group.finished
    }

    /// GraphPatternNotTriples, then an optional '.'.
    private mutating func parseGraphPatternNotTriples(into group: inout GroupBuilder) throws {
        guard case .keyword(let word) = token.kind else {
            guard token.isPunctuation(.openBrace) else { throw unexpected("'}' or a triple pattern") }
            group.flush()
            group.join(try parseGroupOrUnion())
            return try endElement()
        }
        if word == "FILTER" {
            // A filter does not end the basic graph pattern (§18.2.2.5): triples on both sides form one.
            try advance()
            group.filters.append(try parseConstraint("after FILTER"))
            _ = try accept(.dot)
            return
        }
        guard ["OPTIONAL", "MINUS", "GRAPH", "SERVICE", "BIND", "VALUES"].contains(word) else {
            throw unexpected("'}' or a triple pattern")
        }
        group.flush()
        try advance()
        switch word {
        case "OPTIONAL": try parseOptional(into: &group)
        case "MINUS": group.pattern = .minus(group.pattern, try parseGroupGraphPattern().pattern)
        case "GRAPH": group.join(try parseGraph())
        case "SERVICE": group.join(try parseService())
        case "BIND": try parseBind(into: &group)
        default: group.join(try parseDataBlock())
        }
        try endElement()
    }

    /// After an element other than a filter: a new basic graph pattern starts, and a '.' may follow.
    private mutating func endElement() throws {
        _ = blankNodes.begin()
        _ = try accept(.dot)
    }

    private mutating func parseOptional(into group: inout GroupBuilder) throws {
        let optional = try parseGroupGraphPattern()
        if optional.endsInOwnFilter, case .filter(let condition, let inner) = optional.pattern {
            group.pattern = .leftJoin(group.pattern, inner, filter: condition)
        } else {
            group.pattern = .leftJoin(group.pattern, optional.pattern, filter: nil)
        }
        group.scope.formUnion(optional.scope)
    }

    private mutating func parseGraph() throws -> ParsedPattern {
        let name = try parseVariableOrIRI("a variable or IRI after GRAPH")
        let inner = try parseGroupGraphPattern()
        return ParsedPattern(pattern: .graph(name: name, inner.pattern), scope: inner.scope.union(name.variable.map { [$0] } ?? []))
    }

    private mutating func parseService() throws -> ParsedPattern {
        let silent = try accept(keyword: "SILENT")
        let name = try parseVariableOrIRI("a variable or IRI after SERVICE")
        let inner = try parseGroupGraphPattern()
        let scope = inner.scope.union(name.variable.map { [$0] } ?? [])
        return ParsedPattern(pattern: .service(name: name, inner.pattern, silent: silent), scope: scope)
    }

    /// Bind ::= 'BIND' '(' Expression 'AS' Var ')'; the variable must not be in scope yet (§18.2.1).
    private mutating func parseBind(into group: inout GroupBuilder) throws {
        try expect(.openParenthesis, " after BIND")
        let expression = try parseExpression()
        try expect(keyword: "AS", " in BIND")
        let variableToken = token
        let variable = try parseVariable("a variable after AS")
        try expect(.closeParenthesis, " to close BIND")
        guard !group.scope.contains(variable) else {
            throw error("BIND cannot assign \(variable): it is already in scope in this group", at: variableToken)
        }
        group.pattern = .extend(group.pattern, variable: variable, expression: expression)
        group.scope.insert(variable)
    }

    /// GroupOrUnionGraphPattern ::= GroupGraphPattern ( 'UNION' GroupGraphPattern )*
    private mutating func parseGroupOrUnion() throws -> ParsedPattern {
        var mark = startMeasuring()
        var result = try parseGroupGraphPattern()
        var height = self.height(since: mark)
        while token.isKeyword("UNION") {
            let unionToken = token
            try advance()
            mark = startMeasuring()
            let next = try parseGroupGraphPattern()
            height = 1 + max(height, self.height(since: mark))
            try reach(height: height, at: unionToken)
            result = ParsedPattern(pattern: .union(result.pattern, next.pattern), scope: result.scope.union(next.scope))
        }
        return result
    }

    /// DataBlock ::= InlineDataOneVar | InlineDataFull (after VALUES).
    mutating func parseDataBlock() throws -> ParsedPattern {
        var variables: [Variable] = []
        let oneVariable: Bool
        if case .variable(let name) = token.kind {
            try advance()
            variables = [Variable(name)]
            oneVariable = true
        } else if token.kind == .emptyParentheses {
            try advance()
            oneVariable = false
        } else {
            try expect(.openParenthesis, " or a variable after VALUES")
            while case .variable(let name) = token.kind {
                variables.append(Variable(name))
                try advance()
            }
            try expect(.closeParenthesis, " or a variable in the VALUES variable list")
            oneVariable = false
        }
        try expect(.openBrace, " to start the VALUES data")
        var rows: [[Term?]] = []
        while !(try accept(.closeBrace)) {
            if oneVariable {
                rows.append([try parseDataBlockValue()])
                continue
            }
            let rowStart = token
            var row: [Term?] = []
            if token.kind == .emptyParentheses {
                try advance()
            } else {
                try expect(.openParenthesis, " or '}' in the VALUES data")
                while !(try accept(.closeParenthesis)) { row.append(try parseDataBlockValue()) }
            }
            guard row.count == variables.count else {
                let values = "\(row.count) value\(row.count == 1 ? "" : "s")"
                let declared = "\(variables.count) variable\(variables.count == 1 ? "" : "s")"
                throw error("a VALUES row has \(values) for \(declared)", from: rowStart.start, to: previousEnd)
            }
            rows.append(row)
        }
        return ParsedPattern(pattern: .values(variables: variables, rows: rows), scope: Set(variables))
    }

    /// DataBlockValue ::= iri | RDFLiteral | NumericLiteral | BooleanLiteral | 'UNDEF'
    private mutating func parseDataBlockValue() throws -> Term? {
        if try accept(keyword: "UNDEF") { return nil }
        if isAtIRI { return .iri(try parseIRI()) }
        guard let literal = try parseLiteral() else { throw unexpected("an IRI, a literal or UNDEF in the VALUES data") }
        return .literal(literal)
    }
}

/// The left-to-right fold of one group's elements (§18.2.2.6), with the simplification of §18.2.2.8: the empty
/// pattern disappears from joins.
struct GroupBuilder {
    var pattern = GraphPattern.empty
    var scope: Set<Variable> = []
    var filters: [Expression] = []
    /// Triples and paths of the current basic graph pattern, which filters do not interrupt.
    var pending: [PatternElement] = []

    /// The path patterns waiting in `pending`: each becomes a join of its own.
    var pendingPaths: Int {
        pending.count { if case .path = $0 { true } else { false } }
    }

    /// Ends the current basic graph pattern.
    mutating func flush() {
        add(block: pending)
        pending = []
    }

    mutating func join(_ other: ParsedPattern) {
        pattern = Self.join(pattern, other.pattern)
        scope.formUnion(other.scope)
    }

    static func join(_ left: GraphPattern, _ right: GraphPattern) -> GraphPattern {
        if left == .empty { return right }
        if right == .empty { return left }
        return .join(left, right)
    }

    /// Adds a triples block: adjacent triple patterns form one basic graph pattern, each path pattern stands alone.
    mutating func add(block: [PatternElement]) {
        var triples: [TriplePattern] = []
        for element in block {
            switch element {
            case .triple(let triple):
                triples.append(triple)
                scope.formUnion(triple.variables)
            case .path(let subject, let path, let object):
                if !triples.isEmpty { pattern = Self.join(pattern, .bgp(triples)) }
                triples = []
                pattern = Self.join(pattern, .path(subject: subject, path: path, object: object))
                scope.formUnion([subject.variable, object.variable].compactMap { $0 })
            }
        }
        if !triples.isEmpty { pattern = Self.join(pattern, .bgp(triples)) }
    }

    /// The group's pattern, its filters conjoined around it.
    var finished: ParsedPattern {
        guard var condition = filters.first else { return ParsedPattern(pattern: pattern, scope: scope) }
        for filter in filters.dropFirst() { condition = .and(condition, filter) }
        return ParsedPattern(pattern: .filter(condition, pattern), scope: scope, endsInOwnFilter: true)
    }
}
