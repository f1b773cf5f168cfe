import RDF

/// The same set of quads sorted six ways, one array of keys per `QuadOrder`. Immutable once built; snapshots share it.
struct QuadIndexes: Sendable {
    /// `keys[order.rawValue]`: sorted, duplicate-free.
    private(set) var keys: [[UInt128]]

    static let empty = QuadIndexes(keys: Array(repeating: [], count: QuadOrder.allCases.count))

    private init(keys: [[UInt128]]) { self.keys = keys }

    /// Builds all six orders from sorted, duplicate-free SPOG keys.
    init(spog: [UInt128]) {
        keys = [spog]
        for order in QuadOrder.allCases.dropFirst() {
            var permuted = spog.map { order.key(QuadOrder.spog.quad($0)) }
            permuted.sort()
            keys.append(permuted)
        }
    }

    var count: Int { keys[0].count }

    @inline(__always)
    subscript(order: QuadOrder) -> [UInt128] { keys[order.rawValue] }

    func contains(spog key: UInt128) -> Bool { SortedKeys.contains(keys[0], key) }

    /// A new set of indexes: these quads with `layer` (a delta over them) applied.
    func merged(with layer: DeltaLayer) -> QuadIndexes {
        QuadIndexes(keys: QuadOrder.allCases.map { order in
            SortedKeys.merge(keys[order.rawValue], adding: layer.added[order.rawValue], removing: Self.reorder(layer.removed, to: order))
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
