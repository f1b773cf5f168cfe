public import RDF

/// A query variable, named without its `?` or `$`.
///
/// The parser turns blank nodes of a WHERE clause into variables whose names start with `_` followed by a character a
/// SPARQL name cannot hold, so they never clash with the query's own variables and are never projected by `*`.
public struct Variable: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    /// True for variables the parser made (from blank nodes, aggregates, GROUP BY expressions): not visible to `SELECT *`.
    public var isGenerated: Bool { name.hasPrefix("_") && name.count > 1 && name.dropFirst().first == "#" }

    /// A variable the user cannot write, numbered by the parser.
    public static func generated(_ number: Int, hint: String = "v") -> Variable { Variable("_#\(hint)\(number)") }

    public var description: String { "?" + name }

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.name < rhs.name }
}

/// A position in a triple pattern: a variable or a fixed term.
///
/// In WHERE clauses a term is never a blank node (the parser made those variables). In CONSTRUCT and update templates
/// a blank node stands for a fresh blank node per solution.
public enum TermPattern: Hashable, Sendable, CustomStringConvertible {
    case variable(Variable)
    case term(Term)

    public var variable: Variable? { if case .variable(let v) = self { v } else { nil } }
    public var term: Term? { if case .term(let t) = self { t } else { nil } }

    public var description: String {
        switch self {
        case .variable(let v): v.description
        case .term(let t): t.description
        }
    }
}

/// A triple pattern (https://www.w3.org/TR/sparql11-query/#defn_TriplePattern).
public struct TriplePattern: Hashable, Sendable, CustomStringConvertible {
    public var subject: TermPattern
    public var predicate: TermPattern
    public var object: TermPattern

    public init(_ subject: TermPattern, _ predicate: TermPattern, _ object: TermPattern) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public var variables: [Variable] { [subject.variable, predicate.variable, object.variable].compactMap { $0 } }

    public var description: String { "\(subject) \(predicate) \(object) ." }
}

/// The graph position of an update template or quad pattern.
public enum GraphNamePattern: Hashable, Sendable {
    case defaultGraph
    case iri(IRI)
    case variable(Variable)
}

/// A triple pattern in a graph: the shape of update templates (https://www.w3.org/TR/sparql11-update/#deleteInsert).
public struct QuadPattern: Hashable, Sendable {
    public var subject: TermPattern
    public var predicate: TermPattern
    public var object: TermPattern
    public var graph: GraphNamePattern

    public init(_ subject: TermPattern, _ predicate: TermPattern, _ object: TermPattern, graph: GraphNamePattern = .defaultGraph) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}
