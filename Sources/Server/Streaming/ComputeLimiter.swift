import Foundation
import SPARQL

/// Runs query evaluation on threads of its own, at most `capacity` at once, below the core count, so a PURI lookup
/// or `/health` always finds a free thread (STYLE.md §10).
///
/// Evaluation is synchronous and CPU-bound, so it runs here, never on Swift's cooperative pool (which the HTTP
/// handlers share) nor on the event loops. Work waits in one first-come, first-served queue that the threads drain
/// back to back, with no hand-over through the cooperative pool between two pieces of work. A piece of work is one
/// burst of computing — planning and the first chunks, or the rows of one ~64 KiB chunk — never a wait for a slow
/// client, so a client that reads slowly cannot hold up everyone else's queries.
///
/// Work that is still queued when its deadline passes is dropped and its caller answered at once (a 503), even while
/// every thread is busy with a long query; work whose task is cancelled is dropped the same way.
package final class ComputeLimiter: Sendable {
    /// Why work was not run.
    package enum Refusal: Error, Sendable {
        /// The deadline passed while the work was queued.
        case timeout
        /// The waiting task was cancelled, or the limiter was shut down.
        case cancelled
    }

    private let queue: WorkQueue
    /// The number of threads.
    package let capacity: Int

    /// Starts the threads, and one more that drops queued work at its deadline (within 20 ms).
    /// - Parameter permits: how many pieces of work may run at once; at least 1.
    package init(permits: Int) {
        capacity = max(1, permits)
        queue = WorkQueue()
        for index in 0..<capacity {
            let thread = Thread { [queue] in queue.runWorker() }
            // Parsing, planning and evaluation recurse over the query's tree: the stack must hold the tallest one.
            thread.stackSize = LargeStack.size
            thread.name = "lodestar-query-\(index)"
            thread.start()
        }
        let reaper = Thread { [queue] in queue.runReaper() }
        reaper.name = "lodestar-query-deadlines"
        reaper.start()
    }

    /// Runs `body` on one of the limiter's threads once it is its turn.
    /// - Throws: `Refusal.timeout` if `deadline` passes before it starts, `Refusal.cancelled` if the task is cancelled
    ///   before it starts or the limiter is shut down; what `body` throws.
    package func withPermit<T: Sendable>(deadline: ContinuousClock.Instant?, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        let work = Work(deadline: deadline)
        let queue = self.queue
        return try await withTaskCancellationHandler {
            // Unchecked: `Work.state` moves from queued to running or finished once, under the queue's lock, so exactly
            // one of `run` and `fail` is called (the checked kind cost every query an allocation and a check).
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<T, any Error>) in
                queue.submit(
                    work,
                    run: { continuation.resume(with: Result(catching: body)) },
                    fail: { continuation.resume(throwing: $0) }
                )
            }
        } onCancel: {
            queue.abandon(work, .cancelled)
        }
    }

    /// Pieces of work waiting for a thread (for metrics and tests).
    package var queuedCount: Int { queue.queuedCount }

    /// Ends the threads once the work they are running is done; queued work fails with `Refusal.cancelled`, and so
    /// does any submitted later.
    package func shutdown() async {
        queue.stop()
    }
}

/// One piece of work; its state is guarded by the queue's lock.
private final class Work: @unchecked Sendable {
    enum State {
        /// Not yet submitted (the task may be cancelled before it is).
        case new
        case queued(run: () -> Void, fail: (ComputeLimiter.Refusal) -> Void)
        case running
        case finished
        /// Cancelled before it was submitted.
        case abandoned(ComputeLimiter.Refusal)
    }

    let deadline: ContinuousClock.Instant?
    var state = State.new

    init(deadline: ContinuousClock.Instant?) { self.deadline = deadline }
}

/// The queue the threads drain, and the deadlines the reaper watches.
///
/// `@unchecked Sendable`: every field is read and written with `condition` locked.
private final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Work] = []
    private var stopping = false

    var queuedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return pending.count
    }

    func submit(_ work: Work, run: @escaping () -> Void, fail: @escaping (ComputeLimiter.Refusal) -> Void) {
        condition.lock()
        var refusal: ComputeLimiter.Refusal?
        if case .abandoned(let reason) = work.state {
            refusal = reason
        } else if stopping {
            refusal = .cancelled
        } else if let deadline = work.deadline, deadline <= .now {
            refusal = .timeout
        }
        if let refusal {
            work.state = .finished
            condition.unlock()
            fail(refusal)
            return
        }
        work.state = .queued(run: run, fail: fail)
        pending.append(work)
        // Only workers wait on the condition (the reaper polls), so one signal wakes one worker.
        condition.signal()
        condition.unlock()
    }

    /// Drops `work` if it has not started.
    func abandon(_ work: Work, _ refusal: ComputeLimiter.Refusal) {
        condition.lock()
        switch work.state {
        case .new:
            work.state = .abandoned(refusal)
            condition.unlock()
        case .queued(_, let fail):
            work.state = .finished
            pending.removeAll { $0 === work }
            condition.unlock()
            fail(refusal)
        case .running, .finished, .abandoned:
            condition.unlock()
        }
    }

    func stop() {
        condition.lock()
        stopping = true
        let dropped = pending
        pending = []
        var failures: [(ComputeLimiter.Refusal) -> Void] = []
        for work in dropped {
            if case .queued(_, let fail) = work.state { failures.append(fail) }
            work.state = .finished
        }
        condition.broadcast()
        condition.unlock()
        for fail in failures { fail(.cancelled) }
    }

    /// A worker thread: runs queued work in order until stopped.
    func runWorker() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            if pending.isEmpty {
                condition.unlock()
                return
            }
            let work = pending.removeFirst()
            guard case .queued(let run, _) = work.state else {
                condition.unlock()
                continue
            }
            work.state = .running
            condition.unlock()
            run()
            condition.lock()
            work.state = .finished
            condition.unlock()
        }
    }

    /// The reaper thread: every 20 ms, fails queued work whose deadline has passed. It polls rather than waiting on
    /// the condition, so that a submission's signal always wakes a worker.
    func runReaper() {
        while true {
            Thread.sleep(forTimeInterval: 0.02)
            condition.lock()
            if stopping {
                condition.unlock()
                return
            }
            let now = ContinuousClock.now
            var expired: [(ComputeLimiter.Refusal) -> Void] = []
            pending.removeAll { work in
                guard let deadline = work.deadline, deadline <= now, case .queued(_, let fail) = work.state else { return false }
                work.state = .finished
                expired.append(fail)
                return true
            }
            condition.unlock()
            for fail in expired { fail(.timeout) }
        }
    }
}
