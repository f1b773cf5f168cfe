import Foundation
import Synchronization
import Testing

@testable import Server

/// The threads that evaluate queries: order, deadlines while queued, cancellation, no lost work under contention.
@Suite struct ComputeLimiterTests {
    @Test func queuedWorkTimesOutAtItsDeadlineWhileTheThreadIsBusy() async throws {
        let limiter = ComputeLimiter(permits: 1)
        let busy = Task { try await limiter.withPermit(deadline: nil) { Thread.sleep(forTimeInterval: 1.5) } }
        try await Task.sleep(for: .milliseconds(100))
        // How soon the refusal comes is a matter for Benchmarks/, not for tests on a shared machine: here only that it
        // is a timeout refusal and that the queue is left empty.
        await #expect(throws: ComputeLimiter.Refusal.timeout) {
            try await limiter.withPermit(deadline: .now + .milliseconds(200)) {}
        }
        #expect(limiter.queuedCount == 0)
        try await busy.value
        await #expect(throws: ComputeLimiter.Refusal.timeout) { try await limiter.withPermit(deadline: .now - .seconds(1)) {} }
        #expect(try await limiter.withPermit(deadline: .now + .seconds(5)) { 42 } == 42)
        await limiter.shutdown()
    }

    @Test func workRunsInOrderAndCancelledWorkIsDropped() async throws {
        let limiter = ComputeLimiter(permits: 1)
        let order = Recorder()
        let busy = Task { try await limiter.withPermit(deadline: nil) { Thread.sleep(forTimeInterval: 0.3) } }
        try await Task.sleep(for: .milliseconds(50))
        let first = Task { try await limiter.withPermit(deadline: nil) { order.append(1) } }
        try await Task.sleep(for: .milliseconds(20))
        let cancelled = Task { try await limiter.withPermit(deadline: nil) { order.append(99) } }
        try await Task.sleep(for: .milliseconds(20))
        let second = Task { try await limiter.withPermit(deadline: nil) { order.append(2) } }
        cancelled.cancel()
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
