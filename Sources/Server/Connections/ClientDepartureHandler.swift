import NIOCore

/// Closes the connection when the client stops sending (end of input), so that the request it was waiting for is
/// cancelled rather than computed for nobody (issue 15): `GuardedHTTP1Channel` cancels the handler's task when the
/// channel closes, and a query's work stops at its next deadline check (`QueryCancellation`).
///
/// Hummingbird allows half-closed connections, which would keep a departed client's request running to its deadline.
/// Like nginx, Lodestar takes the end of a client's input as the client having gone: a client must keep its side
/// open until it has read the answer.
final class ClientDepartureHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
