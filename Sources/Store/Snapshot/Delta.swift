import RDF

/// Changes made since the base indexes were last rebuilt, in two layers so that a write costs in proportion to its own
/// changes, not to the store (issue 10): every write copies only `minor` (at most `StoreOptions.deltaLimit` changes);
/// `minor` is folded into `major` when it passes that limit, and `major` into new base indexes when it passes
/// `majorLimit(baseCount:)`, a fixed fraction of the base, so each fold's cost spreads over as many writes as it copies keys.
struct Delta: Sendable {
    /// Changes relative to the base.
    var major = DeltaLayer()
    /// Changes relative to the base with `major` applied.
    var minor = DeltaLayer()

    var isEmpty: Bool { major.isEmpty && minor.isEmpty }
    /// Net quads added minus quads removed, relative to the base.
    var countChange: Int { major.added[0].count - major.removed.count + minor.added[0].count - minor.removed.count }

    /// The largest `major` layer for a base of `baseCount` quads.
    static func majorLimit(baseCount: Int, deltaLimit: Int) -> Int { max(deltaLimit * 16, baseCount / 8) }
}

/// One layer of changes over the state below it: `added` holds quads absent below (one sorted array per order);
/// `removed` holds SPOG keys of quads present below that are gone.
struct DeltaLayer: Sendable {
    var added: [[UInt128]] = Array(repeating: [], count: QuadOrder.allCases.count)
    var removed: [UInt128] = []

    init() {}

    /// A layer of one change: sorted SPOG keys absent below, and sorted SPOG keys present below.
    init(additions: [UInt128], removals: [UInt128]) {
        added = QuadOrder.allCases.map { QuadIndexes.reorder(additions, to: $0) }
        removed = removals
    }

    var isEmpty: Bool { added[0].isEmpty && removed.isEmpty }
    var size: Int { added[0].count + removed.count }

    /// This layer with a change applied: `additions` (sorted SPOG keys absent from the state this layer produces) and
    /// `removals` (sorted SPOG keys present in it), disjoint. Linear in the layer's size plus the change's.
    func applying(additions: [UInt128], removals: [UInt128]) -> DeltaLayer {
        // A removal of a key this layer added drops it from `added`; other removals go below. Symmetrically for additions.
        var unadd = [UInt128](), removeBelow = [UInt128]()
        for key in removals {
            if SortedKeys.contains(added[0], key) { unadd.append(key) } else { removeBelow.append(key) }
        }
        var unremove = [UInt128](), addNew = [UInt128]()
        for key in additions {
            if SortedKeys.contains(removed, key) { unremove.append(key) } else { addNew.append(key) }
        }
        var next = DeltaLayer()
        next.added = QuadOrder.allCases.map { order in
            SortedKeys.merge(
                added[order.rawValue], adding: QuadIndexes.reorder(addNew, to: order), removing: QuadIndexes.reorder(unadd, to: order))
        }
        next.removed = SortedKeys.merge(removed, adding: removeBelow, removing: unremove)
        return next
    }
}

extension DeltaLayer {
    /// This layer with `layer` (a layer of changes over the state this one produces) applied. Linear in both sizes, and
    /// no key is re-sorted: each of `layer`'s orders is already sorted.
    func applying(_ layer: DeltaLayer) -> DeltaLayer {
        var next = DeltaLayer()
        next.added = QuadOrder.allCases.map { order in
            // Quads this layer added that `layer` removes go; quads `layer` adds that this layer removed come back (below).
            let kept = layer.removed.isEmpty ? added[order.rawValue] : added[order.rawValue].filter { !SortedKeys.contains(layer.removed, order.spog($0)) }
            let new = removed.isEmpty ? layer.added[order.rawValue] : layer.added[order.rawValue].filter { !SortedKeys.contains(removed, order.spog($0)) }
            return SortedKeys.merge(kept, adding: new, removing: [])
        }
        let removeBelow = added[0].isEmpty ? layer.removed : layer.removed.filter { !SortedKeys.contains(added[0], $0) }
        let unremove = removed.isEmpty ? [] : layer.added[0].filter { SortedKeys.contains(removed, $0) }
        next.removed = SortedKeys.merge(removed, adding: removeBelow, removing: unremove)
        return next
    }

    /// This layer, a delta over some base B, re-expressed over B with `folded` applied, where `folded` is an earlier
    /// state of this same layer (the one a background fold merged into B). Linear in both sizes.
    func rebased(onto folded: DeltaLayer) -> DeltaLayer {
        var next = DeltaLayer()
        // Removed by `folded` but no longer by this layer: re-added since, so absent from the new base and present now.
        let readded = SortedKeys.merge(folded.removed, adding: [], removing: removed)
        next.added = QuadOrder.allCases.map { order in
            SortedKeys.merge(
                SortedKeys.merge(added[order.rawValue], adding: [], removing: folded.added[order.rawValue]),
                adding: QuadIndexes.reorder(readded, to: order), removing: [])
        }
        // Added by `folded` but no longer by this layer: removed since, so present in the new base and gone now.
        let unadded = SortedKeys.merge(folded.added[0], adding: [], removing: added[0])
        next.removed = SortedKeys.merge(SortedKeys.merge(removed, adding: [], removing: folded.removed), adding: unadded, removing: [])
        return next
    }
}

extension QuadOrder {
    /// The SPOG key of the quad whose key in this order is `key`.
    @inline(__always)
    func spog(_ key: UInt128) -> UInt128 { self == .spog ? key : QuadOrder.spog.key(quad(key)) }
}
