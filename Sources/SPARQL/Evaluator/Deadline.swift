/// The cheap check every long loop makes: a counter, and every 1024 ticks a look at the clock and at cancellation
/// (the task's, and the query's own flag) (STYLE.md §10). One per query; not thread-safe, like the rest of a query's
/// evaluation state.
final class Deadline {
    private let limit: ContinuousClock.Instant?
    private let cancellation: QueryCancellation?
    private var counter: UInt32 = 0

    init(_ limit: ContinuousClock.Instant?, cancellation: QueryCancellation? = nil) {
        self.limit = limit
        self.cancellation = cancellation
    }

    /// Counts one step of work; every 1024th step checks the clock and cancellation.
    @inline(__always)
    func tick() throws(QueryEvaluationError) {
        counter &+= 1
        if counter & 1023 == 0 { try check() }
    }

    /// Counts `steps` steps at once, for a row whose handling costs that many (a grouping key of thousands of
    /// variables); checks the clock whenever the count passes a multiple of 1024.
    @inline(__always)
    func tick(by steps: Int) throws(QueryEvaluationError) {
        let before = counter
        counter &+= UInt32(truncatingIfNeeded: steps)
        if before >> 10 != counter >> 10 || steps >= 1024 { try check() }
    }

    /// Checks now, whatever the counter says.
    @inline(never)
    func check() throws(QueryEvaluationError) {
        if Task.isCancelled || cancellation?.isCancelled == true { throw .cancelled }
        if let limit, ContinuousClock.now >= limit { throw .timeout }
    }
}
