public import RDF

/// Evaluates SPARQL queries over a `QueryableDataset`, lazily: rows are computed as the caller pulls them, over
/// term IDs, and decoded only on output (STYLE.md §8, §9).
///
/// ```swift
/// let query = try SPARQLParser.parseQuery("SELECT ?s WHERE { ?s a <http://example.org/C> } LIMIT 10", baseIRI: nil)
/// let evaluator = QueryEvaluator(options: QueryOptions(deadline: .now + .seconds(10)))
/// if case .solutions(var rows) = try evaluator.evaluate(query, in: snapshot) {
///     while let row = try rows.next() { print(row) }
/// }
/// ```
///
/// Everything that can fail before the first row (unsupported SERVICE or aggregates) fails in `evaluate`; after that,
/// pulling only throws for the deadline or cancellation.
public struct QueryEvaluator: Sendable {
    /// The deadline, default-graph semantics and base IRI every evaluation uses.
    public var options: QueryOptions

    /// An evaluator; cheap to make, holds no state between queries.
    public init(options: QueryOptions = .init()) { self.options = options }

    /// Plans the query and returns its lazy result. ASK is answered here (it stops at the first solution).
    /// - Throws: `QueryEvaluationError.unsupported` for SERVICE without SILENT or an unknown aggregate; `.timeout` or
    ///   `.cancelled` if that happens while answering ASK.
    public func evaluate<D: QueryableDataset>(_ query: Query, in dataset: D) throws(QueryEvaluationError) -> QueryResult {
        let context = try makeContext(clause: query.dataset, baseIRI: query.baseIRI, dataset: dataset)
        return try evaluate(PlannedQuery(query: query, pattern: try optimized(query.pattern, context: context)), context: context)
    }

    /// The query with its algebra rewritten for `dataset` (join order from its statistics, filter placement, join
    /// algorithms): what `evaluate` does before it runs anything. The plan holds no state of one evaluation, so it can
    /// be kept and evaluated again, over `dataset` or another version of it (the rewrites never change the answer,
    /// only how fast it comes).
    /// - Throws: `.timeout` or `.cancelled`, `.tooComplex` for a join too wide to order.
    public func plan<D: QueryableDataset>(_ query: Query, in dataset: D) throws(QueryEvaluationError) -> PlannedQuery {
        let context = try makeContext(clause: query.dataset, baseIRI: query.baseIRI, dataset: dataset)
        return PlannedQuery(query: query, pattern: try optimized(query.pattern, context: context))
    }

    /// The lazy result of a planned query, as `evaluate(_:in:)` gives it.
    public func evaluate<D: QueryableDataset>(_ planned: PlannedQuery, in dataset: D) throws(QueryEvaluationError) -> QueryResult {
        try evaluate(planned, context: try makeContext(clause: planned.query.dataset, baseIRI: planned.query.baseIRI, dataset: dataset))
    }

    private func evaluate(_ planned: PlannedQuery, context: EvaluationContext) throws(QueryEvaluationError) -> QueryResult {
        let query = planned.query
        let prepared = try open(planned.pattern, outputVariables: query.outputVariables, context: context)
        switch query.form {
        case .select:
            let variables = query.pattern.selectVariables
            let stream = SolutionStream(context: prepared.planner.context, root: prepared.root, outputSlots: variables.map(prepared.planner.slot))
            return .solutions(QuerySolutions(variables: variables, stream: stream))
        case .ask:
            return .boolean(try prepared.root.next() != nil)
        case .construct(let template):
            let stream = SolutionStream(context: prepared.planner.context, root: prepared.root, outputSlots: [])
            return .graph(QueryTriples(stream: ConstructStream(solutions: stream, template: template, planner: prepared.planner)))
        case .describe(let targets):
            let stream = SolutionStream(context: prepared.planner.context, root: prepared.root, outputSlots: [])
            return .graph(QueryTriples(stream: DescribeStream(solutions: stream, targets: targets, planner: prepared.planner)))
        }
    }

    /// The solutions of a graph pattern, for SPARQL Update's DELETE/INSERT … WHERE.
    /// - Parameters:
    ///   - datasetClause: USING / USING NAMED (with WITH folded in); `nil` for the store's own dataset.
    /// - Returns: rows over every variable the pattern may bind (the parser's generated variables excluded), in order
    ///   of first appearance.
    public func solutions<D: QueryableDataset>(
        of pattern: GraphPattern, datasetClause: QueryDataset?, in dataset: D
    ) throws(QueryEvaluationError) -> QuerySolutions {
        let variables = pattern.visibleVariablesInOrder
        let context = try makeContext(clause: datasetClause, baseIRI: nil, dataset: dataset)
        let prepared = try open(try optimized(pattern, context: context), outputVariables: variables, context: context)
        let stream = SolutionStream(context: prepared.planner.context, root: prepared.root, outputSlots: variables.map(prepared.planner.slot))
        return QuerySolutions(variables: variables, stream: stream)
    }

    private func makeContext<D: QueryableDataset>(
        clause: QueryDataset?, baseIRI: String?, dataset: D
    ) throws(QueryEvaluationError) -> EvaluationContext {
        let deadline = Deadline(options.deadline, cancellation: options.cancellation)
        try deadline.check()
        let access = TypedDatasetAccess(dataset)
        let view = DatasetView(clause: clause, unionDefaultGraph: options.unionDefaultGraph, access: access)
        let functions = FunctionContext(
            baseIRI: (baseIRI ?? options.baseIRI).map(IRI.init), limit: options.deadline, cancellation: options.cancellation)
        return EvaluationContext(access: access, view: view, deadline: deadline, functions: functions, services: options.services)
    }

    private func optimized(_ pattern: GraphPattern, context: EvaluationContext) throws(QueryEvaluationError) -> GraphPattern {
        guard !options.referenceSemantics else { return pattern }
        let optimizer = Optimizer(context: context)
        return try options.optimize ? optimizer.optimize(pattern) : optimizer.choosingJoinStrategiesOnly(pattern)
    }

    /// The plan's cursors, opened.
    private func open(
        _ pattern: GraphPattern, outputVariables: [Variable], context: EvaluationContext
    ) throws(QueryEvaluationError) -> (planner: Planner, root: Cursor) {
        let planner = Planner(context: context)
        let root = try planner.cursor(for: pattern, graph: .defaultGraph)
        // Result and template variables the pattern never binds still need a slot before rows are made.
        for variable in outputVariables { _ = planner.slot(variable) }
        try root.open(Row.unbound(width: planner.width))
        return (planner, root)
    }
}

/// A query whose algebra the optimiser has rewritten (`QueryEvaluator.plan`), ready to evaluate any number of times.
public struct PlannedQuery: Sendable {
    /// The query as parsed: its form, dataset clause and base IRI, and the algebra the result's variables come from.
    public let query: Query
    /// The algebra to run.
    let pattern: GraphPattern
}

extension Query {
    /// Every variable the result reads: the SELECT list, the template's, DESCRIBE's.
    var outputVariables: [Variable] {
        switch form {
        case .select: pattern.selectVariables
        case .ask: []
        case .construct(let template): template.flatMap(\.variables)
        case .describe(let targets): targets.compactMap(\.variable)
        }
    }
}

extension GraphPattern {
    /// The variables of a SELECT: the outermost projection's, else every visible variable.
    var selectVariables: [Variable] {
        switch self {
        case .project(_, let variables): variables
        case .slice(let inner, _, _), .distinct(let inner), .reduced(let inner), .orderBy(let inner, _): inner.selectVariables
        default: visibleVariablesInOrder
        }
    }

    /// The variables the pattern may bind, without the parser's generated ones, in order of first appearance.
    var visibleVariablesInOrder: [Variable] {
        var seen = Set<Variable>()
        var result: [Variable] = []
        let possible = variableBindings.possible
        func visit(_ variable: Variable) {
            if possible.contains(variable), !variable.isGenerated, seen.insert(variable).inserted { result.append(variable) }
        }
        forEachVariableInOrder(visit)
        return result
    }

    private func forEachVariableInOrder(_ body: (Variable) -> Void) {
        switch self {
        case .bgp(let patterns):
            for pattern in patterns { pattern.variables.forEach(body) }
        case .path(let s, _, let o):
            s.variable.map(body)
            o.variable.map(body)
        case .join(let a, let b, _), .leftJoin(let a, let b, _, _), .union(let a, let b), .minus(let a, let b):
            a.forEachVariableInOrder(body)
            b.forEachVariableInOrder(body)
        case .filter(_, let inner), .orderBy(let inner, _), .distinct(let inner), .reduced(let inner), .slice(let inner, _, _),
            .service(_, let inner, _):
            inner.forEachVariableInOrder(body)
        case .graph(let name, let inner):
            name.variable.map(body)
            inner.forEachVariableInOrder(body)
        case .extend(let inner, let variable, _):
            inner.forEachVariableInOrder(body)
            body(variable)
        case .values(let variables, _):
            variables.forEach(body)
        case .project(_, let variables):
            variables.forEach(body)
        case .group(_, let variables, let aggregates):
            variables.forEach(body)
            aggregates.map(\.variable).forEach(body)
        }
    }
}
