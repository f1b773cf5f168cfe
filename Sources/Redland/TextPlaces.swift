/// Places in a document's bytes, counted as raptor and `UTF8Validator` count them: lines end at `\n`, `\r\n` or a lone
/// `\r`; columns count Unicode scalars. Both 1-based.
enum TextPlaces {
    /// The 1-based line and column of the byte at `offset` (the end of `bytes` is a place too). One pass up to `offset`.
    static func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 1
            case UInt8(ascii: "\r"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    // The `\n` that follows ends the same line.
                } else {
                    line += 1
                    column = 1
                }
            default:
                // A continuation byte (10xxxxxx) is part of the scalar already counted.
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            index += 1
        }
        return (line, column)
    }

    /// The byte offset where 1-based `line` starts, or `nil` if the document has fewer lines.
    static func start(ofLine line: Int, in bytes: [UInt8]) -> Int? {
        guard line > 1 else { return 0 }
        var current = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index == bytes.count || bytes[index] != UInt8(ascii: "\n"))) {
                current += 1
                if current == line { return index }
            }
        }
        return nil
    }
}
