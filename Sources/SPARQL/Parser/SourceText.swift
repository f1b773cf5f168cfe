import RDF

/// The query text as the lexer sees it: Unicode scalars after `\u`/`\U` escape processing, which SPARQL applies to the
/// whole text before parsing (https://www.w3.org/TR/sparql11-query/#codepointEscape), plus the way back to positions in
/// the text the user wrote, for error messages.
///
/// One deliberate departure: `\\` is kept as a pair, so `"\\u0041"` is the six characters `\u0041` rather than the
/// invalid `"\A"` a literal reading of §19.2 gives. Printed queries rely on it, and no W3C test depends on the difference.
struct SourceText {
    /// The text after escape processing.
    let scalars: [Unicode.Scalar]
    /// The text as written.
    private let original: [Unicode.Scalar]
    /// Each escape, as (index of the scalar it produced, index of its `\` in `original`); empty when there were none.
    private let escapes: [(processed: Int, original: Int, length: Int)]

    /// - Throws: `SPARQLSyntaxError` for an escape that names a surrogate or a value past U+10FFFF.
    init(_ text: String) throws {
        var original: [Unicode.Scalar] = []
        original.reserveCapacity(text.utf8.count)
        original.append(contentsOf: text.unicodeScalars)
        self.original = original
        guard Self.hasBackslash(original) else {
            self.scalars = original
            self.escapes = []
            return
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(original.count)
        var escapes: [(processed: Int, original: Int, length: Int)] = []
        var index = 0
        while index < original.count {
            let scalar = original[index]
            guard scalar == "\\", index + 1 < original.count else {
                scalars.append(scalar)
                index += 1
                continue
            }
            let marker = original[index + 1]
            let digits = marker == "u" ? 4 : marker == "U" ? 8 : 0
            if marker == "\\" {
                scalars.append("\\")
                scalars.append("\\")
                index += 2
                continue
            }
            guard digits > 0, index + 2 + digits <= original.count,
                let value = UInt32(String(String.UnicodeScalarView(original[(index + 2)..<(index + 2 + digits)])), radix: 16),
                original[(index + 2)..<(index + 2 + digits)].allSatisfy(\.properties.isASCIIHexDigit)
            else {
                scalars.append(scalar)
                index += 1
                continue
            }
            guard let decoded = Unicode.Scalar(value) else {
                let start = Self.position(in: original, at: index)
                let end = Self.position(in: original, at: index + 2 + digits)
                let written = String(String.UnicodeScalarView(original[index..<(index + 2 + digits)]))
                throw SPARQLSyntaxError("the escape '\(written)' is not a Unicode scalar value", start: start, end: end)
            }
            escapes.append((scalars.count, index, 2 + digits))
            scalars.append(decoded)
            index += 2 + digits
        }
        self.scalars = scalars
        self.escapes = escapes
    }

    /// Whether the text holds a `\\`, by a plain loop: the generic `contains` was a fifth of lexing a 5 MB literal.
    private static func hasBackslash(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.withUnsafeBufferPointer { buffer in
            for scalar in buffer where scalar == "\\" { return true }
            return false
        }
    }

    /// The source position of the scalar at `processedIndex` (or of the end of the text).
    func position(at processedIndex: Int) -> SourcePosition {
        Self.position(in: original, at: originalIndex(of: processedIndex))
    }

    /// The text of `scalars[range]`, encoded in one pass over the buffer: appending scalar by scalar cost a debug build
    /// about a second for a 5 MB literal.
    func text(_ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<scalars.count)
        return scalars.withUnsafeBufferPointer { buffer in
            var count = 0
            for index in range { count += UTF8.width(buffer[index]) }
            return String(unsafeUninitializedCapacity: count) { out in
                var written = 0
                for index in range {
                    let value = buffer[index].value
                    if value < 0x80 {
                        out[written] = UInt8(value)
                        written += 1
                    } else if value < 0x800 {
                        out[written] = UInt8(0xC0 | value >> 6)
                        out[written + 1] = UInt8(0x80 | value & 0x3F)
                        written += 2
                    } else if value < 0x10000 {
                        out[written] = UInt8(0xE0 | value >> 12)
                        out[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                        out[written + 2] = UInt8(0x80 | value & 0x3F)
                        written += 3
                    } else {
                        out[written] = UInt8(0xF0 | value >> 18)
                        out[written + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                        out[written + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                        out[written + 3] = UInt8(0x80 | value & 0x3F)
                        written += 4
                    }
                }
                return written
            }
        }
    }

    private func originalIndex(of processed: Int) -> Int {
        var shift = 0
        for escape in escapes {
            if escape.processed > processed { break }
            if escape.processed == processed { return escape.original }
            shift += escape.length - 1
        }
        return processed + shift
    }

    private static func position(in scalars: [Unicode.Scalar], at index: Int) -> SourcePosition {
        var line = 0
        var column = 0
        var offset = 0
        for scalar in scalars[0..<min(index, scalars.count)] {
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }
}
