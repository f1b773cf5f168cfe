import RDF

extension Query: CustomStringConvertible {
    /// The query as SPARQL text that parses back to an equal `Query` (IRIs written in full, no prefixes).
    ///
    /// Shapes the parser never produces (a SELECT without `project`, a generated variable in an expression) still print
    /// as valid SPARQL, but need not read back identically.
    public var description: String {
        var writer = SPARQLWriter()
        if let baseIRI { writer.line("BASE \(IRI(baseIRI))") }
        switch form {
        case .select:
            writer.select(pattern, dataset: dataset)
        case .ask:
            writer.line("ASK")
            writer.datasetClauses(dataset)
            writer.modifiers(SolutionLayers(pattern), forceWhere: true)
        case .construct(let template):
            writer.line("CONSTRUCT {")
            writer.indented { w in template.forEach { w.line(SPARQLTerms.triple($0)) } }
            writer.line("}")
            writer.datasetClauses(dataset)
            writer.modifiers(SolutionLayers(pattern), forceWhere: true)
        case .describe(let resources):
            writer.line("DESCRIBE " + (resources.isEmpty ? "*" : resources.map(SPARQLTerms.position).joined(separator: " ")))
            writer.datasetClauses(dataset)
            writer.modifiers(SolutionLayers(pattern), forceWhere: false)
        }
        return writer.output
    }
}

/// The solution-modifier layers (§18.2.4–5) peeled off a query level's pattern, outermost first.
struct SolutionLayers {
    var offset = 0
    var limit: Int?
    /// Whether there was a slice at all: `OFFSET 0` alone still makes one.
    var hasSlice = false
    var distinct = false
    var reduced = false
    var projection: [Variable]?
    var orderBy: [OrderComparator] = []
    /// SELECT expressions by variable.
    var selectExpressions: [Variable: Expression] = [:]
    var values: (variables: [Variable], rows: [[Term?]])?
    var having: Expression?
    /// `nil` without grouping; otherwise the GROUP BY variables with the expression each was bound to, if any.
    var groupBy: [(variable: Variable, expression: Expression?)]?
    var aggregates: [Variable: AggregateExpression] = [:]
    /// What is left: the WHERE clause.
    var whereClause: GraphPattern

    init(_ pattern: GraphPattern, selecting: Bool = false) {
        var p = pattern
        if case .slice(let inner, let offset, let limit) = p { (p, self.offset, self.limit, hasSlice) = (inner, offset, limit, true) }
        if selecting {
            if case .distinct(let inner) = p { (p, distinct) = (inner, true) } else if case .reduced(let inner) = p { (p, reduced) = (inner, true) }
            if case .project(let inner, let variables) = p { (p, projection) = (inner, variables) }
        }
        if case .orderBy(let inner, let comparators) = p { (p, orderBy) = (inner, comparators) }
        if let projection {
            // Extends whose variable is projected, in projection order, read back as SELECT expressions.
            let positions = Dictionary(projection.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            var earliest = Int.max
            while case .extend(let inner, let variable, let expression) = p, let index = positions[variable], index < earliest {
                selectExpressions[variable] = expression
                earliest = index
                p = inner
            }
        }
        if case .join(let inner, .values(let variables, let rows), _) = p { (p, values) = (inner, (variables, rows)) }
        if case .filter(let condition, let inner) = p, case .group = inner { (p, having) = (inner, condition) }
        if case .group(var inner, let variables, let aggregates) = p {
            var expressions: [Variable: Expression] = [:]
            let positions = Dictionary(variables.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            var earliest = Int.max
            while case .extend(let below, let variable, let expression) = inner, let index = positions[variable], index < earliest {
                expressions[variable] = expression
                earliest = index
                inner = below
            }
            groupBy = variables.map { ($0, expressions[$0]) }
            self.aggregates = Dictionary(aggregates.map { ($0.variable, $0.aggregate) }, uniquingKeysWith: { first, _ in first })
            p = inner
        }
        whereClause = p
    }
}

extension SPARQLWriter {
    /// A SELECT query or subquery whose algebra is `pattern`.
    mutating func select(_ pattern: GraphPattern, dataset: QueryDataset?) {
        let layers = SolutionLayers(pattern, selecting: true)
        let savedAggregates = aggregates
        aggregates = layers.aggregates
        var head = "SELECT " + (layers.distinct ? "DISTINCT " : layers.reduced ? "REDUCED " : "")
        if let projection = layers.projection, !projection.isEmpty {
            var items: [String] = []
            for variable in projection {
                if let expression = layers.selectExpressions[variable] {
                    items.append("(\(self.expression(expression)) AS \(SPARQLTerms.variable(variable)))")
                } else {
                    items.append(SPARQLTerms.variable(variable))
                }
            }
            head += items.joined(separator: " ")
        } else {
            head += "*"
        }
        aggregates = savedAggregates
        line(head)
        datasetClauses(dataset)
        modifiers(layers, forceWhere: true)
    }

    mutating func datasetClauses(_ dataset: QueryDataset?) {
        guard let dataset else { return }
        for graph in dataset.defaultGraphs { line("FROM \(graph)") }
        for graph in dataset.namedGraphs { line("FROM NAMED \(graph)") }
    }

    /// WHERE, GROUP BY, HAVING, ORDER BY, LIMIT / OFFSET and VALUES of one query level.
    mutating func modifiers(_ layers: SolutionLayers, forceWhere: Bool) {
        if forceWhere || layers.whereClause != .empty { block("WHERE {", layers.whereClause) }
        let savedAggregates = aggregates
        aggregates = layers.aggregates
        if let groupBy = layers.groupBy, !groupBy.isEmpty {
            var conditions: [String] = []
            for (variable, expression) in groupBy {
                if let expression {
                    let text = self.expression(expression)
                    conditions.append(variable.isGenerated ? "(\(text))" : "(\(text) AS \(SPARQLTerms.variable(variable)))")
                } else {
                    conditions.append(SPARQLTerms.variable(variable))
                }
            }
            line("GROUP BY " + conditions.joined(separator: " "))
        }
        if let having = layers.having { line("HAVING (\(expression(having)))") }
        if !layers.orderBy.isEmpty {
            var conditions: [String] = []
            for comparator in layers.orderBy {
                switch comparator {
                case .ascending(let e): conditions.append("ASC(\(expression(e)))")
                case .descending(let e): conditions.append("DESC(\(expression(e)))")
                }
            }
            line("ORDER BY " + conditions.joined(separator: " "))
        }
        aggregates = savedAggregates
        if let limit = layers.limit { line("LIMIT \(limit)") }
        if layers.offset != 0 || (layers.hasSlice && layers.limit == nil) { line("OFFSET \(layers.offset)") }
        if let values = layers.values { self.values(values.variables, values.rows) }
    }
}
