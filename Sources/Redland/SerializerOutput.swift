/// Bytes on their way to a serializer's sink, handed over in chunks of about `chunkSize` bytes.
///
/// raptor writes through C callbacks, which cannot throw: an error from the sink is kept here, later writes are
/// dropped, and the serializer rethrows it at its next call.
final class SerializerOutput {
    private let chunkSize: Int
    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []
    /// The first error the sink threw.
    private(set) var error: (any Error)?

    init(chunkSize: Int, sink: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = max(1, chunkSize)
        self.sink = sink
        buffer.reserveCapacity(self.chunkSize)
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { flush() }
    }

    func append(_ byte: UInt8) {
        guard error == nil else { return }
        buffer.append(byte)
        if buffer.count >= chunkSize { flush() }
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Hands what is buffered to the sink, even if it is less than a chunk.
    func flush() {
        guard error == nil, !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        do {
            try sink(chunk)
        } catch {
            self.error = error
        }
    }

    /// Throws the sink's error, if it threw one.
    func check() throws {
        if let error { throw error }
    }
}
