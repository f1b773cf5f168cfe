import RDF

/// Writes algebra back as SPARQL text whose §18.2 translation is the same algebra: the inverse of the parser.
///
/// A group's fold (join / leftJoin / minus / extend, then one filter) is unfolded into the group's elements; a
/// `project` starts a SELECT whose extends, group, HAVING filter and trailing VALUES are recovered from the layers
/// below it. Generated variables in triple positions are written as blank node labels (`_:v1`), which the parser turns
/// back into generated variables; `GeneratedNameCanonicalizer` then gives them the same numbers as before.
struct SPARQLWriter {
    private(set) var output = ""
    private var depth = 0
    private let indentation: String
    /// Aggregate variables of the SELECT being written, shown as the aggregate they stand for.
    var aggregates: [Variable: AggregateExpression] = [:]

    init(indentation: String = "  ") { self.indentation = indentation }

    mutating func line(_ text: String) {
        output += String(repeating: indentation, count: depth) + text + "\n"
    }

    mutating func indented(_ body: (inout SPARQLWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// What the last element written was, since two basic graph patterns in a row would merge into one.
    enum LastElement {
        case none, bgp, path, other
    }

    /// The inside of `{ … }` for a group whose translation is `pattern`.
    mutating func groupContent(_ pattern: GraphPattern) {
        if case .filter(let condition, let inner) = pattern {
            _ = elements(inner)
            line("FILTER(\(expression(condition)))")
        } else {
            _ = elements(pattern)
        }
    }

    /// Elements whose left-to-right fold (§18.2.2.6) is `pattern`. Walks the fold's left-deep chain iteratively: a
    /// group of thousands of OPTIONALs is thousands of nested leftJoins.
    private mutating func elements(_ pattern: GraphPattern) -> LastElement {
        var chain: [GraphPattern] = []
        var node = pattern
        while true {
            switch node {
            case .join(let left, _, _), .leftJoin(let left, _, _, _), .minus(let left, _), .extend(let left, _, _):
                chain.append(node)
                node = left
                continue
            default: break
            }
            break
        }
        var last = node == .empty ? LastElement.none : element(node, after: .none)
        for parent in chain.reversed() {
            switch parent {
            case .join(_, let right, _):
                last = element(right, after: last)
            case .leftJoin(_, let right, let filter, _):
                optional(right, filter: filter)
                last = .other
            case .minus(_, let right):
                block("MINUS {", right)
                last = .other
            case .extend(_, let variable, let expression):
                line("BIND(\(self.expression(expression)) AS \(SPARQLTerms.variable(variable)))")
                last = .other
            default: break
            }
        }
        return last
    }

    /// `OPTIONAL { … }`: the optional group's filter becomes the leftJoin's, so a filter already on `right` stays apart.
    private mutating func optional(_ right: GraphPattern, filter: Expression?) {
        line("OPTIONAL {")
        indented { writer in
            if let filter {
                if case .filter = right { _ = writer.element(right, after: .none) } else { _ = writer.elements(right) }
                writer.line("FILTER(\(writer.expression(filter)))")
            } else if case .filter = right {
                // A filtered group under a condition-less leftJoin came from a nested group: keep its braces, or the
                // re-parse would make the filter the leftJoin's condition.
                _ = writer.element(right, after: .none)
            } else {
                writer.groupContent(right)
            }
        }
        line("}")
    }

    /// One element of a group.
    private mutating func element(_ pattern: GraphPattern, after last: LastElement) -> LastElement {
        switch pattern {
        case .bgp(let triples) where !triples.isEmpty:
            if last == .bgp {
                block("{", pattern)
                return .other
            }
            for triple in triples { line(SPARQLTerms.triple(triple)) }
            return .bgp
        case .path(let subject, let path, let object):
            line("\(SPARQLTerms.position(subject)) \(path) \(SPARQLTerms.position(object)) .")
            return .path
        case .union(let left, let right):
            union(left)
            line("UNION")
            block("{", right)
            return .other
        case .graph(let name, let inner):
            block("GRAPH \(SPARQLTerms.position(name)) {", inner)
            return .other
        case .service(let name, let inner, let silent):
            block("SERVICE \(silent ? "SILENT " : "")\(SPARQLTerms.position(name)) {", inner)
            return .other
        case .values(let variables, let rows):
            values(variables, rows)
            return .other
        default:
            block("{", pattern)
            return .other
        }
    }

    /// `{ a } UNION { b } UNION …`, left-associated as the grammar reads it.
    private mutating func union(_ pattern: GraphPattern) {
        var branches: [GraphPattern] = []
        var node = pattern
        while case .union(let left, let right) = node {
            branches.append(right)
            node = left
        }
        block("{", node)
        for branch in branches.reversed() {
            line("UNION")
            block("{", branch)
        }
    }

    /// `opening` (ending in `{`), the group, `}`. A subquery fills the braces itself: `{ SELECT … }`.
    mutating func block(_ opening: String, _ pattern: GraphPattern) {
        line(opening)
        switch pattern {
        case .project, .distinct, .reduced, .slice, .orderBy, .group: indented { $0.select(pattern, dataset: nil) }
        default: indented { $0.groupContent(pattern) }
        }
        line("}")
    }

    /// `VALUES (?a ?b) { (1 UNDEF) … }`
    mutating func values(_ variables: [Variable], _ rows: [[Term?]]) {
        line("VALUES (\(variables.map(SPARQLTerms.variable).joined(separator: " "))) {")
        indented { writer in
            for row in rows { writer.line("(" + row.map { $0.map(SPARQLTerms.term) ?? "UNDEF" }.joined(separator: " ") + ")") }
        }
        line("}")
    }
}
