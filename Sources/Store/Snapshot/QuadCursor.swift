public import RDF

/// The quads of one snapshot matching one pattern: the base range (less quads either delta layer removed), then the
/// major layer's range (less quads the minor layer removed), then the minor layer's range.
/// A value type over shared, immutable arrays: iterating it allocates nothing.
public struct QuadCursor: Sequence, IteratorProtocol, Sendable {
    /// Sorted keys of one order, the index range still to visit, and the SPOG keys removed above them.
    struct Run: Sendable {
        let keys: [UInt128]
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
    private var base: Run
    private var major: Run
    private var minor: Run

    init(order: QuadOrder, base: Run, major: Run, minor: Run) {
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
    private static func next(in run: inout Run, _ order: QuadOrder) -> EncodedQuad? {
        while run.index < run.end {
            let quad = order.quad(run.keys[run.index])
            run.index += 1
            if run.isRemoved(QuadOrder.spog.key(quad)) { continue }
            return quad
        }
        return nil
    }

    /// How many quads remain, counted without decoding (exact).
    public var remainingCount: Int { [base, major, minor].reduce(0) { $0 + Self.remaining(in: $1, order) } }

    private static func remaining(in run: Run, _ order: QuadOrder) -> Int {
        var count = run.end - run.index
        if !run.removedAbove.isEmpty || !run.removedAboveThat.isEmpty {
            for index in run.index..<run.end where run.isRemoved(QuadOrder.spog.key(order.quad(run.keys[index]))) { count -= 1 }
        }
        return count
    }
}
