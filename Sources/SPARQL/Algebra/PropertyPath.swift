public import RDF

/// A property path expression (https://www.w3.org/TR/sparql11-query/#propertypaths).
///
/// The parser keeps a single-IRI path as a plain triple pattern; everything else becomes `GraphPattern.path`.
public indirect enum PropertyPath: Hashable, Sendable, CustomStringConvertible {
    /// `iri`
    case predicate(IRI)
    /// `^path`
    case inverse(PropertyPath)
    /// `path1 / path2`
    case sequence(PropertyPath, PropertyPath)
    /// `path1 | path2`
    case alternative(PropertyPath, PropertyPath)
    /// `path*`
    case zeroOrMore(PropertyPath)
    /// `path+`
    case oneOrMore(PropertyPath)
    /// `path?`
    case zeroOrOne(PropertyPath)
    /// `!(iri1 | … | ^iri2 | …)`: any predicate not listed, forwards for `forward`, backwards for `inverse`.
    case negatedPropertySet(forward: [IRI], inverse: [IRI])

    public var description: String {
        switch self {
        case .predicate(let iri): iri.description
        case .inverse(let p): "^(\(p))"
        case .sequence(let a, let b): "(\(a) / \(b))"
        case .alternative(let a, let b): "(\(a) | \(b))"
        case .zeroOrMore(let p): "(\(p))*"
        case .oneOrMore(let p): "(\(p))+"
        case .zeroOrOne(let p): "(\(p))?"
        case .negatedPropertySet(let forward, let inverse):
            "!(" + (forward.map(\.description) + inverse.map { "^" + $0.description }).joined(separator: " | ") + ")"
        }
    }
}
