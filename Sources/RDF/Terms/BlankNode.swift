/// A blank node, identified by a label that is local to one document or one store.
public struct BlankNode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The label without the `_:` prefix.
    public let id: String

    public init(_ id: String) { self.id = id }

    /// The N-Triples form `_:label`; characters N-Triples does not allow in a label are replaced so the output always parses.
    public var description: String { NTriples.blankNode(id) }

}
