/// The graph a quad belongs to: the default graph, or a named graph identified by an IRI or a blank node.
public enum GraphName: Hashable, Sendable, CustomStringConvertible {
    case defaultGraph
    case iri(IRI)
    case blankNode(BlankNode)

    /// The graph name as a term, or `nil` for the default graph.
    public var term: Term? {
        switch self {
        case .defaultGraph: nil
        case .iri(let iri): .iri(iri)
        case .blankNode(let node): .blankNode(node)
        }
    }

    /// The graph named by `term`; `nil` for a literal, which cannot name a graph.
    public init?(_ term: Term) {
        switch term {
        case .iri(let iri): self = .iri(iri)
        case .blankNode(let node): self = .blankNode(node)
        case .literal: return nil
        }
    }

    public var description: String { term?.description ?? "DEFAULT" }
}
