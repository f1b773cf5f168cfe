import RDF
import Testing

@testable import SPARQL

/// A compact notation for algebra in tests: `?x` a variable, `:a` the IRI `http://example.org/a`, `"s"` a simple
/// literal, `"s"@en` a language-tagged one, `12` an integer, `_:b` a blank node (CONSTRUCT templates only).
enum Notation {
    static let namespace = "http://example.org/"

    static func term(_ text: String) -> Term {
        if text.hasPrefix(":") { return .iri(namespace + text.dropFirst()) }
        if text.hasPrefix("_:") { return .blankNode(BlankNode(String(text.dropFirst(2)))) }
        if text.hasPrefix("<") { return .iri(String(text.dropFirst().dropLast())) }
        if text.hasPrefix("\"") {
            let body = text.dropFirst()
            let close = body.lastIndex(of: "\"")!
            let lexical = String(body[..<close])
            let rest = body[body.index(after: close)...]
            if rest.hasPrefix("@") { return .literal(Literal(lexical, language: String(rest.dropFirst()))) }
            return .string(lexical)
        }
        if Int(text) != nil { return .literal(Literal(text, datatype: XSD.integer)) }
        if Double(text) != nil { return .literal(Literal(text, datatype: XSD.decimal)) }
        preconditionFailure("cannot read \(text)")
    }

    static func pattern(_ text: String) -> TermPattern {
        text.hasPrefix("?") ? .variable(Variable(String(text.dropFirst()))) : .term(term(text))
    }
}

func iri(_ local: String) -> Term { .iri(Notation.namespace + local) }
func int(_ value: Int) -> Term { .literal(Literal(String(value), datatype: XSD.integer)) }
func v(_ name: String) -> Variable { Variable(name) }
func ev(_ name: String) -> Expression { .variable(Variable(name)) }
func const(_ text: String) -> Expression { .term(Notation.term(text)) }

func tp(_ s: String, _ p: String, _ o: String) -> TriplePattern {
    TriplePattern(Notation.pattern(s), Notation.pattern(p), Notation.pattern(o))
}

func bgp(_ patterns: TriplePattern...) -> GraphPattern { .bgp(patterns) }

/// Builds a dataset from `subject predicate object [graph]` lines in the notation (graph given as `:g`).
func dataset(_ lines: String...) -> InMemoryDataset {
    var data = InMemoryDataset()
    for line in lines {
        for statement in line.split(separator: "\n") where !statement.allSatisfy({ $0 == " " }) {
            let parts = tokens(String(statement))
            let graph = parts.count > 3 ? GraphName(Notation.term(parts[3])) ?? .defaultGraph : .defaultGraph
            data.insert(Quad(Notation.term(parts[0]), Notation.term(parts[1]), Notation.term(parts[2]), graph: graph))
        }
    }
    return data
}

/// Splits on spaces outside quotes.
private func tokens(_ line: String) -> [String] {
    var result: [String] = []
    var current = ""
    var quoted = false
    for character in line {
        if character == "\"" { quoted.toggle() }
        if character == " " && !quoted {
            if !current.isEmpty { result.append(current) }
            current = ""
        } else {
            current.append(character)
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

/// A solution as `name=term` strings, for order-insensitive comparison.
typealias Bindings = [String: Term]

/// Evaluates a SELECT over `pattern` (projected on `variables` if given) and returns its rows.
func select(
    _ pattern: GraphPattern, _ variables: [String]? = nil, in data: InMemoryDataset, dataset clause: QueryDataset? = nil,
    options: QueryOptions = QueryOptions()
) throws -> [Bindings] {
    let algebra = variables.map { GraphPattern.project(pattern, $0.map(Variable.init)) } ?? pattern
    return try rows(of: Query(form: .select, pattern: algebra, dataset: clause), in: data, options: options)
}

/// The solutions of `query`, each as its bound variables.
func rows(of query: Query, in data: InMemoryDataset, options: QueryOptions = QueryOptions()) throws -> [Bindings] {
    guard case .solutions(var solutions) = try QueryEvaluator(options: options).evaluate(query, in: data) else {
        Issue.record("not solutions")
        return []
    }
    var rows: [Bindings] = []
    while let row = try solutions.next() {
        var bindings = Bindings()
        for (variable, value) in zip(solutions.variables, row) where value != nil { bindings[variable.name] = value }
        rows.append(bindings)
    }
    return rows
}

/// Rows in a canonical order, for comparing multisets.
func sorted(_ rows: [Bindings]) -> [String] {
    rows.map { row in row.keys.sorted().map { "\($0)=\(row[$0]!)" }.joined(separator: " ") }.sorted()
}

/// Expected rows in the notation: `["x": ":a", "n": "1"]`.
func rows(_ expected: [String: String]...) -> [String] {
    sorted(expected.map { $0.mapValues(Notation.term) })
}

func ask(_ pattern: GraphPattern, in data: InMemoryDataset, options: QueryOptions = QueryOptions()) throws -> Bool {
    guard case .boolean(let value) = try QueryEvaluator(options: options).evaluate(Query(form: .ask, pattern: pattern), in: data) else {
        Issue.record("not boolean")
        return false
    }
    return value
}

func triples(_ query: Query, in data: InMemoryDataset) throws -> [Triple] {
    guard case .graph(var triples) = try QueryEvaluator().evaluate(query, in: data) else {
        Issue.record("not a graph")
        return []
    }
    var result: [Triple] = []
    while let triple = try triples.next() { result.append(triple) }
    return result
}

extension QueryOptions {
    /// Plain evaluation by §18.5's definitions: the reference the optimiser is tested against.
    static var reference: QueryOptions {
        var options = QueryOptions()
        options.referenceSemantics = true
        options.optimize = false
        return options
    }

    /// Evaluation without the optimiser's rewrite, but with its choice of join strategies (nested loops).
    static var unoptimized: QueryOptions {
        var options = QueryOptions()
        options.optimize = false
        return options
    }
}

/// Every evaluation mode, for tests that must agree across them.
let allModes: [QueryOptions] = [QueryOptions(), .unoptimized, .reference]
