import Dispatch

/// Frees large evaluation state on a background thread: a request stopped at its deadline answers at once, not after
/// freeing a million rows and their terms on its own thread (for an update, the store's commit thread, which other
/// writes wait for).
enum Discard {
    private static let queue = DispatchQueue(label: "lodestar.discard", qos: .utility)

    /// Takes `value` and drops it on the background queue.
    static func later<Value>(_ value: consuming Value) {
        let box = Box(value)
        // Emptied there, so the memory is freed there whichever side lets go of the box last.
        queue.async { box.value = nil }
    }

    private final class Box<Held>: @unchecked Sendable {  // handed to one queue, touched there once
        var value: Held?
        init(_ value: consuming Held) { self.value = value }
    }
}
