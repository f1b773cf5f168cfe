/// An IRI, kept as its full string form (RDF 1.1 §3.2, https://www.w3.org/TR/rdf11-concepts/#section-IRIs).
///
/// No normalisation happens here: two IRIs are equal exactly when their strings are.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    /// The N-Triples form: `<…>` with the characters N-Triples forbids escaped as `\uXXXX`.
    public var description: String { NTriples.iri(value) }

}
