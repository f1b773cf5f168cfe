import NIOCore

/// Where one connection is in its request cycle, shared by its two handlers on its event loop: `ConnectionGuard` sees
/// the raw bytes (the first byte of a request, a URL still on its first line), `RequestPhaseHandler` the decoded
/// request parts and the response's end. Each phase has its own deadline.
final class ConnectionPhase {
    enum Phase {
        /// Between requests (or before the first): the idle timeout runs.
        case idle
        /// Some of a request head has arrived: the header timeout runs.
        case readingHead
        /// The head is decoded and its body is arriving: the body timeout runs between reads.
        case readingBody
        /// The request is read; the server is answering (no deadline here: queries have their own).
        case responding
    }

    private(set) var phase: Phase = .idle
    /// Where the request heads lie in the raw bytes, each head's bytes with it: what only raw bytes tell — whether a
    /// head is UTF-8, how long its first line is, whether it asks to CONNECT.
    var framing: RequestFraming
    /// When the current phase's limit runs out; `nil` while responding.
    private var deadline: NIODeadline?
    /// The connection's one timer. It fires at the deadline, or sooner, and then again: a phase change only sets
    /// `deadline`, so a request costs no timer scheduled and cancelled three times over.
    private var timer: Scheduled<Void>?
    private var stopped = false
    private var requestOpen = false
    /// True from a request's decoded head until its answer is written.
    private(set) var responseOpen = false
    /// Called once when the current answer is written (then cleared).
    var onResponseEnded: (() -> Void)?
    let limits: ConnectionLimits
    /// Called on the event loop when a deadline passes, with the phase it was set for.
    var onTimeout: ((Phase) -> Void)?
    private let eventLoop: any EventLoop

    init(limits: ConnectionLimits, eventLoop: any EventLoop) {
        self.limits = limits
        self.eventLoop = eventLoop
        framing = RequestFraming(maxHeadSize: limits.maxHeaderSize)
    }

    /// Raw bytes arrived.
    func bytesArrived() {
        switch phase {
        case .idle: enter(.readingHead)
        case .readingHead: break
        case .readingBody: enter(.readingBody)  // restarts the pause timer
        case .responding: break  // a pipelined request waits until the answer is written
        }
    }

    /// The connection is open: the idle timeout runs until its first byte.
    func start() { enter(.idle) }

    func headDecoded() {
        requestOpen = true
        responseOpen = true
        enter(.readingBody)
    }

    func requestEnded() {
        requestOpen = false
        enter(responseOpen ? .responding : .idle)
    }

    /// The answer is written; a body the handler did not read may still be arriving (Hummingbird drains it).
    func responseEnded() {
        responseOpen = false
        enter(requestOpen ? .readingBody : .idle)
        let ended = onResponseEnded
        onResponseEnded = nil
        ended?()
    }

    func stop() {
        stopped = true
        timer?.cancel()
        timer = nil
        deadline = nil
        onTimeout = nil
        onResponseEnded = nil
    }

    /// True when the request line (method, URL, version) alone reaches the head size limit: a head that overflows then
    /// has too long a URL (414), otherwise too many or too large headers (431).
    var requestLineTooLong: Bool {
        let head = framing.head
        return (head.firstIndex(of: UInt8(ascii: "\n")) ?? head.count) >= limits.maxHeaderSize
    }

    private func enter(_ next: Phase) {
        phase = next
        let seconds: Double? =
            switch next {
            case .idle: limits.idleTimeout
            case .readingHead: limits.headerTimeout
            case .readingBody: limits.bodyTimeout
            case .responding: nil
            }
        deadline = seconds.map { .now() + .nanoseconds(Int64($0 * 1e9)) }
        if timer == nil, !stopped { arm() }
    }

    /// The shortest limit: a timer armed at most this far ahead fires before any deadline a later phase can set, so
    /// a phase change never has to move it. At least a millisecond, so that a zero limit cannot spin the loop.
    private var tick: TimeAmount {
        .nanoseconds(max(1_000_000, Int64(min(limits.idleTimeout, limits.headerTimeout, limits.bodyTimeout) * 1e9)))
    }

    private func arm() {
        let now = NIODeadline.now()
        let due = min(deadline ?? .distantFuture, now + tick)
        timer = eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(deadline: due) { [weak self] in self?.fire() }
    }

    private func fire() {
        timer = nil
        guard !stopped else { return }
        let expired = deadline.map { $0 <= .now() } ?? false
        if expired { deadline = nil }
        arm()
        if expired { onTimeout?(phase) }
    }
}
