public import RDF

/// The quads of one snapshot matching one pattern: the base range (less quads either delta layer removed), then the
/// major layer's range (less quads the minor layer removed), then the minor layer's range.
/// A value type over shared, immutable arrays: iterating it allocates nothing.
public struct QuadCursor: Sequence, IteratorProtocol, Sendable {
    /// Sorted keys of one order (the base's `KeyColumn` or a delta layer's array), the index range still to visit, and
    /// the SPOG keys removed above them.
    struct Run<Keys: RandomAccessCollection<UInt128> & Sendable>: Sendable where Keys.Index == Int {
        let keys: Keys
        var index: Int
        let end: Int
        let removedAbove: [UInt128]
        let removedAboveThat: [UInt128]

        @inline(__always)
        func isRemoved(_ spog: UInt128) -> Bool {
            (!removedAbove.isEmpty && SortedKeys.contains(removedAbove, spog))
                || (!removedAboveThat.isEmpty && SortedKeys.contains(removedAboveThat, spog))
        }
    }

    private let order: QuadOrder
    private var base: Run<KeyColumn>
    private var major: Run<[UInt128]>
    private var minor: Run<[UInt128]>

    init(order: QuadOrder, base: Run<KeyColumn>, major: Run<[UInt128]>, minor: Run<[UInt128]>) {
        self.order = order
        self.base = base
        self.major = major
        self.minor = minor
    }

    public mutating func next() -> EncodedQuad? {
        if let quad = Self.next(in: &base, order) { return quad }
        if let quad = Self.next(in: &major, order) { return quad }
        return Self.next(in: &minor, order)
    }

    @inline(__always)
    private static func next<Keys>(in run: inout Run<Keys>, _ order: QuadOrder) -> EncodedQuad? {
        while run.index < run.end {
            let quad = order.quad(run.keys[run.index])
            run.index += 1
            if run.isRemoved(QuadOrder.spog.key(quad)) { continue }
            return quad
        }
        return nil
    }

    /// How many quads remain, counted without decoding (exact).
    public var remainingCount: Int { Self.remaining(in: base, order) + Self.remaining(in: major, order) + Self.remaining(in: minor, order) }

    private static func remaining<Keys>(in run: Run<Keys>, _ order: QuadOrder) -> Int {
        var count = run.end - run.index
        if !run.removedAbove.isEmpty || !run.removedAboveThat.isEmpty {
            for index in run.index..<run.end where run.isRemoved(QuadOrder.spog.key(order.quad(run.keys[index]))) { count -= 1 }
        }
        return count
    }
}
