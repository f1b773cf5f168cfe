import RDF

/// Turns an algebra expression into a cursor tree: assigns a slot to every variable, resolves constants to IDs, and
/// runs each join and left join by the algorithm its `strategy` names (chosen by `Optimizer.chooseJoinStrategies`).
final class Planner {
    let context: EvaluationContext
    let evaluator: ExpressionEvaluator
    private let walker: PathEvaluator
    private(set) var slots: [Variable: Int] = [:]
    /// The number of slots so far: every row of the query has this width.
    private(set) var width = 0
    /// Hidden graph slots of the enclosing `GRAPH ?g` operators while their inner pattern is planned.
    private var activeGraphSlots: [Int] = []

    init(context: EvaluationContext) {
        self.context = context
        evaluator = ExpressionEvaluator(context: context)
        walker = PathEvaluator(context: context)
    }

    /// The slot of a variable, assigned on first use.
    func slot(_ variable: Variable) -> Int {
        if let slot = slots[variable] { return slot }
        let slot = width
        width += 1
        slots[variable] = slot
        return slot
    }

    private func slots(_ variables: some Sequence<Variable>) -> [Int] { variables.sorted().map(slot) }

    /// The cursor for `pattern`, evaluated in `graph`.
    func cursor(for pattern: GraphPattern, graph: GraphScope) throws(QueryEvaluationError) -> Cursor {
        try build(pattern, graph: graph, topK: nil, needsBindings: false).cursor
    }

    /// A planned pattern: its cursor, and its `variableBindings`, carried up from its operands so that each join can
    /// find its key variables without walking the chain below it (which cost n² on a chain).
    private struct Built {
        var cursor: Cursor
        var bindings: VariableBindings

        /// The bindings, left empty here: the wrapping pattern then adds its variables to the only reference to the sets,
        /// in place. A copy still held here made each level copy them (n² over 10,000 BINDs).
        mutating func takeBindings() -> VariableBindings {
            defer { bindings = VariableBindings() }
            return bindings
        }
    }

    /// - Parameters:
    ///   - topK: an enclosing LIMIT (plus OFFSET) that an ORDER BY below may use to keep only its best rows.
    ///   - needsBindings: whether an operator above reads the result's `bindings` (a join, MINUS, GRAPH…); when none
    ///     does, as for a one-pattern query under its projection, the sets of variables are not built (their hashing
    ///     was a tenth of planning a lookup's cursors on every request).
    private func build(_ pattern: GraphPattern, graph: GraphScope, topK: Int?, needsBindings: Bool = true) throws(QueryEvaluationError) -> Built {
        try context.deadline.check()
        /// A one-operand pattern's cursor over its operand's.
        func wrap(_ inner: GraphPattern, topK: Int? = nil, _ make: (Cursor) throws(QueryEvaluationError) -> Cursor) throws(QueryEvaluationError) -> Built {
            var built = try build(inner, graph: graph, topK: topK, needsBindings: needsBindings)
            let cursor = try make(built.cursor)
            return Built(cursor: cursor, bindings: needsBindings ? pattern.bindings(wrapping: built.takeBindings()) : VariableBindings())
        }
        switch pattern {
        case .bgp(let patterns):
            return Built(cursor: bgp(patterns, graph: graph), bindings: needsBindings ? pattern.leafBindings : VariableBindings())
        case .path(let subject, let path, let object):
            let cursor = PathCursor(
                subject: node(subject), path: compile(path), object: node(object), graph: graph, walker: walker, context: context)
            return Built(cursor: cursor, bindings: pattern.leafBindings)
        case .join(_, _, let strategy):
            let (left, right) = try operands(of: pattern, graph: graph)
            let bindings = left.bindings.joined(with: right.bindings)
            switch strategy {
            case .nestedLoop: return Built(cursor: NestedLoopJoinCursor(left.cursor, right.cursor), bindings: bindings)
            case .hash:
                let cursor = HashJoinCursor(left.cursor, right.cursor, keySlots: keySlots(left, right), deadline: context.deadline)
                return Built(cursor: cursor, bindings: bindings)
            }
        case .leftJoin(_, _, let filter, let strategy):
            let (left, right) = try operands(of: pattern, graph: graph)
            let condition = try filter.map { e throws(QueryEvaluationError) in try compile(e, graph: graph) }
            let bindings = left.bindings.leftJoined(with: right.bindings)
            switch strategy {
            case .nestedLoop:
                return Built(
                    cursor: NestedLoopLeftJoinCursor(left.cursor, right.cursor, condition: condition, evaluator: evaluator), bindings: bindings)
            case .hash:
                let cursor = HashLeftJoinCursor(
                    left.cursor, right.cursor, keySlots: keySlots(left, right), condition: condition, evaluator: evaluator,
                    deadline: context.deadline)
                return Built(cursor: cursor, bindings: bindings)
            }
        case .filter(let expression, let inner):
            return try wrap(inner) { (cursor) throws(QueryEvaluationError) in
                FilterCursor(cursor, condition: try compile(expression, graph: graph), evaluator: evaluator, deadline: context.deadline)
            }
        case .union:
            var (left, right) = try operands(of: pattern, graph: graph)
            return Built(cursor: UnionCursor(left.cursor, right.cursor), bindings: left.takeBindings().united(with: right.bindings))
        case .graph(let name, let inner):
            return try graphCursor(name, inner, pattern: pattern)
        case .extend(let inner, let variable, let expression):
            let startsSolution = expression.usesBlankNodeFunction && !pattern.hasBlankNodeBindBelow
            return try wrap(inner) { (cursor) throws(QueryEvaluationError) in
                ExtendCursor(
                    cursor, slot: slot(variable), expression: try compile(expression, graph: graph), evaluator: evaluator,
                    startsSolution: startsSolution)
            }
        case .minus:
            let (left, right) = try operands(of: pattern, graph: graph)
            let shared = left.bindings.possible.intersection(right.bindings.possible)
            // No variable in common: MINUS removes nothing (§18.5, "dom(μ) ∩ dom(μ') ≠ ∅").
            if shared.isEmpty { return left }
            let cursor = MinusCursor(
                left.cursor, right.cursor, keySlots: slots(left.bindings.certain.intersection(right.bindings.certain)),
                sharedSlots: slots(shared), deadline: context.deadline)
            return Built(cursor: cursor, bindings: left.bindings)
        case .values(let variables, let rows):
            let columns = variables.map(slot)
            let cursor = ValuesCursor(
                rows: rows.map { row in
                    zip(columns, row).compactMap { slot, term in term.map { (slot: slot, id: context.id(for: $0)) } }
                }, deadline: context.deadline)
            return Built(cursor: cursor, bindings: pattern.leafBindings)
        case .orderBy(let inner, let comparators):
            var keys: [OrderByCursor.Key] = []
            for comparator in comparators {
                switch comparator {
                case .ascending(let e): keys.append(.init(expression: try compile(e, graph: graph), descending: false))
                case .descending(let e): keys.append(.init(expression: try compile(e, graph: graph), descending: true))
                }
            }
            return try wrap(inner) { OrderByCursor($0, keys: keys, limit: topK, evaluator: evaluator, deadline: context.deadline) }
        case .project(let inner, let variables):
            return try wrap(inner, topK: topK) { ProjectCursor($0, keep: variables.map(slot), passThrough: activeGraphSlots) }
        case .distinct(let inner):
            return try wrap(inner) { DistinctCursor($0, deadline: context.deadline) }
        case .reduced(let inner):
            return try wrap(inner) { ReducedCursor($0) }
        case .slice(let inner, let offset, let limit):
            let (sum, overflow) = offset.addingReportingOverflow(limit ?? 0)
            let innerTopK = limit != nil && !overflow ? sum : nil
            return try wrap(inner, topK: innerTopK) { SliceCursor($0, offset: offset, limit: limit) }
        case .group(let inner, let variables, let aggregates):
            var compiled: [CompiledAggregate] = []
            for aggregate in aggregates { compiled.append(try compile(aggregate, graph: graph)) }
            return try wrap(inner) {
                GroupCursor(
                    $0, keySlots: variables.map(slot), aggregates: compiled, passThrough: activeGraphSlots,
                    aggregator: Aggregator(evaluator: evaluator, context: context), context: context)
            }
        case .service(let name, let inner, let silent):
            let bindings = pattern.bindings(wrapping: inner.variableBindings)
            if case .term(.iri(let iri)) = name, let service = context.services[iri] {
                let answer: ServiceSolutions
                do {
                    answer = try context.access.evaluate(inner, with: service)
                } catch {
                    if silent { return Built(cursor: SingleCursor(), bindings: bindings) }
                    throw error as? QueryEvaluationError ?? .unsupported("SERVICE <\(iri.value)>: \(error)")
                }
                let values = try build(.values(variables: answer.variables, rows: answer.rows), graph: graph, topK: nil)
                return Built(cursor: values.cursor, bindings: bindings)
            }
            // SERVICE SILENT swallows the failure and contributes one empty solution (SPARQL 1.1 Federated Query §4).
            if silent { return Built(cursor: SingleCursor(), bindings: bindings) }
            throw .unsupported("SERVICE \(name) is not supported: this endpoint does not make federated queries")
        }
    }

    /// Both operands of a join, left join, union or MINUS, planned left first.
    private func operands(of pattern: GraphPattern, graph: GraphScope) throws(QueryEvaluationError) -> (Built, Built) {
        switch pattern {
        case .join(let a, let b, _), .leftJoin(let a, let b, _, _), .union(let a, let b), .minus(let a, let b):
            let left = try build(a, graph: graph, topK: nil)
            return (left, try build(b, graph: graph, topK: nil))
        default:
            preconditionFailure("operands(of:) of a pattern without two")
        }
    }

    private func keySlots(_ a: Built, _ b: Built) -> [Int] {
        slots(a.bindings.certain.intersection(b.bindings.certain))
    }

    private func bgp(_ patterns: [TriplePattern], graph: GraphScope) -> Cursor {
        guard !patterns.isEmpty else { return SingleCursor() }
        var encoded: [EncodedTriplePattern] = []
        for pattern in patterns {
            guard let s = constantOrSlot(pattern.subject), let p = constantOrSlot(pattern.predicate), let o = constantOrSlot(pattern.object)
            else { return EmptyCursor() }
            encoded.append(EncodedTriplePattern(subject: s, predicate: p, object: o))
        }
        return BGPCursor(patterns: encoded, graph: graph, context: context)
    }

    /// A triple pattern position; `nil` for a term the dataset does not hold (nothing can match it).
    private func constantOrSlot(_ pattern: TermPattern) -> PatternNode? {
        switch pattern {
        case .variable(let variable): return .slot(slot(variable))
        case .term(let term): return context.access.id(of: term).map(PatternNode.constant)
        }
    }

    /// A path end: constants keep a (possibly query-local) ID, since `<x> :p* ?y` matches `<x>` even if it is not in the data.
    private func node(_ pattern: TermPattern) -> PatternNode {
        switch pattern {
        case .variable(let variable): .slot(slot(variable))
        case .term(let term): .constant(context.id(for: term))
        }
    }

    private func graphCursor(_ name: TermPattern, _ inner: GraphPattern, pattern: GraphPattern) throws(QueryEvaluationError) -> Built {
        switch name {
        case .term(let term):
            guard !term.isLiteral, let id = context.access.id(of: term) else {
                return Built(cursor: EmptyCursor(), bindings: pattern.bindings(wrapping: inner.variableBindings))
            }
            var built = try build(inner, graph: .fixed(id), topK: nil)
            let cursor = GraphCursor(built.cursor, name: .fixed(id), context: context)
            return Built(cursor: cursor, bindings: pattern.bindings(wrapping: built.takeBindings()))
        case .variable(let variable):
            let variableSlot = slot(variable)
            let hidden = width
            width += 1
            activeGraphSlots.append(hidden)
            defer { activeGraphSlots.removeLast() }
            var built = try build(inner, graph: .slot(hidden), topK: nil)
            let cursor = GraphCursor(built.cursor, name: .variable(slot: variableSlot, hidden: hidden, anchored: inner.isGraphAnchored), context: context)
            return Built(cursor: cursor, bindings: pattern.bindings(wrapping: built.takeBindings()))
        }
    }

    // MARK: Paths, expressions, aggregates

    private func compile(_ path: PropertyPath) -> CompiledPath {
        switch path {
        case .predicate(let iri): return .predicate(context.access.id(of: .iri(iri)))
        case .inverse(let p): return .inverse(compile(p))
        case .sequence(let a, let b): return .sequence(compile(a), compile(b))
        case .alternative(let a, let b): return .alternative(compile(a), compile(b))
        case .zeroOrMore(let p): return .zeroOrMore(compile(p))
        case .oneOrMore(let p): return .oneOrMore(compile(p))
        case .zeroOrOne(let p): return .zeroOrOne(compile(p))
        case .negatedPropertySet(let forward, let inverse):
            func ids(_ iris: [IRI]) -> Set<TermID>? {
                iris.isEmpty ? nil : Set(iris.compactMap { context.access.id(of: .iri($0)) })
            }
            return .negated(forward: ids(forward), inverse: ids(inverse))
        }
    }

    func compile(_ expression: Expression, graph: GraphScope) throws(QueryEvaluationError) -> CompiledExpression {
        // Each term looks its ID up in the store: an IN list of 100,000 terms takes seconds, and counts against the deadline.
        try context.deadline.tick()
        func all(_ list: [Expression]) throws(QueryEvaluationError) -> [CompiledExpression] {
            var result: [CompiledExpression] = []
            for item in list { result.append(try compile(item, graph: graph)) }
            return result
        }
        func c(_ e: Expression) throws(QueryEvaluationError) -> CompiledExpression { try compile(e, graph: graph) }
        switch expression {
        case .variable(let v): return .slot(slot(v))
        case .term(let t): return .constant(t, context.id(for: t))
        case .or(let a, let b): return .or(try c(a), try c(b))
        case .and(let a, let b): return .and(try c(a), try c(b))
        case .not(let a): return .not(try c(a))
        case .equal(let a, let b): return .equal(try c(a), try c(b))
        case .notEqual(let a, let b): return .notEqual(try c(a), try c(b))
        case .less(let a, let b): return .less(try c(a), try c(b))
        case .lessOrEqual(let a, let b): return .lessOrEqual(try c(a), try c(b))
        case .greater(let a, let b): return .greater(try c(a), try c(b))
        case .greaterOrEqual(let a, let b): return .greaterOrEqual(try c(a), try c(b))
        case .in(let a, let list): return .in(try c(a), try all(list), negated: false)
        case .notIn(let a, let list): return .in(try c(a), try all(list), negated: true)
        case .add(let a, let b): return .add(try c(a), try c(b))
        case .subtract(let a, let b): return .subtract(try c(a), try c(b))
        case .multiply(let a, let b): return .multiply(try c(a), try c(b))
        case .divide(let a, let b): return .divide(try c(a), try c(b))
        case .unaryPlus(let a): return .unaryPlus(try c(a))
        case .unaryMinus(let a): return .unaryMinus(try c(a))
        case .bound(let v): return .bound(slot(v))
        case .if(let a, let b, let d): return .if(try c(a), try c(b), try c(d))
        case .coalesce(let list): return .coalesce(try all(list))
        case .exists(let pattern): return .exists(try build(pattern, graph: graph, topK: nil).cursor)
        case .builtIn(.sameTerm, let arguments) where arguments.count == 2:
            return .sameTerm(try c(arguments[0]), try c(arguments[1]))
        case .builtIn(let function, let arguments): return .builtIn(function, try all(arguments))
        case .function(let iri, let arguments): return .function(iri, try all(arguments))
        }
    }

    private func compile(_ group: GroupAggregate, graph: GraphScope) throws(QueryEvaluationError) -> CompiledAggregate {
        let aggregate = group.aggregate
        let function: CompiledAggregate.Function
        switch aggregate.function {
        case .count: function = .count
        case .sum: function = .sum
        case .avg: function = .avg
        case .min: function = .min
        case .max: function = .max
        case .sample: function = .sample
        case .groupConcat(let separator): function = .groupConcat(separator: separator)
        case .custom(let iri): throw .unsupported("aggregate function \(iri) is not supported")
        }
        let expression = try aggregate.expression.map { e throws(QueryEvaluationError) in try compile(e, graph: graph) }
        return CompiledAggregate(function: function, expression: expression, distinct: aggregate.distinct, slot: slot(group.variable))
    }
}

extension GraphPattern {
    /// Whether every solution of the pattern comes out of a quad scan or path walk inside the current graph, so that
    /// the scans can bind `GRAPH ?g`'s graph themselves (see `GraphCursor`).
    var isGraphAnchored: Bool {
        switch self {
        case .bgp(let patterns): !patterns.isEmpty
        case .path: true
        case .join(let a, let b, _), .union(let a, let b): a.isGraphAnchored && b.isGraphAnchored
        case .leftJoin(let a, let b, let filter, _): a.isGraphAnchored && b.isGraphAnchored && !(filter?.containsExists ?? false)
        case .filter(let e, let inner), .extend(let inner, _, let e): !e.containsExists && inner.isGraphAnchored
        default: false
        }
    }

    /// Whether a BIND lower in this chain of BINDs uses BNODE().
    fileprivate var hasBlankNodeBindBelow: Bool {
        guard case .extend(var inner, _, _) = self else { return false }
        while case .extend(let next, _, let expression) = inner {
            if expression.usesBlankNodeFunction { return true }
            inner = next
        }
        return false
    }
}

extension Expression {
    /// Whether the expression calls BNODE, whose labels are scoped to one solution.
    var usesBlankNodeFunction: Bool {
        switch self {
        case .builtIn(.bnode, _): return true
        case .variable, .term, .bound, .exists: return false
        case .not(let e), .unaryPlus(let e), .unaryMinus(let e): return e.usesBlankNodeFunction
        case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b), .less(let a, let b),
            .lessOrEqual(let a, let b), .greater(let a, let b), .greaterOrEqual(let a, let b), .add(let a, let b),
            .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            return a.usesBlankNodeFunction || b.usesBlankNodeFunction
        case .in(let e, let list), .notIn(let e, let list): return e.usesBlankNodeFunction || list.contains { $0.usesBlankNodeFunction }
        case .if(let a, let b, let c): return a.usesBlankNodeFunction || b.usesBlankNodeFunction || c.usesBlankNodeFunction
        case .coalesce(let list), .builtIn(_, let list), .function(_, let list): return list.contains { $0.usesBlankNodeFunction }
        }
    }
}
