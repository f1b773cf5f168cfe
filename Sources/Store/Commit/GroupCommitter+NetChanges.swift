import RDF

extension GroupCommitter {
    /// The net effect of `changes` on `state`: sorted SPOG keys of quads that are new, and of quads that go. Keys are
    /// gathered first, then sorted and checked against `state` in one pass (`Snapshot.partition`), so no quad costs a
    /// set lookup; quads given by `state`'s own IDs (`ChangeSet.encoded`) skip the dictionary too.
    func netChanges(_ changes: ChangeSet, in state: Snapshot) throws(StoreError) -> (added: [UInt128], removed: [UInt128]) {
        var removals = [UInt128]()
        removals.reserveCapacity(changes.deletions.count + changes.encoded.deletions.count)
        for quad in changes.deletions {
            if let key = dictionary.existingKey(of: try quad.storable()) { removals.append(key) }
        }
        for quad in changes.encoded.deletions where Self.isIssued(quad, by: state) { removals.append(QuadOrder.spog.key(quad)) }
        var additions = [UInt128]()
        additions.reserveCapacity(changes.insertions.count + changes.encoded.insertions.count)
        for quad in changes.insertions { additions.append(try dictionary.key(of: try quad.storable())) }
        try appendEncodedInsertions(changes.encoded, in: state, to: &additions)
        SortedKeys.sortUnique(&removals)
        SortedKeys.sortUnique(&additions)
        let present = state.partition(sortedKeys: removals).present
        // Deleted then inserted: stays as it was.
        let removed = additions.isEmpty ? present : SortedKeys.merge(present, adding: [], removing: additions)
        let added = additions.isEmpty ? [] : state.partition(sortedKeys: additions).absent
        return (added, removed)
    }

    /// Whether every ID of `quad` is one `state` issued: a quad with an overlay ID (a term the state lacks) or an ID
    /// the state never saw cannot be in it.
    private static func isIssued(_ quad: EncodedQuad, by state: Snapshot) -> Bool {
        let limit = UInt32(state.termCount)
        return quad.subject.rawValue < limit && quad.predicate.rawValue < limit && quad.object.rawValue < limit && quad.graph.rawValue < limit
    }

    /// The keys of `change`'s insertions: `state`'s IDs as they are, each new term checked and interned once.
    /// - Throws: `StoreError(.invalidData)` for an ID `state` did not issue, or a term in a position RDF forbids it.
    private func appendEncodedInsertions(_ change: EncodedChange, in state: Snapshot, to keys: inout [UInt128]) throws(StoreError) {
        guard !change.insertions.isEmpty else { return }
        var interned = [TermID?](repeating: nil, count: change.newTerms.count)
        dictionary.reserve(change.newTerms.count)
        func storeID(_ id: TermID) throws(StoreError) -> TermID {
            if id.rawValue < UInt32(state.termCount) { return id }
            let index = Int(id.rawValue) - Int(TermID.firstOverlay.rawValue)
            guard id >= .firstOverlay, index < change.newTerms.count else {
                throw StoreError(.invalidData, "an inserted quad names term \(id), which the snapshot it was computed on does not have")
            }
            if let known = interned[index] { return known }
            // Interned, not trusted to be new: a caller's `newTerms` may name terms the store has.
            let new = try dictionary.intern(try Quad.storable(change.newTerms[index]))
            interned[index] = new
            return new
        }
        for quad in change.insertions {
            let encoded = EncodedQuad(
                subject: try storeID(quad.subject), predicate: try storeID(quad.predicate), object: try storeID(quad.object),
                graph: quad.graph == .defaultGraph ? .defaultGraph : try storeID(quad.graph))
            guard dictionary.kind(of: encoded.subject) != .literal, dictionary.kind(of: encoded.predicate) == .iri,
                encoded.graph == .defaultGraph || dictionary.kind(of: encoded.graph) != .literal
            else {
                throw StoreError(.invalidData, "a term in a position RDF does not allow it: \(state.quad(for: encoded))")
            }
            keys.append(QuadOrder.spog.key(encoded))
        }
    }
}
