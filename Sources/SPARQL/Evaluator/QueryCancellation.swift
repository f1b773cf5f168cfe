import Synchronization

/// A flag that stops a query from another thread: the server sets it when the client has gone or the server is
/// shutting down. Evaluation runs on threads of its own, outside any task, so `Task.isCancelled` cannot reach it;
/// `Deadline.check()` reads this flag instead, wherever it looks at the clock.
public final class QueryCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the query to stop: its next check throws `QueryEvaluationError.cancelled`.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
