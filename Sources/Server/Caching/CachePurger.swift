import AsyncHTTPClient
import Foundation
package import Logging
import NIOCore
import NIOHTTP1
package import Store
import Synchronization

/// Tells the HTTP caches in front (`--purge URL`) what each commit changed: a `PURGE` request whose `Lodestar-Ban`
/// header is a regular expression over `Surrogate-Key` (`SurrogateKeys`), which deploy/varnish/lodestar.vcl turns into
/// a ban, accepted from loopback only. (`PURGE`, not `BAN`: HTTP parsers such as llhttp know only the former.)
///
/// Commits are told in order; one sender sends them in order, merging those that queued up meanwhile into one ban.
/// A write's answer waits for its ban (`waitUntilPurged`), so a client that writes and then reads through the cache
/// sees its write. A cache that does not answer within `timeout` is logged and skipped: the write stays acknowledged.
package final class CachePurger: CommitObserver {
    private let urls: [String]
    private let timeout: Duration
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var pending: [(version: UInt64, keys: [String])] = []
        var sending = false
        /// Every commit up to this version has been sent (or given up on).
        var purged: UInt64 = 0
        var waiters: [(version: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
    }

    /// Registers itself as an observer of `store`.
    package init(store: QuadStore, urls: [String], timeout: Duration = .seconds(2), logger: Logger = Logger(label: "lodestar.purge")) {
        self.urls = urls
        self.timeout = timeout
        self.logger = logger
        state.withLock { $0.purged = store.snapshot().version }
        store.addCommitObserver(self)
    }

    package func storeDidCommit(_ commit: CommittedWrite) {
        let keys = SurrogateKeys.changed(by: commit)
        let start = state.withLock { state in
            state.pending.append((commit.version, keys))
            defer { state.sending = true }
            return !state.sending
        }
        if start { Task { await self.drain() } }
    }

    /// Returns once the bans of every commit up to `version` have been sent.
    package func waitUntilPurged(_ version: UInt64) async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.purged >= version { return true }
                state.waiters.append((version, continuation))
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state in
                defer { state.pending.removeAll() }
                if state.pending.isEmpty { state.sending = false }
                return state.pending
            }
            guard let last = batch.last else { return }
            var keys = Array(Set(batch.flatMap(\.keys))).sorted()
            if keys.contains(SurrogateKeys.everything) || keys.count > SurrogateKeys.maxResourcesPerBan { keys = [SurrogateKeys.everything] }
            let expression = SurrogateKeys.banExpression(keys)
            for url in urls { await send(expression, to: url) }
            let ready = state.withLock { state in
                state.purged = max(state.purged, last.version)
                let ready = state.waiters.filter { $0.version <= state.purged }.map(\.continuation)
                state.waiters.removeAll { $0.version <= state.purged }
                return ready
            }
            for continuation in ready { continuation.resume() }
        }
    }

    private func send(_ expression: String, to url: String) async {
        var request = HTTPClientRequest(url: url)
        request.method = .RAW(value: "PURGE")
        request.headers.add(name: "Lodestar-Ban", value: expression)
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds * 1_000_000_000)))
            if response.status.code >= 300 {
                logger.warning("the cache refused a ban", metadata: ["url": "\(url)", "status": "\(response.status.code)"])
            }
            _ = try? await response.body.collect(upTo: 1 << 16)
        } catch {
            logger.warning("the cache could not be told of a commit", metadata: ["url": "\(url)", "error": "\(error)"])
        }
    }
}
