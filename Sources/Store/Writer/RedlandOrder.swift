import RDF

/// The order a rebuilt Redland storage is written in. Berkeley DB keeps each `hashes` index as a B-tree keyed by
/// librdf's node encoding (`R` or `B`, a two-byte big-endian length, the bytes), and librdf leaves it the default
/// 256 KB cache: quads written in an arbitrary order land on random pages, each a page read plus an eviction write.
/// Sorted by their subject's encoding, then their predicate's, they append to the `sp2o` and `so2p` trees (and the
/// `contexts` one, whose duplicates go at the end) instead; only `po2s` stays random.
enum RedlandOrder {
    static func quads(of snapshot: Snapshot) -> some Sequence<Quad> {
        let quads = Array(snapshot.quads(matching: EncodedQuadPattern()))
        var ids = Set<TermID>()
        for quad in quads {
            ids.insert(quad.subject)
            ids.insert(quad.predicate)
        }
        let ranked = ids.map { (id: $0, term: snapshot.term(for: $0)) }.sorted { precedes($0.term, $1.term) }
        var rank = [TermID: UInt64](minimumCapacity: ranked.count)
        for (position, entry) in ranked.enumerated() { rank[entry.id] = UInt64(position) }
        var order = quads.indices.map { (key: rank[quads[$0].subject]! << 32 | rank[quads[$0].predicate]!, index: $0) }
        order.sort { $0.key < $1.key }
        return order.lazy.map { snapshot.quad(for: quads[$0.index]) }
    }

    /// Whether `a`'s librdf encoding sorts before `b`'s (Berkeley DB's default comparison: bytes, shorter first).
    private static func precedes(_ a: Term, _ b: Term) -> Bool {
        let (kindA, bytesA) = encoding(a), (kindB, bytesB) = encoding(b)
        if kindA != kindB { return kindA < kindB }
        if bytesA.count != bytesB.count { return bytesA.count < bytesB.count }
        return bytesA.lexicographicallyPrecedes(bytesB)
    }

    private static func encoding(_ term: Term) -> (UInt8, String.UTF8View) {
        switch term {
        case .iri(let iri): (UInt8(ascii: "R"), iri.value.utf8)
        case .blankNode(let node): (UInt8(ascii: "B"), node.id.utf8)
        case .literal(let literal): (UInt8(ascii: "L"), literal.lexicalForm.utf8)
        }
    }
}
