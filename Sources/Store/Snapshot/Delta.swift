import RDF

/// Changes made since the base indexes were last rebuilt, kept small so a write copies little.
///
/// `added` holds quads absent from the base (one sorted array per order); `removed` holds SPOG keys of base quads
/// that are gone. The writer folds the delta into a new base once it grows past `StoreOptions.deltaLimit`.
struct Delta: Sendable {
    var added: [[UInt128]] = Array(repeating: [], count: QuadOrder.allCases.count)
    var removed: [UInt128] = []

    var isEmpty: Bool { added[0].isEmpty && removed.isEmpty }
    var size: Int { added[0].count + removed.count }

    /// This delta with `additions` and `removals` (disjoint SPOG-key sets, each already checked against the snapshot) applied.
    func applying(additions: Set<UInt128>, removals: Set<UInt128>, base: QuadIndexes) -> Delta {
        var addedSPOG = Set(added[0])
        var removedSPOG = Set(removed)
        for key in removals {
            if addedSPOG.remove(key) == nil { removedSPOG.insert(key) }
        }
        for key in additions {
            if removedSPOG.remove(key) == nil { addedSPOG.insert(key) }
        }
        var next = Delta()
        let addedKeys = Array(addedSPOG)
        next.added = QuadOrder.allCases.map { QuadIndexes.reorder(addedKeys, to: $0) }
        next.removed = removedSPOG.sorted()
        return next
    }
}
