/// Serializer output: bytes accumulate in one buffer, and every ~64 KiB the buffer is handed to the consumer's closure
/// (STYLE.md §9: UTF-8 straight into a buffer, no `String` per row).
///
/// Writers call `append` freely and `flushIfFull()` at row boundaries, so a chunk may exceed `chunkSize` by one row.
struct ByteSink {
    /// The size at which a chunk is handed on.
    static let chunkSize = 64 * 1024

    private var buffer: [UInt8] = []
    private let consumer: ([UInt8]) throws -> Void

    /// - Parameters:
    ///   - initialCapacity: Bytes to reserve up front; results grow the buffer to a chunk as they need.
    ///   - consumer: Receives each chunk, in order.
    init(initialCapacity: Int = 16 * 1024, _ consumer: @escaping ([UInt8]) throws -> Void) {
        self.consumer = consumer
        buffer.reserveCapacity(initialCapacity)
    }

    /// The bytes not yet handed on.
    var pendingBytes: [UInt8] { buffer }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends an ASCII (or any UTF-8) literal without creating a `String`.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends `string`'s UTF-8 bytes unchanged.
    mutating func append(utf8 string: String) {
        var string = string
        string.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// Hands the buffer on once it has reached `chunkSize`.
    /// - Throws: Whatever the consumer throws.
    @inline(__always)
    mutating func flushIfFull() throws {
        if buffer.count >= Self.chunkSize {
            try flush()
            // More rows are coming: make room for a whole chunk at once rather than growing by doubling.
            buffer.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
        }
    }

    /// Hands whatever is buffered to the consumer; does nothing when the buffer is empty.
    /// - Throws: Whatever the consumer throws.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        // The consumer now shares the storage, so keeping capacity here would copy; start a fresh buffer instead.
        buffer = []
        try consumer(chunk)
    }
}

extension ByteSink {
    /// The upper-case hexadecimal digit for `value` (0…15).
    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    /// Appends an ASCII control byte as `\u00XX` (the UCHAR escape of JSON, N-Triples and Turtle).
    mutating func appendUnicodeEscape(_ byte: UInt8) {
        append("\\u00")
        append(Self.hexDigit(byte >> 4))
        append(Self.hexDigit(byte & 0xF))
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying a native string.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8(body)
    }
}
