import Synchronization

/// The number of connections open now, shared by every connection's `ConnectionGuard`.
final class OpenConnections: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one more connection and returns the new total.
    func open() -> Int { count.wrappingAdd(1, ordering: .relaxed).newValue }

    func close() { count.subtract(1, ordering: .relaxed) }

    var current: Int { count.load(ordering: .relaxed) }
}
