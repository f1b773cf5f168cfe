import Logging
import NIOCore

/// The first handler of every connection, over its raw bytes: counts the connection against the cap (refusing with a
/// 503 past it), tells `ConnectionPhase` when a request starts, and closes the connection when a phase's deadline
/// passes (a 408 when the request head was too slow).
final class ConnectionGuard: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let phase: ConnectionPhase
    private let connections: OpenConnections
    private let logger: Logger
    private var counted = false
    private var refused = false

    init(phase: ConnectionPhase, connections: OpenConnections, logger: Logger) {
        self.phase = phase
        self.connections = connections
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { activate(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        activate(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        phase.stop()
        if counted {
            counted = false
            connections.close()
        }
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { phase.stop() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }  // a refused client's request is read and dropped, so that closing sends no reset
        let bytes = unwrapInboundIn(data)
        phase.bytesArrived()
        let heads = bytes.withUnsafeReadableBytes { phase.framing.scan($0) }
        for head in heads {
            guard let (status, message) = Self.refusal(ofHead: head.bytes) else { continue }
            // Answered here, below the HTTP codec: the decoder would turn invalid bytes into U+FFFD unseen, and the
            // encoder sends no body at all in answer to CONNECT. A head pipelined behind another request waits for that
            // request's answer: the bytes before it (that request's body) go on to the decoder, nothing after it does.
            refused = true
            if head.start > 0, let before = bytes.getSlice(at: bytes.readerIndex, length: head.start) {
                context.fireChannelRead(wrapInboundOut(before))
            }
            if phase.responseOpen {
                phase.onResponseEnded = { [weak self] in
                    // After the answer's last part has gone down the pipeline (it is written right after this call).
                    context.eventLoop.assumeIsolatedUnsafeUnchecked().execute { self?.refuse(context: context, status: status, message: message) }
                }
            } else {
                refuse(context: context, status: status, message: message)
            }
            return
        }
        context.fireChannelRead(data)
    }

    /// Answers a refused head and closes the connection.
    private func refuse(context: ChannelHandlerContext, status: String, message: String) {
        phase.stop()
        logger.info("request head refused", metadata: ["status": "\(status)"])
        context.writeAndFlush(wrapOutboundOut(Self.rawResponse(status: status, message: message, context: context)))
            .assumeIsolatedUnsafeUnchecked().whenComplete { _ in context.close(mode: .output, promise: nil) }
        context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .seconds(2)) { context.close(promise: nil) }
    }

    /// Made once: every request head is compared with it.
    private static let connectMethod = Array("CONNECT ".utf8)

    /// The status line and message for a whole request head that must not reach the router: CONNECT (Lodestar is no
    /// proxy), or bytes that are not UTF-8 in the URL or a header value (named by line, column and byte, as a body's are).
    static func refusal(ofHead head: [UInt8]) -> (status: String, message: String)? {
        if head.starts(with: connectMethod) {
            return ("405 Method Not Allowed", "CONNECT is not served: Lodestar is not a proxy; use GET, HEAD, POST, PUT or DELETE")
        }
        guard let offset = InvalidUTF8.firstOffset(head) else { return nil }
        return (
            "400 Bad Request",
            "the request head is not valid UTF-8 at \(InvalidUTF8.position(of: offset, in: head)); the URL and header values must be UTF-8 "
                + "(percent-encode other bytes in the URL)"
        )
    }

    private func activate(context: ChannelHandlerContext) {
        guard !counted else { return }
        counted = true
        let open = connections.open()
        guard open <= phase.limits.maxConnections else {
            refuse(context: context, open: open)
            return
        }
        phase.onTimeout = { [weak self] expired in self?.timedOut(expired, context: context) }
        phase.start()
    }

    /// Answers 503 at once, before reading the request (clients read an early answer), stops writing, and closes
    /// when the client does or after two seconds.
    private func refuse(context: ChannelHandlerContext, open: Int) {
        refused = true
        logger.warning("connection refused: too many open", metadata: ["open": "\(open)", "max": "\(phase.limits.maxConnections)"])
        let message =
            "the server has too many open connections (its limit is \(phase.limits.maxConnections)); try again shortly, "
            + "and reuse connections rather than opening new ones"
        context.writeAndFlush(wrapOutboundOut(Self.rawResponse(status: "503 Service Unavailable", message: message, context: context)))
            .assumeIsolatedUnsafeUnchecked().whenComplete { _ in context.close(mode: .output, promise: nil) }
        context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .seconds(2)) { context.close(promise: nil) }
    }

    private func timedOut(_ expired: ConnectionPhase.Phase, context: ChannelHandlerContext) {
        switch expired {
        case .idle:
            context.close(promise: nil)
        case .readingHead:
            logger.info("request head too slow: closing", metadata: ["seconds": "\(phase.limits.headerTimeout)"])
            let message = "the request head did not arrive within \(phase.limits.headerTimeout) s; send the request line and headers at once"
            context.writeAndFlush(wrapOutboundOut(Self.rawResponse(status: "408 Request Timeout", message: message, context: context)))
                .assumeIsolatedUnsafeUnchecked().whenComplete { _ in context.close(promise: nil) }
        case .readingBody:
            logger.info("request body paused too long: closing", metadata: ["seconds": "\(phase.limits.bodyTimeout)"])
            context.close(promise: nil)
        case .responding:
            break
        }
    }

    /// A whole HTTP/1.1 answer written below the HTTP encoder: used only when no request is being answered.
    static func rawResponse(status: String, message: String, context: ChannelHandlerContext) -> ByteBuffer {
        let body = message + "\n"
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n"
        return context.channel.allocator.buffer(string: head + body)
    }
}

@available(*, unavailable)
extension ConnectionGuard: Sendable {}
