import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel with Lodestar's connection limits: `ConnectionGuard` first on the raw bytes,
/// `RequestPhaseHandler` after the decoder, and the decoder's head size limit from `ConnectionLimits`.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let limits: ConnectionLimits
    let connections: OpenConnections

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, connections: OpenConnections) {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.maxHeaderSize, maxHeaderListSize: limits.maxHeaderSize, maxHeaderFieldCount: 1000)
        base = HTTP1Channel(
            responder: responder,
            configuration: .init(additionalChannelHandlers: [RequestPhaseHandler()], idleTimeout: nil, httpDecoderConfiguration: decoder))
        self.limits = limits
        self.connections = connections
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = limits
        let connections = connections
        return channel.eventLoop.makeCompletedFuture {
            let phase = ConnectionPhase(limits: limits, eventLoop: channel.eventLoop)
            try channel.pipeline.syncOperations.addHandler(ConnectionGuard(phase: phase, connections: connections, logger: logger))
            try channel.pipeline.syncOperations.addHandler(ClientDepartureHandler())
        }.flatMap { base.setup(channel: channel, logger: logger) }
    }

    /// Hummingbird's handling, cancelled when the connection closes: Hummingbird itself lets a handler run on after
    /// its client has gone, holding a query thread until the deadline.
    func handle(value: Value, logger: Logger) async {
        let handling = Task { await base.handle(value: value, logger: logger) }
        value.channel.closeFuture.whenComplete { _ in handling.cancel() }
        await withTaskCancellationHandler {
            await handling.value
        } onCancel: {
            handling.cancel()
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 under `limits`, counting connections in `connections`.
    static func guardedHTTP1(limits: ConnectionLimits, connections: OpenConnections) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, limits: limits, connections: connections) }
    }
}
