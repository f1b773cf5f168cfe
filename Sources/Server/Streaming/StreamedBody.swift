import Hummingbird
import Logging
import NIOCore
import SPARQL

/// A response body that writes chunks already computed, then pulls the rest from a `ChunkStream` one chunk at a time,
/// each under a `ComputeLimiter` permit and the request's deadline (STYLE.md §8).
///
/// Once bytes have gone out, an error can no longer change the status. It is logged; the body then gets a last line
/// saying why it is incomplete (it makes a JSON or XML document invalid, and shows in CSV, TSV and text), and the
/// connection is closed without the final chunk of the chunked encoding, so every HTTP client reports a truncated
/// body rather than a complete one.
enum StreamedBody {
    /// What happened to a stream, for metrics.
    enum Outcome: Sendable {
        case completed
        /// Stopped by its deadline after the first byte.
        case timedOut
        /// Stopped by another error (the client went away, a serializer failed).
        case failed
    }

    /// - Parameters:
    ///   - ready: chunks to write first.
    ///   - complete: true if `ready` is everything; the body then has a `Content-Length`.
    ///   - rest: the chunks after `ready`; read only when `complete` is false.
    ///   - finished: called once the body ends, however it ends.
    static func make(
        ready: [[UInt8]],
        complete: Bool,
        rest: ChunkStream?,
        limiter: ComputeLimiter,
        deadline: ContinuousClock.Instant?,
        logger: Logger,
        finished: @escaping @Sendable (Outcome) -> Void = { _ in }
    ) -> ResponseBody {
        if complete {
            var buffer = ByteBuffer()
            buffer.reserveCapacity(ready.reduce(0) { $0 + $1.count })
            for chunk in ready { buffer.writeBytes(chunk) }
            finished(.completed)
            return ResponseBody(byteBuffer: buffer)
        }
        guard let rest else { preconditionFailure("an incomplete body needs the rest of its chunks") }
        return ResponseBody { writer in
            do {
                for chunk in ready { try await writer.write(ByteBuffer(bytes: chunk)) }
                while let chunk = try await limiter.withPermit(deadline: deadline, { try rest.nextChunk() }) {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
            } catch {
                let timedOut = error as? QueryEvaluationError == .timeout || error as? ComputeLimiter.Refusal == .timeout
                logger.warning("response stopped after its first bytes", metadata: ["error": "\(error)"])
                finished(timedOut ? .timedOut : .failed)
                let reason = timedOut ? "the query ran past its time limit" : "\(error)"
                let marker = "\n\n# Lodestar: the response is incomplete: \(reason)\n"
                try? await writer.write(ByteBuffer(string: marker))
                throw error
            }
            finished(.completed)
            try await writer.finish(nil)
        }
    }
}
