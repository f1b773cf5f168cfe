/// SplitMix64: a small seeded generator, the same on every platform, so that a printed seed replays a test's run.
public struct SplitMix: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    public mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True one time in `oneIn`.
    public mutating func chance(_ oneIn: Int) -> Bool { next(oneIn) == 0 }

    /// One of `items`, which must not be empty.
    public mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}
