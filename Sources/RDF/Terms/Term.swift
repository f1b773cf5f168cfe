/// An RDF term: what may stand in a subject, predicate, object or graph-name position.
public enum Term: Hashable, Sendable, CustomStringConvertible {
    case iri(IRI)
    case blankNode(BlankNode)
    case literal(Literal)

    public var description: String {
        switch self {
        case .iri(let iri): iri.description
        case .blankNode(let node): node.description
        case .literal(let literal): literal.description
        }
    }

    public var isIRI: Bool { if case .iri = self { true } else { false } }
    public var isBlankNode: Bool { if case .blankNode = self { true } else { false } }
    public var isLiteral: Bool { if case .literal = self { true } else { false } }

    public var iri: IRI? { if case .iri(let iri) = self { iri } else { nil } }
    public var literal: Literal? { if case .literal(let literal) = self { literal } else { nil } }
}

extension Term {
    /// Convenience for `.iri(IRI(string))`.
    public static func iri(_ string: String) -> Term { .iri(IRI(string)) }
    /// Convenience for a simple (`xsd:string`) literal.
    public static func string(_ value: String) -> Term { .literal(Literal(value)) }
}
