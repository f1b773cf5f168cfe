import RDF

extension Quad {
    /// Redland's `hashes` storage silently drops IRIs of 64 KiB or more; we refuse them instead.
    static let maximumIRILength = 65_535

    /// This quad as the store keeps it: blank-node labels made N-Triples-safe (so the journal reads back the same
    /// node), after checking RDF's position rules and Redland's limits.
    /// - Throws: `StoreError(.invalidData)` naming the offending term.
    func storable() throws(StoreError) -> Quad {
        guard !subject.isLiteral else { throw StoreError(.invalidData, "a literal cannot be a subject: \(self)") }
        guard predicate.isIRI else { throw StoreError(.invalidData, "the predicate must be an IRI: \(self)") }
        var quad = self
        quad.subject = try Self.storable(subject)
        quad.predicate = try Self.storable(predicate)
        quad.object = try Self.storable(object)
        if let name = graph.term { quad.graph = GraphName(try Self.storable(name)) ?? .defaultGraph }
        return quad
    }

    /// `term` as the store keeps it (see `storable()`), whatever its position.
    static func storable(_ term: Term) throws(StoreError) -> Term {
        switch term {
        case .iri(let iri):
            guard iri.value.utf8.count <= maximumIRILength else {
                throw StoreError(.invalidData, "IRI of \(iri.value.utf8.count) bytes is too long (the limit is \(maximumIRILength)): <\(iri.value.prefix(80))…>")
            }
            return term
        case .blankNode(let node):
            return .blankNode(BlankNode(NTriples.safeBlankNodeLabel(node.id)))
        case .literal(let literal):
            guard literal.datatype.value.utf8.count <= maximumIRILength else {
                throw StoreError(.invalidData, "datatype IRI is too long: <\(literal.datatype.value.prefix(80))…>")
            }
            return term
        }
    }
}
