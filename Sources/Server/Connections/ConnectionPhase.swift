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
    /// True once the current request's first line (method, URL, version) has ended: a head that overflows before
    /// then has too long a URL (414), after it too many or too large headers (431).
    private(set) var requestLineEnded = false
    private var deadline: Scheduled<Void>?
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
            noteRequestLine(in: bytes)
        case .readingHead: noteRequestLine(in: bytes)
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
        deadline?.cancel()
        deadline = nil
        onTimeout = nil
    }

    private func noteRequestLine(in bytes: ByteBuffer) {
        if !requestLineEnded, bytes.readableBytesView.contains(UInt8(ascii: "\n")) { requestLineEnded = true }
    }

    private func enter(_ next: Phase) {
        if next == .readingHead || (next == .idle && phase != .idle) { requestLineEnded = false }
        phase = next
        deadline?.cancel()
        deadline = nil
        let seconds: Double? =
            switch next {
            case .idle: limits.idleTimeout
            case .readingHead: limits.headerTimeout
            case .readingBody: limits.bodyTimeout
            case .responding: nil
            }
        guard let seconds else { return }
        deadline = eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) { [weak self] in
            guard let self, self.phase == next else { return }
            self.deadline = nil
            self.onTimeout?(next)
        }
    }
}
