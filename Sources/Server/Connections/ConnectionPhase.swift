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
        deadline?.cancel()
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
