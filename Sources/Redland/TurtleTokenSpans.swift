/// Where the tokens of a Turtle or TriG document lie, coarsely: enough to cut the document between two tokens, never
/// inside a string or an IRI (`RaptorErrorLocator` parses such cuts again to find the token raptor fails at).
///
/// A token here is a string (a long one whole, even when it runs on over later lines), an IRI, a comment, one of
/// `. ; , [ ] ( ) { }`, or a run of other characters (a prefixed name, a number, a keyword, `^^`, a language tag).
/// Lines are counted as raptor's lexer counts them, newlines inside long strings included. One pass, linear.
enum TurtleTokenSpans {
    /// The byte ranges of the tokens that start on 1-based `line`, in document order.
    static func tokens(onLine line: Int, of bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var current = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                current += 1
                if current > line { break }
                continue
            }
            if isBlank(byte) {
                index += 1
                continue
            }
            let end = tokenEnd(from: index, in: bytes)
            if current == line { spans.append(index..<end) }
            current += lineBreaks(in: bytes[index..<end])
            if current > line { break }
            index = end
        }
        return spans
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: ","),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            true
        default: isBlank(byte)
        }
    }

    /// The end of the token that starts at `start` (not a blank, not a line break).
    private static func tokenEnd(from start: Int, in bytes: [UInt8]) -> Int {
        let byte = bytes[start]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if start + 2 < bytes.count, bytes[start + 1] == byte, bytes[start + 2] == byte {
                return longStringEnd(from: start + 3, quote: byte, in: bytes)
            }
            var index = start + 1
            while index < bytes.count, bytes[index] != byte, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(index + 1, bytes.count)
        case UInt8(ascii: "<"):
            // raptor's lexer reads an IRI up to the next `>`, across lines.
            return (bytes[(start + 1)...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) ?? bytes.count
        case UInt8(ascii: "#"):
            var index = start
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
            return index
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return start + 1
        default:
            // A `.` belongs to a name or number only when more of it follows (`ex:a.b`, `2.5`); otherwise it ends a statement.
            var index = start
            while index < bytes.count, !isDelimiter(bytes[index]) {
                if bytes[index] == UInt8(ascii: "."),
                    index + 1 == bytes.count || isDelimiter(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: ".")
                {
                    break
                }
                index += 1
            }
            return max(index, start + 1)
        }
    }

    private static func longStringEnd(from start: Int, quote: UInt8, in bytes: [UInt8]) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote, index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            index += 1
        }
        return bytes.count
    }

    private static func lineBreaks(in bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                count += 1
            } else if bytes[index] == UInt8(ascii: "\r") {
                count += 1
                if index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            }
            index += 1
        }
        return count
    }
}
