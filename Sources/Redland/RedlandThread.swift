import Foundation

/// A serial executor on a dedicated OS thread, for the actor that owns a `RedlandWorld`.
///
/// librdf is not thread-safe and blocks on disk (Berkeley DB reads, writes, syncs); blocking calls must stay off
/// Swift's cooperative pool (swift-nio README, "A Note on Blocking"). An actor that owns a world runs on one of these:
///
/// ```swift
/// actor RedlandHost {
///     nonisolated let thread: RedlandThread
///     nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
///     private let world: RedlandWorld          // not Sendable: the compiler keeps it inside this actor
///     init(thread: RedlandThread) throws { self.thread = thread; world = try RedlandWorld() }
/// }
/// ```
///
/// Jobs run one at a time, in the order they were enqueued, always on the same thread. The thread lives until
/// `shutdown()` (it holds the executor, so an executor without `shutdown()` lives as long as the process).
///
/// `@unchecked Sendable` is safe: the job queue, the stop flag and the running thread's identity are only touched with
/// `condition` locked, and `condition` itself is a constant.
public final class RedlandThread: SerialExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [Work] = []
    private var stopping = false
    /// Set once the thread runs; identifies it for `isCurrent` (a pthread, not Foundation's `Thread.current`, whose
    /// identity and name are not dependable on Linux).
    private var runningThread: pthread_t?

    /// Starts the thread.
    /// - Parameters:
    ///   - name: the thread's name, as debuggers and `top -H` show it (best effort; Linux keeps 15 bytes).
    ///   - stackSize: bytes of stack; raptor's and libxml2's recursive parsers want more than a small default.
    public init(name: String = "lodestar.redland", stackSize: Int = 8 << 20) {
        let thread = Thread { [self] in
            // Best effort: on Linux, Foundation sometimes loses the name, and the thread shows its creator's.
            Thread.current.name = name
            run()
        }
        thread.name = name
        thread.stackSize = stackSize
        // The running thread keeps itself, and through its closure this executor, alive until `shutdown()`.
        thread.start()
    }

    /// Queues a job; it runs on this executor's thread after every job queued before it.
    public func enqueue(_ job: consuming ExecutorJob) {
        add(.job(UnownedJob(job)))
    }

    /// Queues a plain closure, run on this executor's thread in order with its jobs: a hand-off that costs no `Task`,
    /// for code that enters its actor with `assumeIsolated`.
    public func run(_ work: @escaping @Sendable () -> Void) {
        add(.closure(work))
    }

    private enum Work {
        case job(UnownedJob)
        case closure(@Sendable () -> Void)
    }

    private func add(_ work: Work) {
        condition.lock()
        let accepted = !stopping
        if accepted {
            jobs.append(work)
            condition.signal()
        }
        condition.unlock()
        // A job enqueued after shutdown() has no thread left to run it: that is a programming error.
        precondition(accepted, "job enqueued on a RedlandThread after shutdown()")
    }

    /// True when called on this executor's thread.
    public var isCurrent: Bool {
        condition.lock()
        let running = runningThread
        condition.unlock()
        guard let running else { return false }
        return pthread_equal(running, pthread_self()) != 0
    }

    /// Traps unless called on this executor's thread (lets `assumeIsolated` work for actors on it).
    public func checkIsolated() {
        precondition(isCurrent, "not on this RedlandThread")
    }

    /// Runs the jobs already queued, then ends the thread. Enqueuing after this traps.
    public func shutdown() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        condition.lock()
        runningThread = pthread_self()
        condition.unlock()
        let executor = asUnownedSerialExecutor()
        // Two buffers swapped under the lock: taking the queue copies and allocates nothing.
        var batch: [Work] = []
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty && stopping {
                condition.unlock()
                return
            }
            swap(&batch, &jobs)
            condition.unlock()
            for work in batch {
                switch work {
                case .job(let job): job.runSynchronously(on: executor)
                case .closure(let closure): closure()
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
