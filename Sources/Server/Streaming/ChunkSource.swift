/// Produces a response body as chunks of about 64 KiB, synchronously: each call computes (evaluates rows, encodes
/// terms) until a chunk is ready. The caller holds a `ComputeLimiter` permit around each call and writes the chunk
/// to the client between calls, so memory stays bounded by one chunk whatever the result's size (STYLE.md §8).
package protocol ChunkSource: AnyObject {
    /// The next chunk, or `nil` after the last.
    /// - Throws: `QueryEvaluationError` (timeout, cancellation) or a serializer's error; the body then ends abnormally.
    func nextChunk() throws -> [UInt8]?
}

/// A chunk source moving from the handler (which pulls the first chunk before answering, so that early errors are
/// still HTTP errors) into the response body's writer task.
///
/// `@unchecked Sendable`: the source is not thread-safe, but it is used by one task at a time — the handler until it
/// returns the response, then the body writer — each call awaited before the next is made (on whichever of the
/// limiter's threads runs it), and the hand-over is the response itself, which orders the two.
package final class ChunkStream: @unchecked Sendable {
    private let source: any ChunkSource

    package init(_ source: any ChunkSource) { self.source = source }

    package func nextChunk() throws -> [UInt8]? { try source.nextChunk() }
}

/// Collects what a serializer's sink receives until the source hands it on.
final class PendingOutput {
    private(set) var bytes: [UInt8] = []

    /// A sink for serializers that write in chunks of their own.
    var sink: ([UInt8]) throws -> Void {
        { [unowned self] chunk in
            // Usually the first chunk: taking the array shares its storage, where appending would copy every byte.
            if self.bytes.isEmpty { self.bytes = chunk } else { self.bytes.append(contentsOf: chunk) }
        }
    }

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }

    func append(_ chunk: [UInt8]) { bytes.append(contentsOf: chunk) }

    /// Everything collected so far; empties the buffer.
    func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}

/// Chunks computed in advance (raptor's abbreviating writers produce their whole output at the end anyway).
final class PrecomputedChunks: ChunkSource {
    private var chunks: [[UInt8]]

    init(_ chunks: [[UInt8]]) { self.chunks = chunks.reversed() }

    func nextChunk() throws -> [UInt8]? { chunks.popLast() }
}
