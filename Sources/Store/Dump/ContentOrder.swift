public import RDF

/// Ranks for the term IDs a dump writes, in an order fixed by the terms alone (kind, then UTF-8 bytes), never by when
/// each ID was issued. Two stores holding the same quads (a primary and a replica started from its dump, or one store
/// before and after a reopen) then write the same bytes, so a dump's ETag and its bytes agree on every server.
struct ContentOrder {
    /// Indexed by `TermID.rawValue`; only the IDs given to `init` hold a meaningful rank.
    private var ranks: [UInt32]

    init(ranking ids: [TermID], in snapshot: Snapshot) {
        // Decode each term once: terms of the mapped index file are decoded on every `term(for:)`.
        let terms = ids.map { snapshot.term(for: $0) }
        let ordered = ids.indices.sorted { Self.precedes(terms[$0], terms[$1]) }
        ranks = [UInt32](repeating: 0, count: snapshot.termCount)
        for (rank, index) in ordered.enumerated() { ranks[Int(ids[index].rawValue)] = UInt32(rank) }
    }

    subscript(id: TermID) -> UInt32 { ranks[Int(id.rawValue)] }

    /// A total order on terms: IRIs, then blank nodes, then literals (lexical form, datatype, language).
    static func precedes(_ a: Term, _ b: Term) -> Bool {
        switch (a, b) {
        case (.iri(let x), .iri(let y)): return bytesPrecede(x.value, y.value)
        case (.blankNode(let x), .blankNode(let y)): return bytesPrecede(x.id, y.id)
        case (.literal(let x), .literal(let y)):
            if x.lexicalForm != y.lexicalForm { return bytesPrecede(x.lexicalForm, y.lexicalForm) }
            if x.datatype != y.datatype { return bytesPrecede(x.datatype.value, y.datatype.value) }
            return bytesPrecede(x.language ?? "", y.language ?? "")
        default: return kind(a) < kind(b)
        }
    }

    private static func kind(_ term: Term) -> Int {
        switch term {
        case .iri: 0
        case .blankNode: 1
        case .literal: 2
        }
    }

    /// Byte order, not `String`'s `<`: canonically equivalent strings are different terms and must not tie.
    private static func bytesPrecede(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

extension Snapshot {
    /// The quads of `graph` sorted by subject, predicate and object in content order (one graph's keys in memory, 16
    /// bytes a quad).
    func contentOrderedQuads(in graph: TermID) -> [EncodedQuad] {
        let quads = Array(quads(matching: EncodedQuadPattern(graph: graph)))
        var seen = Set<TermID>()
        for quad in quads { seen.insert(quad.subject); seen.insert(quad.predicate); seen.insert(quad.object) }
        let order = ContentOrder(ranking: Array(seen), in: self)
        return quads.sorted {
            (order[$0.subject], order[$0.predicate], order[$0.object]) < (order[$1.subject], order[$1.predicate], order[$1.object])
        }
    }

    /// Every graph, the default graph first and the named graphs in content order.
    var graphsInContentOrder: [TermID] { [.defaultGraph] + namedGraphsInContentOrder }

    /// The named graphs in content order: what lists them (dumps, `/catalog`, VoID, the service description) says the
    /// same on every server holding the same quads.
    public var namedGraphsInContentOrder: [TermID] { namedGraphs.sorted { ContentOrder.precedes(term(for: $0), term(for: $1)) } }
}
