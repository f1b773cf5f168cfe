import RDF

/// The order a new Redland storage is written in: the order of its `sp2o` index's keys.
///
/// Redland's `hashes` storage keys `sp2o` by the subject's and predicate's encodings (`librdf_node_encode`: a type byte,
/// a two-byte big-endian length, the bytes), which Berkeley DB compares as bytes, through a cache of a few pages. Quads
/// in dictionary order land on pages all over that index, each read back for its insert; in this order every insert
/// lands on the page the last one wrote. Measured on a build of 1M quads: 11.6 s in dictionary order, 9.7 s in this one.
/// A wrong guess about librdf's encoding would cost only that speed, never a quad.
enum RedlandKeyOrder {
    /// `keys` (SPOG) sorted by the Redland encoding of their subject, then of their predicate; the order among quads
    /// that share both is kept.
    static func sorted(_ keys: [UInt128], dictionary: TermDictionary) -> [UInt128] {
        var ranks = [TermID: UInt32]()
        for key in keys {
            let quad = QuadOrder.spog.quad(key)
            ranks[quad.subject] = 0
            ranks[quad.predicate] = 0
        }
        let encoded = ranks.keys.map { id in (id: id, bytes: encoding(of: dictionary.term(for: id))) }
        for (rank, term) in encoded.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }).enumerated() {
            ranks[term.id] = UInt32(rank)
        }
        // Ranks of subject and predicate, then the key's position: one integer per quad, sorted once.
        var order = keys.indices.map { index -> (rank: UInt64, index: Int) in
            let quad = QuadOrder.spog.quad(keys[index])
            return (UInt64(ranks[quad.subject]!) << 32 | UInt64(ranks[quad.predicate]!), index)
        }
        order.sort { ($0.rank, $0.index) < ($1.rank, $1.index) }
        return order.map { keys[$0.index] }
    }

    /// What `librdf_node_encode` writes for an IRI or blank node (subjects and predicates are nothing else).
    static func encoding(of term: Term) -> [UInt8] {
        let (kind, text): (UInt8, String)
        switch term {
        case .iri(let iri): (kind, text) = (UInt8(ascii: "R"), iri.value)
        case .blankNode(let node): (kind, text) = (UInt8(ascii: "B"), node.id)
        case .literal(let literal): (kind, text) = (UInt8(ascii: "L"), literal.lexicalForm)
        }
        let length = min(text.utf8.count, 0xFFFF)
        return [kind, UInt8(length >> 8), UInt8(length & 0xFF)] + Array(text.utf8)
    }
}
