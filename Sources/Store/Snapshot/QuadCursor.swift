public import RDF

/// The quads of one snapshot matching one pattern: the base range (less removed quads), then the delta's range.
/// A value type over shared, immutable arrays: iterating it allocates nothing.
public struct QuadCursor: Sequence, IteratorProtocol, Sendable {
    private let order: QuadOrder
    private let base: [UInt128]
    private var baseIndex: Int
    private let baseEnd: Int
    private let removed: [UInt128]
    private let added: [UInt128]
    private var addedIndex: Int
    private let addedEnd: Int

    init(order: QuadOrder, base: [UInt128], baseRange: Range<Int>, removed: [UInt128], added: [UInt128], addedRange: Range<Int>) {
        self.order = order
        self.base = base
        self.baseIndex = baseRange.lowerBound
        self.baseEnd = baseRange.upperBound
        self.removed = removed
        self.added = added
        self.addedIndex = addedRange.lowerBound
        self.addedEnd = addedRange.upperBound
    }

    public mutating func next() -> EncodedQuad? {
        while baseIndex < baseEnd {
            let quad = order.quad(base[baseIndex])
            baseIndex += 1
            if !removed.isEmpty && SortedKeys.contains(removed, QuadOrder.spog.key(quad)) { continue }
            return quad
        }
        if addedIndex < addedEnd {
            defer { addedIndex += 1 }
            return order.quad(added[addedIndex])
        }
        return nil
    }

    /// How many quads remain, counted without decoding (exact).
    public var remainingCount: Int {
        var count = (baseEnd - baseIndex) + (addedEnd - addedIndex)
        if !removed.isEmpty {
            for index in baseIndex..<baseEnd where SortedKeys.contains(removed, QuadOrder.spog.key(order.quad(base[index]))) {
                count -= 1
            }
        }
        return count
    }
}
