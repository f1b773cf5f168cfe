public import RDF

/// UTF-8 JSON text on its way to a sink, handed over in chunks of about `chunkSize` bytes (STYLE.md §9: bytes straight
/// into a buffer, no `JSONEncoder`, no `String` per row).
struct JSONByteWriter {
    private let chunkSize: Int
    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []

    init(chunkSize: Int, sink: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = max(1, chunkSize)
        self.sink = sink
        buffer.reserveCapacity(self.chunkSize + 1024)
    }

    /// ASCII text as is: punctuation, keywords, indentation.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    mutating func newline(indent: Int) {
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { buffer.append(contentsOf: [0x20, 0x20]) }
    }

    /// A JSON string: quotes, then the text with `"`, `\`, control characters (C0 and DEL) and U+2028/U+2029 escaped,
    /// so the output is also safe to embed in JavaScript.
    mutating func string(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F && byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; any other sequence starting E2 passes through.
                    guard index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    escapeU(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 3
                    runStart = index
                    continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                index += 1
                runStart = index
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    @inline(never)
    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        default: escapeU(UInt16(byte))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private mutating func escapeU(_ code: UInt16) {
        buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { buffer.append(Self.hexDigits[Int(code >> UInt16(shift)) & 0xF]) }
    }

    /// Hands a chunk to the sink once the buffer holds `chunkSize` bytes.
    mutating func flushIfFull() throws {
        if buffer.count >= chunkSize { try flush() }
    }

    /// Hands everything buffered to the sink.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        try sink(chunk)
    }
}
