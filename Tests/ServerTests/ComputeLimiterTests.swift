import Foundation
import Synchronization
import Testing

@testable import Server

/// The threads that evaluate queries: order, deadlines while queued, cancellation, no lost work under contention.
@Suite struct ComputeLimiterTests {
    @Test func queuedWorkTimesOutAtItsDeadlineWhileTheThreadIsBusy() async throws {
        let limiter = ComputeLimiter(permits: 1)
        let gate = Gate()
        let busy = Task { try await limiter.withPermit(deadline: nil) { gate.holdUntilOpened() } }
        try await waitUntil { gate.isHeld }
        // How soon the refusal comes is a matter for Benchmarks/, not for tests on a shared machine: here only that it
        // is a timeout refusal and that the queue is left empty.
        await #expect(throws: ComputeLimiter.Refusal.timeout) {
            try await limiter.withPermit(deadline: .now + .milliseconds(200)) {}
        }
        #expect(limiter.queuedCount == 0)
        gate.open()
        try await busy.value
        await #expect(throws: ComputeLimiter.Refusal.timeout) { try await limiter.withPermit(deadline: .now - .seconds(1)) {} }
        #expect(try await limiter.withPermit(deadline: .now + .seconds(5)) { 42 } == 42)
        await limiter.shutdown()
    }

    @Test func workRunsInOrderAndCancelledWorkIsDropped() async throws {
        let limiter = ComputeLimiter(permits: 1)
        let order = Recorder()
        let gate = Gate()
        // The thread stays busy until the queue holds exactly what the test put there, whatever the machine's load.
        let busy = Task { try await limiter.withPermit(deadline: nil) { gate.holdUntilOpened() } }
        try await waitUntil { gate.isHeld }
        let first = Task { try await limiter.withPermit(deadline: nil) { order.append(1) } }
        try await waitUntil { limiter.queuedCount == 1 }
        let cancelled = Task { try await limiter.withPermit(deadline: nil) { order.append(99) } }
        try await waitUntil { limiter.queuedCount == 2 }
        let second = Task { try await limiter.withPermit(deadline: nil) { order.append(2) } }
        try await waitUntil { limiter.queuedCount == 3 }
        cancelled.cancel()
        try await waitUntil { limiter.queuedCount == 2 }
        gate.open()
        try await busy.value
        try await first.value
        try await second.value
        await #expect(throws: ComputeLimiter.Refusal.cancelled) { try await cancelled.value }
        #expect(order.values == [1, 2])
        await limiter.shutdown()
        await #expect(throws: ComputeLimiter.Refusal.cancelled) { try await limiter.withPermit(deadline: nil) {} }
    }

    @Test func noWorkIsLostUnderContention() async throws {
        let limiter = ComputeLimiter(permits: 2)
        let counters = Counters()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<500 {
                group.addTask {
                    try? await limiter.withPermit(deadline: .now + .seconds(30)) {
                        let now = counters.running.withLock { value in
                            value += 1
                            return value
                        }
                        counters.peak.withLock { $0 = max($0, now) }
                        counters.running.withLock { $0 -= 1 }
                        counters.done.withLock { $0 += 1 }
                    }
                }
            }
        }
        #expect(counters.done.withLock { $0 } == 500)
        #expect(counters.peak.withLock { $0 } <= 2)
        #expect(limiter.queuedCount == 0)
        await limiter.shutdown()
    }
}

/// Polls `condition` until it holds; gives up (failing the test) after a minute, which only a hang reaches.
private func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<60_000 {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(1))
    }
    Issue.record("condition never held")
    throw CancellationError()
}

/// Keeps a limiter thread busy until the test opens it.
private final class Gate: Sendable {
    private let held = Mutex(false)
    private let opened = DispatchSemaphore(value: 0)
    var isHeld: Bool { held.withLock { $0 } }
    func holdUntilOpened() {
        held.withLock { $0 = true }
        opened.wait()
    }
    func open() { opened.signal() }
}

/// Shared counters for the contention test.
private final class Counters: Sendable {
    let running = Mutex(0)
    let peak = Mutex(0)
    let done = Mutex(0)
}

/// Records the order in which work ran.
private final class Recorder: Sendable {
    private let state = Mutex<[Int]>([])
    func append(_ value: Int) { state.withLock { $0.append(value) } }
    var values: [Int] { state.withLock { $0 } }
}
