import RDF

/// Renumbers generated variables (per hint: `_#v1`, `_#agg1`, `_#group1` …) and template blank nodes (`_:b1` …) in order
/// of first appearance in a fixed walk of the parsed result.
///
/// The parser numbers them in the order it creates them, which depends on how the text was written: `[ :p [ :q ?o ] ]`
/// and the equivalent triples written out with labels differ. After this pass, two texts that translate to the same
/// algebra up to the names of generated variables and template blank nodes give equal values, which is what makes
/// parse → print → parse round-trip exactly (the printer writes generated variables as blank node labels).
struct GeneratedNameCanonicalizer {
    private var variables: [Variable: Variable] = [:]
    private var counters: [String: Int] = [:]
    private var blankNodes: [BlankNode: BlankNode] = [:]

    mutating func canonical(_ query: Query) -> Query {
        var result = query
        result.pattern = pattern(query.pattern)
        switch query.form {
        case .select, .ask: break
        case .construct(let template): result.form = .construct(template: template.map { triple($0) })
        case .describe(let resources): result.form = .describe(resources.map { position($0) })
        }
        return result
    }

    mutating func canonical(_ update: Update) -> Update {
        var result = update
        result.operations = update.operations.map { operation($0) }
        return result
    }

    private mutating func operation(_ operation: GraphUpdateOperation) -> GraphUpdateOperation {
        switch operation {
        case .insertData(let quads): return .insertData(quads.map { quad($0) })
        case .deleteData(let quads): return .deleteData(quads.map { quad($0) })
        case .deleteInsert(let delete, let insert, let using, let where_):
            let pattern = pattern(where_)
            return .deleteInsert(delete: delete.map { quadPattern($0) }, insert: insert.map { quadPattern($0) }, using: using, pattern: pattern)
        case .load, .clear, .create, .drop, .add, .move, .copy: return operation
        }
    }

    // MARK: Names

    private mutating func variable(_ variable: Variable) -> Variable {
        guard variable.isGenerated else { return variable }
        if let renamed = variables[variable] { return renamed }
        let hint = String(variable.name.dropFirst(2).prefix { !("0"..."9").contains($0) })
        let number = counters[hint, default: 0] + 1
        counters[hint] = number
        let renamed = Variable.generated(number, hint: hint)
        variables[variable] = renamed
        return renamed
    }

    private mutating func term(_ term: Term) -> Term {
        guard case .blankNode(let node) = term else { return term }
        if let renamed = blankNodes[node] { return .blankNode(renamed) }
        let renamed = BlankNode("b\(blankNodes.count + 1)")
        blankNodes[node] = renamed
        return .blankNode(renamed)
    }

    private mutating func position(_ position: TermPattern) -> TermPattern {
        switch position {
        case .variable(let v): .variable(variable(v))
        case .term(let t): .term(term(t))
        }
    }

    private mutating func triple(_ triple: TriplePattern) -> TriplePattern {
        TriplePattern(position(triple.subject), position(triple.predicate), position(triple.object))
    }

    private mutating func quad(_ quad: Quad) -> Quad {
        Quad(term(quad.subject), term(quad.predicate), term(quad.object), graph: quad.graph)
    }

    private mutating func quadPattern(_ quad: QuadPattern) -> QuadPattern {
        let graph: GraphNamePattern = if case .variable(let v) = quad.graph { .variable(variable(v)) } else { quad.graph }
        return QuadPattern(position(quad.subject), position(quad.predicate), position(quad.object), graph: graph)
    }

    // MARK: Algebra

    /// Rebuilds `root` bottom-up along its chain of first children (a sequence of OPTIONALs is a left-deep chain
    /// thousands long), recursing only into other children, whose depth the parser's nesting limit bounds.
    private mutating func pattern(_ root: GraphPattern) -> GraphPattern {
        var chain: [GraphPattern] = []
        var node = root
        while let first = node.firstChild {
            chain.append(node)
            node = first
        }
        var result = leaf(node)
        for parent in chain.reversed() { result = rebuild(parent, firstChild: result) }
        return result
    }

    private mutating func leaf(_ pattern: GraphPattern) -> GraphPattern {
        switch pattern {
        case .bgp(let triples): return .bgp(triples.map { triple($0) })
        case .path(let subject, let path, let object): return .path(subject: position(subject), path: path, object: position(object))
        case .graph(let name, let inner): return .graph(name: position(name), self.pattern(inner))
        case .values(let vars, let rows): return .values(variables: vars.map { variable($0) }, rows: rows)
        case .service(let name, let inner, let silent): return .service(name: position(name), self.pattern(inner), silent: silent)
        default: return pattern
        }
    }

    /// `parent` with its first child replaced by the already rebuilt `first`, and its other parts rebuilt.
    private mutating func rebuild(_ parent: GraphPattern, firstChild first: GraphPattern) -> GraphPattern {
        switch parent {
        case .join(_, let right, let strategy): return .join(first, pattern(right), strategy: strategy)
        case .leftJoin(_, let right, let filter, let strategy):
            let right = pattern(right)
            return .leftJoin(first, right, filter: filter.map { expression($0) }, strategy: strategy)
        case .filter(let condition, _): return .filter(expression(condition), first)
        case .union(_, let right): return .union(first, pattern(right))
        case .extend(_, let v, let e):
            let v = variable(v)
            return .extend(first, variable: v, expression: expression(e))
        case .minus(_, let right): return .minus(first, pattern(right))
        case .orderBy(_, let comparators): return .orderBy(first, comparators.map { comparator($0) })
        case .project(_, let vars): return .project(first, vars.map { variable($0) })
        case .distinct: return .distinct(first)
        case .reduced: return .reduced(first)
        case .slice(_, let offset, let limit): return .slice(first, offset: offset, limit: limit)
        case .group(_, let vars, let aggregates):
            let vars = vars.map { variable($0) }
            return .group(first, variables: vars, aggregates: aggregates.map { GroupAggregate(variable($0.variable), aggregate($0.aggregate)) })
        default: return parent
        }
    }

    private mutating func comparator(_ comparator: OrderComparator) -> OrderComparator {
        switch comparator {
        case .ascending(let e): .ascending(expression(e))
        case .descending(let e): .descending(expression(e))
        }
    }

    private mutating func aggregate(_ aggregate: AggregateExpression) -> AggregateExpression {
        AggregateExpression(aggregate.function, aggregate.expression.map { expression($0) }, distinct: aggregate.distinct)
    }

    /// Like `pattern(_:)`: iterative along chains of binary operators (`a || b || …`), recursive elsewhere.
    private mutating func expression(_ root: Expression) -> Expression {
        var chain: [Expression] = []
        var node = root
        while let (left, _) = node.binaryOperands {
            chain.append(node)
            node = left
        }
        var result = leafExpression(node)
        for parent in chain.reversed() {
            guard let (_, right) = parent.binaryOperands else { continue }
            result = parent.withBinaryOperands(result, expression(right))
        }
        return result
    }

    private mutating func leafExpression(_ expression: Expression) -> Expression {
        switch expression {
        case .variable(let v): .variable(variable(v))
        case .not(let e): .not(self.expression(e))
        case .in(let e, let list): .in(self.expression(e), list.map { self.expression($0) })
        case .notIn(let e, let list): .notIn(self.expression(e), list.map { self.expression($0) })
        case .unaryPlus(let e): .unaryPlus(self.expression(e))
        case .unaryMinus(let e): .unaryMinus(self.expression(e))
        case .bound(let v): .bound(variable(v))
        case .if(let a, let b, let c): .if(self.expression(a), self.expression(b), self.expression(c))
        case .coalesce(let list): .coalesce(list.map { self.expression($0) })
        case .exists(let p): .exists(pattern(p))
        case .builtIn(let f, let list): .builtIn(f, list.map { self.expression($0) })
        case .function(let iri, let list): .function(iri, list.map { self.expression($0) })
        default: expression
        }
    }
}

extension GraphPattern {
    /// The child a walk visits first, for the patterns that have one: what long left-deep chains are made of.
    var firstChild: GraphPattern? {
        switch self {
        case .join(let first, _, _), .leftJoin(let first, _, _, _), .union(let first, _), .minus(let first, _), .extend(let first, _, _),
            .filter(_, let first), .orderBy(let first, _), .project(let first, _), .distinct(let first), .reduced(let first),
            .slice(let first, _, _), .group(let first, _, _):
            first
        case .bgp, .path, .graph, .values, .service: nil
        }
    }
}

extension Expression {
    /// The operands of a binary operator, whose left-deep chains (`a && b && …`) can be thousands long.
    var binaryOperands: (Expression, Expression)? {
        switch self {
        case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b), .less(let a, let b),
            .lessOrEqual(let a, let b), .greater(let a, let b), .greaterOrEqual(let a, let b), .add(let a, let b),
            .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            (a, b)
        default: nil
        }
    }

    /// The same binary operator over other operands.
    func withBinaryOperands(_ a: Expression, _ b: Expression) -> Expression {
        switch self {
        case .or: .or(a, b)
        case .and: .and(a, b)
        case .equal: .equal(a, b)
        case .notEqual: .notEqual(a, b)
        case .less: .less(a, b)
        case .lessOrEqual: .lessOrEqual(a, b)
        case .greater: .greater(a, b)
        case .greaterOrEqual: .greaterOrEqual(a, b)
        case .add: .add(a, b)
        case .subtract: .subtract(a, b)
        case .multiply: .multiply(a, b)
        case .divide: .divide(a, b)
        default: self
        }
    }
}
