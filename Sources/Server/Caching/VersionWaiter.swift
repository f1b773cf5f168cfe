package import Store
import Synchronization

/// Lets a request wait until the store reaches a version (`?min-version=N`, read-your-writes on a replica): woken by the
/// store's commit notifications, never by polling.
///
/// Race-free because the store publishes a snapshot before it tells observers: a waiter either sees the new version
/// when it registers, or is registered before the notification that reaches it.
package final class VersionWaiter: CommitObserver {
    private let store: QuadStore
    private let state = Mutex(State())

    private struct State {
        var nextID: UInt64 = 0
        var waiting: [UInt64: (target: UInt64, continuation: CheckedContinuation<Bool, Never>)] = [:]
        /// Waits that ended (timeout, cancellation) before they were registered.
        var abandoned: Set<UInt64> = []
    }

    /// Registers itself as an observer of `store`.
    package init(store: QuadStore) {
        self.store = store
        store.addCommitObserver(self)
    }

    /// Waits until the store's version is at least `target`, for at most `timeout`.
    /// - Returns: true if it was reached; false on timeout or cancellation.
    package func wait(until target: UInt64, timeout: Duration) async -> Bool {
        if store.snapshot().version >= target { return true }
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let timer = Task { [weak self] in
            // Cancelled once the wait ends: then there is nothing to time out.
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self?.finish(id, reached: false)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let reached: Bool? = state.withLock { state in
                    if state.abandoned.remove(id) != nil { return false }
                    if store.snapshot().version >= target { return true }
                    state.waiting[id] = (target, continuation)
                    return nil
                }
                if let reached { continuation.resume(returning: reached) }
            }
        } onCancel: {
            finish(id, reached: false)
        }
    }

    /// How many requests are waiting (for tests and `/metrics`).
    package var waitingCount: Int { state.withLock { $0.waiting.count } }

    package func storeDidCommit(_ commit: CommittedWrite) {
        let ready = state.withLock { state in
            let ids = state.waiting.filter { $0.value.target <= commit.version }.map(\.key)
            return ids.compactMap { state.waiting.removeValue(forKey: $0)?.continuation }
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    private func finish(_ id: UInt64, reached: Bool) {
        let continuation = state.withLock { state in
            guard let entry = state.waiting.removeValue(forKey: id) else {
                state.abandoned.insert(id)
                return CheckedContinuation<Bool, Never>?.none
            }
            return entry.continuation
        }
        continuation?.resume(returning: reached)
    }
}
