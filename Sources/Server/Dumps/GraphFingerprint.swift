import RDF
package import Store

/// What identifies the content of a graph across processes and restarts: an order-independent 128-bit hash of its
/// triples' N-Triples forms, and their number. `Snapshot.version` cannot serve: it counts writes in this process, and
/// changes when any graph does.
///
/// Two graphs with the same triples have the same fingerprint, whatever the order they were written in or the term
/// IDs they have in this process; adding or removing any triple changes it (up to 2⁻¹²⁸ odds of a clash).
package struct GraphFingerprint: Hashable, Sendable {
    package var low: UInt64
    package var high: UInt64
    package var triples: Int

    package static let empty = GraphFingerprint(low: 0, high: 0, triples: 0)

    /// 32 hex digits: the name of this content in ETags and dump file names.
    package var hex: String { Self.hex(high) + Self.hex(low) }

    mutating func add(_ tripleHash: (UInt64, UInt64)) {
        low &+= tripleHash.0
        high &+= tripleHash.1
        triples += 1
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension GraphFingerprint {
    /// The fingerprint of every graph of `snapshot` (the default graph always, even empty), and of the
    /// whole store under `.all`: one pass over the store, hashing each distinct term once.
    /// - Complexity: O(quads), plus one N-Triples encoding per distinct term.
    package static func fingerprints(of snapshot: Snapshot) -> [DumpDataset: GraphFingerprint] {
        var termHashes: [TermID: (UInt64, UInt64)] = [:]
        func hash(_ id: TermID) -> (UInt64, UInt64) {
            if let known = termHashes[id] { return known }
            var bytes: [UInt8] = []
            NTriples.append(snapshot.term(for: id), to: &bytes)
            let value = (ContentHash.fnv1a(bytes), ContentHash.fnv1a(bytes, seed: 0x84222325cbf29ce4))
            termHashes[id] = value
            return value
        }
        var result: [DumpDataset: GraphFingerprint] = [:]
        var all = GraphFingerprint.empty
        for graphID in [TermID.defaultGraph] + snapshot.namedGraphs {
            var fingerprint = GraphFingerprint.empty
            for quad in snapshot.quads(matching: EncodedQuadPattern(graph: graphID)) {
                let (s, p, o) = (hash(quad.subject), hash(quad.predicate), hash(quad.object))
                // Position matters inside a triple (s p o ≠ o p s); order between triples does not (a sum).
                fingerprint.add(
                    (
                        ContentHash.mix(ContentHash.mix(ContentHash.mix(s.0) ^ p.0) &+ o.0),
                        ContentHash.mix(ContentHash.mix(ContentHash.mix(s.1 ^ 0x5bd1e995) ^ p.1) &+ o.1)
                    ))
            }
            let name = graphID == .defaultGraph ? GraphName.defaultGraph : GraphName(snapshot.term(for: graphID)) ?? .defaultGraph
            result[.graph(name)] = fingerprint
            // The whole store's fingerprint ties each graph's content to its name.
            let nameHash = graphID == .defaultGraph ? (UInt64(0), UInt64(0)) : hash(graphID)
            all.low &+= ContentHash.mix(fingerprint.low ^ nameHash.0)
            all.high &+= ContentHash.mix(fingerprint.high ^ nameHash.1)
            all.triples += fingerprint.triples
        }
        result[.all] = all
        return result
    }
}
