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
