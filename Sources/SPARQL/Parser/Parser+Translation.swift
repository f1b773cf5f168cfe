import RDF

extension Parser {
    /// Translates one query level (https://www.w3.org/TR/sparql11-query/#sparqlQuery):
    /// grouping and aggregates (§18.2.4.1), HAVING (§18.2.4.2), VALUES (§18.2.4.3), SELECT expressions (§18.2.4.4),
    /// then ORDER BY, projection, DISTINCT / REDUCED and OFFSET / LIMIT (§18.2.5). Also makes the static checks of
    /// §18.2.1 and §11.4: an `AS` variable must be new, and an aggregate query may only project grouped variables.
    mutating func translate(where whereClause: ParsedPattern, select: SelectClause?, modifiers: SolutionModifiers,
                            aggregates: AggregateCollector) throws -> ParsedPattern {
        var pattern = whereClause.pattern
        var scope = whereClause.scope
        let isAggregate = modifiers.groupBy != nil || !aggregates.isEmpty || !modifiers.having.isEmpty
        var grouped: Set<Variable> = []
        if isAggregate {
            if let star = select?.star {
                throw error("SELECT * is not allowed in a query with GROUP BY or aggregates", at: star)
            }
            var groupVariables: [Variable] = []
            for condition in modifiers.groupBy ?? [] {
                switch condition {
                case .variable(let variable):
                    groupVariables.append(variable)
                case .expression(let expression, let alias?, let aliasToken):
                    if scope.contains(alias), let aliasToken {
                        throw error("GROUP BY cannot assign \(alias): it is already in scope", at: aliasToken)
                    }
                    pattern = .extend(pattern, variable: alias, expression: expression)
                    groupVariables.append(alias)
                case .expression(let expression, nil, _):
                    let variable = freshVariable(hint: "group")
                    pattern = .extend(pattern, variable: variable, expression: expression)
                    groupVariables.append(variable)
                }
            }
            grouped = Set(groupVariables)
            pattern = .group(pattern, variables: groupVariables, aggregates: aggregates.aggregates)
            scope = grouped.union(aggregates.aggregates.map(\.variable))
            if var condition = modifiers.having.first {
                for other in modifiers.having.dropFirst() { condition = .and(condition, other) }
                pattern = .filter(condition, pattern)
            }
        }
        if let values = modifiers.values {
            pattern = GroupBuilder.join(pattern, values.pattern)
            scope.formUnion(values.scope)
            grouped.formUnion(values.scope)
        }
        var projection: [Variable] = []
        var projected: Set<Variable> = []
        if let select {
            var assigned: Set<Variable> = []
            for item in select.items {
                switch item {
                case .variable(let variable, let token):
                    if isAggregate && !grouped.contains(variable) && !assigned.contains(variable) {
                        throw error("\(variable) is neither grouped nor aggregated: in a query with GROUP BY or aggregates, "
                            + "SELECT may only use GROUP BY variables and aggregates", at: token)
                    }
                    if projected.insert(variable).inserted { projection.append(variable) }
                case .expression(let expression, let variable, let token):
                    if scope.contains(variable) || whereClause.scope.contains(variable) || !projected.insert(variable).inserted {
                        throw error("SELECT cannot assign \(variable): it is already in scope", at: token)
                    }
                    if isAggregate {
                        let allowed = scope.union(assigned)
                        if let stray = expression.variables.filter({ !allowed.contains($0) }).min() {
                            throw error("\(stray) is neither grouped nor aggregated: in a query with GROUP BY or aggregates, "
                                + "SELECT expressions may only use GROUP BY variables and aggregates", at: token)
                        }
                    }
                    pattern = .extend(pattern, variable: variable, expression: expression)
                    assigned.insert(variable)
                    projection.append(variable)
                }
            }
            if select.star != nil { projection = pattern.visibleVariables }
        }
        if !modifiers.orderBy.isEmpty { pattern = .orderBy(pattern, modifiers.orderBy) }
        if let select {
            pattern = .project(pattern, projection)
            scope = Set(projection)
            if select.distinct { pattern = .distinct(pattern) }
            if select.reduced { pattern = .reduced(pattern) }
        }
        if modifiers.offset != nil || modifiers.limit != nil {
            pattern = .slice(pattern, offset: modifiers.offset ?? 0, limit: modifiers.limit)
        }
        return ParsedPattern(pattern: pattern, scope: scope)
    }
}

extension GraphPattern {
    /// The variables in scope (§18.2.1) that the user could have written, in order of first appearance: what
    /// `SELECT *` and `DESCRIBE *` mean.
    var visibleVariables: [Variable] {
        var seen: Set<Variable> = []
        var ordered: [Variable] = []
        collectInScope { variable in
            if !variable.isGenerated, seen.insert(variable).inserted { ordered.append(variable) }
        }
        return ordered
    }

    /// Walks the pattern with an explicit stack, since sequences of OPTIONALs or UNIONs nest thousands deep.
    private func collectInScope(_ add: (Variable) -> Void) {
        enum Item {
            case pattern(GraphPattern)
            case variable(Variable)
        }
        var stack: [Item] = [.pattern(self)]
        func push(_ positions: [TermPattern]) {
            for position in positions.reversed() { if let variable = position.variable { stack.append(.variable(variable)) } }
        }
        while let item = stack.popLast() {
            guard case .pattern(let pattern) = item else {
                if case .variable(let variable) = item { add(variable) }
                continue
            }
            switch pattern {
            case .bgp(let triples):
                for triple in triples.reversed() { push([triple.subject, triple.predicate, triple.object]) }
            case .path(let subject, _, let object): push([subject, object])
            case .join(let left, let right, _), .leftJoin(let left, let right, _, _), .union(let left, let right):
                stack.append(.pattern(right))
                stack.append(.pattern(left))
            case .filter(_, let inner), .minus(let inner, _), .orderBy(let inner, _), .distinct(let inner), .reduced(let inner),
                .slice(let inner, _, _):
                stack.append(.pattern(inner))
            case .graph(let name, let inner), .service(let name, let inner, _):
                stack.append(.pattern(inner))
                push([name])
            case .extend(let inner, let variable, _):
                stack.append(.variable(variable))
                stack.append(.pattern(inner))
            case .values(let variables, _), .project(_, let variables):
                stack.append(contentsOf: variables.reversed().map { .variable($0) })
            case .group(_, let variables, let aggregates):
                stack.append(contentsOf: (variables + aggregates.map(\.variable)).reversed().map { .variable($0) })
            }
        }
    }
}
