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

    /// SPARQL syntax. A left-deep chain of `/` or `|` shares one pair of parentheses (`(a / b / c)`), so that a
    /// long chain reads back without nesting thousands of parentheses.
    public var description: String {
        switch self {
        case .predicate(let iri): iri.description
        case .inverse(let p): "^(\(p))"
        case .sequence, .alternative: "(" + chainText + ")"
        case .zeroOrMore(let p): "(\(p))*"
        case .oneOrMore(let p): "(\(p))+"
        case .zeroOrOne(let p): "(\(p))?"
        case .negatedPropertySet(let forward, let inverse):
            "!(" + (forward.map(\.description) + inverse.map { "^" + $0.description }).joined(separator: " | ") + ")"
        }
    }

    /// The links of a left-deep chain of one operator, without the outer parentheses, in linear time.
    private var chainText: String {
        var rights: [(symbol: String, path: PropertyPath)] = []
        var left = self
        while true {
            if case .sequence(let a, let b) = left, rights.last?.symbol ?? "/" == "/" {
                rights.append(("/", b))
                left = a
            } else if case .alternative(let a, let b) = left, rights.last?.symbol ?? "|" == "|" {
                rights.append(("|", b))
                left = a
            } else {
                break
            }
        }
        var text = left.description
        for (symbol, path) in rights.reversed() { text += " \(symbol) \(path)" }
        return text
    }
}
