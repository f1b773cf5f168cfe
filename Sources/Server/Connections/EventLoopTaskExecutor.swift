import NIOCore

/// Runs a task's jobs on one event loop: a connection's request handling runs on the loop that reads and writes its
/// socket, so a request costs no hand-over between the loop and Swift's cooperative pool on the way in or out (with
/// 16 connections on 2 cores those hand-overs, not the queries, were most of the time of a small query).
///
/// Blocking stays off this thread as it stays off the pool (STYLE.md §10): evaluation and other CPU-bound work go to
/// the `ComputeLimiter`, librdf to its own thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
