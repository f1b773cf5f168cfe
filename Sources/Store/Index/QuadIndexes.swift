import RDF

/// The same set of quads sorted six ways, one `KeyColumn` per `QuadOrder`: heap memory, or the mapped index file
/// (`IndexFile`). Immutable once built; snapshots share it.
struct QuadIndexes: Sendable {
    /// `keys[order.rawValue]`: sorted, duplicate-free.
    private(set) var keys: [KeyColumn]

    static let empty = QuadIndexes(columns: Array(repeating: .empty, count: QuadOrder.allCases.count))

    /// Six columns holding the same quads, one per order in `QuadOrder.allCases` order.
    init(columns: [KeyColumn]) {
        precondition(columns.count == QuadOrder.allCases.count && columns.allSatisfy { $0.count == columns[0].count })
        keys = columns
    }

    /// Builds all six orders from sorted, duplicate-free SPOG keys.
    init(spog: [UInt128]) {
        keys = QuadOrder.allCases.map { order in KeyColumn(order == .spog ? spog : Self.reorder(spog, to: order)) }
    }

    var count: Int { keys[0].count }

    @inline(__always)
    subscript(order: QuadOrder) -> KeyColumn { keys[order.rawValue] }

    func contains(spog key: UInt128) -> Bool { SortedKeys.contains(keys[0], key) }

    /// A new set of indexes: these quads with `layer` (a delta over them) applied.
    func merged(with layer: DeltaLayer) -> QuadIndexes {
        QuadIndexes(columns: QuadOrder.allCases.map { order in
            let base = keys[order.rawValue], added = layer.added[order.rawValue]
            let removed = Self.reorder(layer.removed, to: order)
            return KeyColumn(capacity: base.count + added.count) { output in
                SortedKeys.merge(base, adding: added, removing: removed, into: output)
            }
        })
    }

    /// SPOG keys rewritten in `order`, sorted.
    static func reorder(_ spog: [UInt128], to order: QuadOrder) -> [UInt128] {
        if order == .spog { return spog.sorted() }
        var keys = spog.map { order.key(QuadOrder.spog.quad($0)) }
        keys.sort()
        return keys
    }
}
