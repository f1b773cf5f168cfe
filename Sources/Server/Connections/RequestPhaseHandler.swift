import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Sits after the HTTP decoder: tells `ConnectionPhase` when a request head is decoded, when its body ends and when
/// the answer ends, and answers a head the decoder cannot read with its proper status and a message — 414 for a URL
/// too long, 431 for headers too large, 400 otherwise — instead of Hummingbird's bare 400.
final class RequestPhaseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var phase: ConnectionPhase?

    init() {}

    func handlerAdded(context: ChannelHandlerContext) {
        phase = try? context.pipeline.syncOperations.handler(type: ConnectionGuard.self).phase
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: phase?.headDecoded()
        case .body: break
        case .end: phase?.requestEnded()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { phase?.responseEnded() }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A body that breaks off is the route's to answer (ErrorResponses): no more of it will come, so its pause
        // timer stops while the route answers. Only a head nobody has seen is ours.
        guard let parserError = error as? HTTPParserError, let phase, phase.phase == .idle || phase.phase == .readingHead else {
            if error is HTTPParserError, phase?.phase == .readingBody { phase?.requestEnded() }
            context.fireErrorCaught(error)
            return
        }
        let error = parserError
        let (status, message) = Self.describe(error, requestLineTooLong: phase.requestLineTooLong, limit: phase.limits.maxHeaderSize)
        phase.stop()
        let body = context.channel.allocator.buffer(string: message + "\n")
        let head = HTTPResponse(
            status: status,
            headerFields: [.contentType: "text/plain; charset=utf-8", .contentLength: String(body.readableBytes), .connection: "close"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolatedUnsafeUnchecked().whenComplete { _ in context.close(promise: nil) }
    }

    /// The status and message for a request head the decoder refused.
    static func describe(_ error: HTTPParserError, requestLineTooLong: Bool, limit: Int) -> (HTTPResponse.Status, String) {
        switch error {
        case .headerOverflow where requestLineTooLong:
            (.uriTooLong, "the request URL is longer than the limit of \(limit) bytes; send a long query in a POST body instead")
        case .headerOverflow:
            (
                .requestHeaderFieldsTooLarge,
                "the request headers are larger than the limit of \(limit) bytes in all (or than 1,000 fields); send fewer or shorter headers"
            )
        default:
            (.badRequest, "the request head is not valid HTTP/1.1 (\(error)); check the request line and the header syntax")
        }
    }
}

@available(*, unavailable)
extension RequestPhaseHandler: Sendable {}
