/// Checks that input is UTF-8, chunk by chunk, and keeps the line and column it has reached.
///
/// raptor accepts invalid UTF-8 silently and librdf stores it (research/redland.md §4), so every input passes here
/// before a parser sees it. Lines end at `\n`, `\r\n` or a lone `\r`; columns count Unicode scalars. Both are 1-based.
struct UTF8Validator {
    /// Where validation failed: the error, and the offset in the chunk where the failing line starts (0 if it started
    /// in an earlier chunk), so the caller can still parse what came before.
    struct Failure: Error {
        var error: RedlandError
        var lineStart: Int
    }

    private(set) var line = 1
    private(set) var column = 1
    /// Bytes of a sequence that the previous chunk left unfinished.
    private var pending: [UInt8] = []
    private var lastWasCR = false
    /// Offset in the current chunk where the current line starts.
    private var lineStart = 0

    /// Validates the next chunk of input.
    /// - Throws: `Failure` at the first byte that does not belong to a valid sequence.
    mutating func validate(_ chunk: UnsafeBufferPointer<UInt8>, file: String?) throws(Failure) {
        var index = 0
        lineStart = 0
        if !pending.isEmpty {
            // Finish the sequence begun in the previous chunk, one byte at a time.
            while index < chunk.count, pending.count < Self.sequenceLength(pending[0]) {
                pending.append(chunk[index])
                index += 1
                guard Self.isValidPrefix(pending) else { throw failure(file) }
            }
            guard pending.count == Self.sequenceLength(pending[0]) else { return }
            pending.removeAll()
            advance(scalarStart: 0x80, at: index - 1)
        }
        while index < chunk.count {
            // Eight ASCII bytes that end no line move the column by eight: most RDF is such text.
            if index + 8 <= chunk.count, Self.isPlainASCII(UnsafeRawPointer(chunk.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                column += 8
                lastWasCR = false
                index += 8
                continue
            }
            let byte = chunk[index]
            if byte < 0x80 {
                advance(scalarStart: byte, at: index)
                index += 1
                continue
            }
            let length = Self.sequenceLength(byte)
            guard length > 1 else { throw failure(file) }
            let available = min(length, chunk.count - index)
            let sequence = chunk[index..<(index + available)]
            guard Self.isValidPrefix(sequence) else { throw failure(file) }
            if available < length {
                pending = Array(sequence)
                return
            }
            advance(scalarStart: byte, at: index)
            index += length
        }
    }

    /// Call at the end of input: an unfinished sequence is an error.
    func finish(file: String?) throws(Failure) {
        guard pending.isEmpty else { throw failure(file, "input ends inside a UTF-8 sequence") }
    }

    private mutating func advance(scalarStart byte: UInt8, at index: Int) {
        switch byte {
        case UInt8(ascii: "\n"):
            if !lastWasCR { line += 1 }
            column = 1
            lastWasCR = false
            lineStart = index + 1
        case UInt8(ascii: "\r"):
            line += 1
            column = 1
            lastWasCR = true
            lineStart = index + 1
        default:
            column += 1
            lastWasCR = false
        }
    }

    private func failure(_ file: String?, _ message: String = "invalid UTF-8") -> Failure {
        Failure(error: RedlandError(.invalidData, message, file: file, line: line, column: column), lineStart: lineStart)
    }

    /// Whether eight bytes are all ASCII and none is `\n` or `\r` (a byte equal to one of those leaves a zero byte in
    /// the XOR, which the borrow trick finds).
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & high != 0 }
        return word & high == 0 && !hasZeroByte(word ^ (ones &* 0x0A)) && !hasZeroByte(word ^ (ones &* 0x0D))
    }

    /// The length a lead byte announces; 0 for a byte that cannot start a sequence.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    /// True if `bytes` (a lead byte and up to its length of continuation bytes) can begin a valid scalar:
    /// no overlong forms, no surrogates, nothing above U+10FFFF (Unicode Table 3-7).
    private static func isValidPrefix(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        guard let lead = iterator.next(), let second = iterator.next() else { return true }
        let secondRange: ClosedRange<UInt8> =
            switch lead {
            case 0xE0: 0xA0...0xBF
            case 0xED: 0x80...0x9F
            case 0xF0: 0x90...0xBF
            case 0xF4: 0x80...0x8F
            default: 0x80...0xBF
            }
        guard secondRange.contains(second) else { return false }
        while let byte = iterator.next() {
            guard (0x80...0xBF).contains(byte) else { return false }
        }
        return true
    }
}
