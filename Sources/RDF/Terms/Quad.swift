/// An RDF triple. Positions are plain terms; callers that build triples from untrusted input check them with `isValid`.
public struct Triple: Hashable, Sendable, CustomStringConvertible {
    public var subject: Term
    public var predicate: Term
    public var object: Term

    public init(_ subject: Term, _ predicate: Term, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    /// RDF 1.1 positions: an IRI or blank node as subject, an IRI as predicate.
    public var isValid: Bool { !subject.isLiteral && predicate.isIRI }

    /// One N-Triples line, without the newline.
    public var description: String { "\(subject) \(predicate) \(object) ." }
}

/// A triple in a graph.
public struct Quad: Hashable, Sendable, CustomStringConvertible {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    public var graph: GraphName

    public init(_ subject: Term, _ predicate: Term, _ object: Term, graph: GraphName = .defaultGraph) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    public init(_ triple: Triple, graph: GraphName) {
        self.init(triple.subject, triple.predicate, triple.object, graph: graph)
    }

    public var triple: Triple { Triple(subject, predicate, object) }

    public var isValid: Bool { triple.isValid }

    /// One N-Quads line, without the newline; the graph is left out for the default graph.
    public var description: String {
        switch graph.term {
        case nil: "\(subject) \(predicate) \(object) ."
        case let graph?: "\(subject) \(predicate) \(object) \(graph) ."
        }
    }
}
