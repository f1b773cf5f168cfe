/// Where bytes stop being UTF-8, for messages that say where (STYLE: bad input gets what and where).
enum InvalidUTF8 {
    /// The offset of the first byte that does not start a valid UTF-8 sequence, or `nil` if all are valid.
    static func firstOffset(_ bytes: some Sequence<UInt8>) -> Int? {
        // Every request head is checked, and nearly all are ASCII: checked bytewise, not decoded scalar by scalar.
        if bytes.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) == true { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// "line L, column C (byte B, 0xXX)" for the byte at `offset` of `bytes`; lines and columns count from 1, columns
    /// in bytes.
    static func position(of offset: Int, in bytes: [UInt8]) -> String {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return "line \(line), column \(offset - lineStart + 1) (byte \(offset + 1), 0x" + String(bytes[offset], radix: 16, uppercase: true) + ")"
    }
}
