import RDF

extension TermDictionary {
    /// The SPOG key of `quad`, issuing IDs for new terms. Writer only.
    func key(of quad: Quad) throws(StoreError) -> UInt128 {
        let graph = try quad.graph.term.map { term throws(StoreError) in try intern(term) } ?? .defaultGraph
        return QuadOrder.spog.key(
            EncodedQuad(subject: try intern(quad.subject), predicate: try intern(quad.predicate), object: try intern(quad.object), graph: graph))
    }

    /// The key of `quad` if all its terms are known; `nil` means the quad cannot be in the store.
    func existingKey(of quad: Quad) -> UInt128? {
        let limit = count
        guard let s = id(of: quad.subject, below: limit), let p = id(of: quad.predicate, below: limit),
            let o = id(of: quad.object, below: limit)
        else { return nil }
        var g = TermID.defaultGraph
        if let name = quad.graph.term {
            guard let id = id(of: name, below: limit) else { return nil }
            g = id
        }
        return QuadOrder.spog.key(EncodedQuad(subject: s, predicate: p, object: o, graph: g))
    }
}

/// What RDF's position rules ask of a term.
enum TermKind {
    case iri, blankNode, literal

    init(_ term: Term) {
        switch term {
        case .iri: self = .iri
        case .blankNode: self = .blankNode
        case .literal: self = .literal
        }
    }
}

extension TermDictionary {
    /// The kind of the term behind `id`, read from its first byte when the index file holds it: no term is decoded.
    func kind(of id: TermID) -> TermKind {
        let raw = Int(id.rawValue)
        if raw < file.count { return TermEncoding.kind(of: file.encoding(at: raw)) }
        return TermKind(term(for: id))
    }
}
