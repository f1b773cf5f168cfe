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
    /// The raw bytes of the current request head so far, up to its blank line or one byte past `limits.maxHeaderSize`:
    /// what only raw bytes tell — whether the head is UTF-8, how long its first line is, whether it asks to CONNECT.
    /// (A head pipelined behind another request's body is not collected.)
    private(set) var head: [UInt8] = []
    /// True once `head` holds the whole head, blank line included.
    private(set) var headComplete = false
    /// When the current phase's limit runs out; `nil` while responding.
    private var deadline: NIODeadline?
    /// The connection's one timer. It fires at the deadline, or sooner, and then again: a phase change only sets
    /// `deadline`, so a request costs no timer scheduled and cancelled three times over.
    private var timer: Scheduled<Void>?
    private var stopped = false
    private var requestOpen = false
    private var responseOpen = false
    let limits: ConnectionLimits
    /// Called on the event loop when a deadline passes, with the phase it was set for.
    var onTimeout: ((Phase) -> Void)?
    private let eventLoop: any EventLoop

    init(limits: ConnectionLimits, eventLoop: any EventLoop) {
        self.limits = limits
        self.eventLoop = eventLoop
    }

    /// Raw bytes arrived.
    func bytesArrived(_ bytes: ByteBuffer) {
        switch phase {
        case .idle:
            enter(.readingHead)
            collectHead(bytes)
        case .readingHead: collectHead(bytes)
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
    }

    func stop() {
        stopped = true
        timer?.cancel()
        timer = nil
        deadline = nil
        onTimeout = nil
    }

    /// True when the request line (method, URL, version) alone reaches the head size limit: a head that overflows then
    /// has too long a URL (414), otherwise too many or too large headers (431).
    var requestLineTooLong: Bool { (head.firstIndex(of: UInt8(ascii: "\n")) ?? head.count) >= limits.maxHeaderSize }

    private func collectHead(_ bytes: ByteBuffer) {
        // Byte by byte up to the head's end: a body read along with the head is not copied.
        for byte in bytes.readableBytesView {
            guard !headComplete, head.count <= limits.maxHeaderSize else { return }
            head.append(byte)
            // The head ends at its first empty line (CRLF CRLF, or bare LFs as the decoder also accepts).
            let count = head.count
            if byte == UInt8(ascii: "\n"), count >= 2,
                head[count - 2] == UInt8(ascii: "\n") || (count >= 3 && head[count - 2] == UInt8(ascii: "\r") && head[count - 3] == UInt8(ascii: "\n"))
            {
                headComplete = true
            }
        }
    }

    private func enter(_ next: Phase) {
        if next == .readingHead || (next == .idle && phase != .idle) {
            head = []
            headComplete = false
        }
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
