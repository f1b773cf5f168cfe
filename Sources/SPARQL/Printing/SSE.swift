import RDF

// S-expressions in the style of Jena's SSE (https://jena.apache.org/documentation/notes/sse.html), for debugging and
// for tests that check the shape of the algebra: one operator per parenthesis, patterns indented, expressions inline.

extension GraphPattern: CustomStringConvertible {
    /// The S-expression form, as `sse`.
    public var description: String { sse }

    /// The pattern as an S-expression, e.g. `(filter (> ?o 1) (bgp (triple ?s <p> ?o)))`, indented by nesting.
    public var sse: String {
        var out = ""
        SSE.pattern(self, indent: 0, into: &out)
        return out
    }
}

extension Expression {
    /// The expression as an S-expression, e.g. `(&& (bound ?x) (= ?x 1))`.
    public var sse: String { SSE.expression(self) }
}

extension Query {
    /// The query as an S-expression: form, dataset and base around the algebra.
    public var sse: String {
        var out = "(" + SSE.form(form)
        if let baseIRI { out += " (base \(IRI(baseIRI)))" }
        if let dataset { out += " " + SSE.dataset(dataset, keyword: "dataset") }
        out += "\n"
        SSE.pattern(pattern, indent: 1, into: &out)
        return out + ")"
    }
}

extension Update {
    /// The request as an S-expression, one operation per line.
    public var sse: String {
        var out = "(update"
        if let baseIRI { out += " (base \(IRI(baseIRI)))" }
        for operation in operations {
            out += "\n"
            SSE.operation(operation, into: &out)
        }
        return out + ")"
    }
}

enum SSE {
    /// Indentation, capped so that a chain of thousands of OPTIONALs does not print quadratically many spaces.
    private static func pad(_ level: Int) -> String { String(repeating: "  ", count: min(level, 40)) }

    /// Writes `pattern` at `indent`, iterating along its chain of first children (left-deep chains can be thousands
    /// long) and recursing only into the other children.
    static func pattern(_ pattern: GraphPattern, indent: Int, into out: inout String) {
        var chain: [GraphPattern] = []
        var node = pattern
        while let first = node.firstChild {
            chain.append(node)
            node = first
        }
        for (level, parent) in chain.enumerated() { out += pad(indent + level) + "(" + header(parent) + "\n" }
        leaf(node, indent: indent + chain.count, into: &out)
        for (level, parent) in chain.enumerated().reversed() {
            switch parent {
            case .join(_, let right, _), .leftJoin(_, let right, _, _), .union(_, let right), .minus(_, let right):
                out += "\n"
                self.pattern(right, indent: indent + level + 1, into: &out)
            default: break
            }
            out += ")"
        }
    }

    /// The operator and inline arguments of a pattern that has a first child.
    private static func header(_ pattern: GraphPattern) -> String {
        switch pattern {
        case .join(_, _, let strategy): strategy == .hash ? "join" : "join \(strategy)"
        case .leftJoin(_, _, let filter, let strategy):
            (strategy == .hash ? "leftjoin" : "leftjoin \(strategy)") + (filter.map { " " + expression($0) } ?? "")
        case .filter(let e, _): "filter " + expression(e)
        case .union: "union"
        case .extend(_, let v, let e): "extend ((\(v) \(expression(e))))"
        case .minus: "minus"
        case .orderBy(_, let comparators): "order (" + comparators.map(comparator).joined(separator: " ") + ")"
        case .project(_, let variables): "project (" + variables.map(\.description).joined(separator: " ") + ")"
        case .distinct: "distinct"
        case .reduced: "reduced"
        case .slice(_, let offset, let limit): "slice \(offset) \(limit.map(String.init) ?? "_")"
        case .group(_, let variables, let aggregates):
            "group (" + variables.map(\.description).joined(separator: " ") + ") ("
                + aggregates.map { "(\($0.variable) \(aggregate($0.aggregate)))" }.joined(separator: " ") + ")"
        case .bgp, .path, .graph, .values, .service: ""
        }
    }

    private static func leaf(_ pattern: GraphPattern, indent: Int, into out: inout String) {
        let pad = self.pad(indent)
        switch pattern {
        case .bgp(let triples): out += pad + "(bgp" + triples.map { " " + triple($0) }.joined() + ")"
        case .path(let s, let path, let o): out += pad + "(path \(position(s)) \(self.path(path)) \(position(o)))"
        case .graph(let name, let inner):
            out += pad + "(graph " + position(name) + "\n"
            self.pattern(inner, indent: indent + 1, into: &out)
            out += ")"
        case .service(let name, let inner, let silent):
            out += pad + "(service " + (silent ? "silent " : "") + position(name) + "\n"
            self.pattern(inner, indent: indent + 1, into: &out)
            out += ")"
        case .values(let variables, let rows):
            let header = "(vars" + variables.map { " \($0)" }.joined() + ")"
            let body = rows.map { row in " (row" + row.map { " " + ($0.map(term) ?? "UNDEF") }.joined() + ")" }.joined()
            out += pad + "(table " + header + body + ")"
        default: break
        }
    }

    /// An expression, iterating along left-deep chains of binary operators.
    static func expression(_ expression: Expression) -> String {
        guard expression.binaryOperands != nil else { return operation(expression) }
        var chain: [Expression] = []
        var node = expression
        while let (left, _) = node.binaryOperands {
            chain.append(node)
            node = left
        }
        var text = chain.reversed().map { "(" + SPARQLWriter.symbol($0) + " " }.joined() + operation(node)
        for parent in chain.reversed() {
            guard let (_, right) = parent.binaryOperands else { continue }
            text += " " + self.expression(right) + ")"
        }
        return text
    }

    private static func operation(_ expression: Expression) -> String {
        func call(_ head: String, _ arguments: [Expression]) -> String {
            "(" + ([head] + arguments.map { self.expression($0) }).joined(separator: " ") + ")"
        }
        switch expression {
        case .variable(let v): return v.description
        case .term(let t): return term(t)
        case .or, .and, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .add, .subtract, .multiply, .divide:
            return self.expression(expression)
        case .not(let e): return call("!", [e])
        case .in(let e, let list): return call("in", [e] + list)
        case .notIn(let e, let list): return call("notin", [e] + list)
        case .unaryPlus(let e): return call("+", [e])
        case .unaryMinus(let e): return call("-", [e])
        case .bound(let v): return "(bound \(v))"
        case .if(let a, let b, let c): return call("if", [a, b, c])
        case .coalesce(let list): return call("coalesce", list)
        case .exists(let p):
            var out = ""
            pattern(p, indent: 0, into: &out)
            return "(exists " + out.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ") + ")"
        case .builtIn(let f, let list): return call(f.rawValue.lowercased(), list)
        case .function(let iri, let list): return call(iri.description, list)
        }
    }

    static func aggregate(_ aggregate: AggregateExpression) -> String {
        let name: String
        switch aggregate.function {
        case .count: name = "count"
        case .sum: name = "sum"
        case .avg: name = "avg"
        case .min: name = "min"
        case .max: name = "max"
        case .sample: name = "sample"
        case .groupConcat(let separator): name = "group_concat \(NTriples.quoted(separator))"
        case .custom(let iri): name = "agg \(iri)"
        }
        let argument = aggregate.expression.map { " " + expression($0) } ?? ""
        return "(\(name)\(aggregate.distinct ? " distinct" : "")\(argument))"
    }

    static func path(_ path: PropertyPath) -> String {
        switch path {
        case .predicate(let iri): iri.description
        case .inverse(let p): "(reverse \(self.path(p)))"
        case .sequence(let a, let b): "(seq \(self.path(a)) \(self.path(b)))"
        case .alternative(let a, let b): "(alt \(self.path(a)) \(self.path(b)))"
        case .zeroOrMore(let p): "(path* \(self.path(p)))"
        case .oneOrMore(let p): "(path+ \(self.path(p)))"
        case .zeroOrOne(let p): "(path? \(self.path(p)))"
        case .negatedPropertySet(let forward, let inverse):
            "(notoneof" + forward.map { " \($0)" }.joined() + inverse.map { " (reverse \($0))" }.joined() + ")"
        }
    }

    static func term(_ term: Term) -> String { term.description }

    static func position(_ position: TermPattern) -> String { position.description }

    static func triple(_ triple: TriplePattern) -> String {
        "(triple \(position(triple.subject)) \(position(triple.predicate)) \(position(triple.object)))"
    }

    static func comparator(_ comparator: OrderComparator) -> String {
        switch comparator {
        case .ascending(let e): "(asc \(expression(e)))"
        case .descending(let e): "(desc \(expression(e)))"
        }
    }

    static func dataset(_ dataset: QueryDataset, keyword: String) -> String {
        var parts = dataset.defaultGraphs.map { " (default \($0))" } + dataset.namedGraphs.map { " (named \($0))" }
        if dataset.inheritsNamedGraphs { parts.append(" (named *)") }
        return "(\(keyword)" + parts.joined() + ")"
    }

    static func form(_ form: Query.Form) -> String {
        switch form {
        case .select: "select"
        case .ask: "ask"
        case .construct(let template): "construct (" + template.map(triple).joined(separator: " ") + ")"
        case .describe(let resources): "describe (" + resources.map(position).joined(separator: " ") + ")"
        }
    }

    static func operation(_ operation: GraphUpdateOperation, into out: inout String) {
        func quads(_ head: String, _ items: [String]) -> String { "  (\(head)" + items.map { " " + $0 }.joined() + ")" }
        switch operation {
        case .insertData(let q): out += quads("insertdata", q.map { "(quad \($0.graph) \($0.subject) \($0.predicate) \($0.object))" })
        case .deleteData(let q): out += quads("deletedata", q.map { "(quad \($0.graph) \($0.subject) \($0.predicate) \($0.object))" })
        case .deleteInsert(let delete, let insert, let using, let where_):
            out += "  (modify " + quads("delete", delete.map(quadPattern)).dropFirst(2) + " " + quads("insert", insert.map(quadPattern)).dropFirst(2)
            if let using { out += " " + dataset(using, keyword: "using") }
            out += "\n"
            pattern(where_, indent: 2, into: &out)
            out += ")"
        case .load(let silent, let source, let destination): out += "  (load\(silent ? " silent" : "") \(source) \(destination))"
        case .clear(let silent, let target): out += "  (clear\(silent ? " silent" : "") \(graphTarget(target)))"
        case .drop(let silent, let target): out += "  (drop\(silent ? " silent" : "") \(graphTarget(target)))"
        case .create(let silent, let graph): out += "  (create\(silent ? " silent" : "") \(graph))"
        case .add(let silent, let from, let to): out += "  (add\(silent ? " silent" : "") \(from) \(to))"
        case .move(let silent, let from, let to): out += "  (move\(silent ? " silent" : "") \(from) \(to))"
        case .copy(let silent, let from, let to): out += "  (copy\(silent ? " silent" : "") \(from) \(to))"
        }
    }

    private static func quadPattern(_ quad: QuadPattern) -> String {
        let graph: String =
            switch quad.graph {
            case .defaultGraph: "DEFAULT"
            case .iri(let iri): iri.description
            case .variable(let v): v.description
            }
        return "(quad \(graph) \(position(quad.subject)) \(position(quad.predicate)) \(position(quad.object)))"
    }

    private static func graphTarget(_ target: GraphTarget) -> String {
        switch target {
        case .graph(let iri): iri.description
        case .defaultGraph: "DEFAULT"
        case .allNamed: "NAMED"
        case .all: "ALL"
        }
    }
}
