import Foundation

/// Threads with a stack known to be large enough for the deepest query or update the parser accepts.
///
/// Parsing, optimising, planning, evaluating, printing, hashing and freeing an algebra tree all recurse over it, one
/// or more frames per level. `SPARQLLimits.maximumTreeHeight` bounds the levels and this size bounds the frames:
/// `Tests/SPARQLTests/DeepQueryTests` measures the stack each pass takes at the limit and checks that it fits in half
/// of `size`. Only touched pages are resident, so the reservation costs address space, not memory.
public enum LargeStack {
    /// Bytes of stack each thread gets.
    public static let size = 512 << 20

    /// Runs `body` on a new thread of `size` bytes of stack and waits for it; for a command line run or a write that
    /// holds its thread anyway. Servers keep threads of this size instead (`ComputeLimiter`).
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    public static func run<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        let box = ResultBox<T, Failure>()
        withoutActuallyEscaping(body) { escapable in
            // The thread drops the closure before signalling, so it never outlives this call.
            box.work = escapable
            let thread = Thread {
                do throws(Failure) {
                    box.result = .success(try box.work!())
                } catch {
                    box.result = .failure(error)
                }
                box.work = nil
                box.done.signal()
            }
            thread.stackSize = size
            thread.name = "lodestar-large-stack"
            thread.start()
            box.done.wait()
        }
        return try box.result!.get()
    }
}

/// The result handed back from the thread.
///
/// `@unchecked Sendable`: `work` and `result` are set before the thread starts or before `done` is signalled, and read
/// after.
private final class ResultBox<T, Failure: Error>: @unchecked Sendable {
    var work: (() throws(Failure) -> T)?
    var result: Result<T, Failure>?
    let done = DispatchSemaphore(value: 0)
}

/// A task executor with one thread of `LargeStack.size`: with `withTaskExecutorPreference(LargeStack.executor)`, a
/// task's own code (not actors it calls) runs there, so asynchronous code such as a command line query can parse,
/// evaluate and stream on a stack known to be large enough.
public final class LargeStackExecutor: TaskExecutor, @unchecked Sendable {
    // `@unchecked Sendable`: `jobs` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init() {
        let thread = Thread { [unowned(unsafe) self] in self.run() }
        thread.stackSize = LargeStack.size
        thread.name = "lodestar-large-stack-executor"
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

extension LargeStack {
    /// One executor for the process, started on first use; it lives as long as the process.
    public static let executor = LargeStackExecutor()
}
