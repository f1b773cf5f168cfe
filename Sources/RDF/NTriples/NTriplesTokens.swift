/// The byte-level pieces of the N-Triples grammar (https://www.w3.org/TR/n-triples/#n-triples-grammar) that both
/// term readers share: `IRIREF` with its `UCHAR` escapes, and the `ECHAR`/`UCHAR` escapes of string literals.
///
/// `NQuadsParser` reads them in N-Quads lines and the SPARQL TSV results reader in Turtle-style fields. The rest of
/// their grammars differ (TSV also has `'…'` strings, bare numbers and booleans, and no relative-IRI or language-tag
/// checks), so only these are shared. Each function reads at `index`, moves it past what it read, never reads at or
/// past `end`, and throws a `Failure` that the caller turns into its own error type with a line and column.
package enum NTriplesTokens {
    /// What is wrong, and the byte offset the caller should report it at.
    package struct Failure: Error, Sendable {
        package var message: String
        package var offset: Int

        init(_ message: String, at offset: Int) {
            self.message = message
            self.offset = offset
        }
    }

    /// Reads `IRIREF` (`<…>`, `index` at the `<`) and returns its text with escapes decoded; it may be relative.
    /// - Parameter refusingEscapedDelimiters: also refuse a `\u`/`\U` escape of a character `IRIREF` cannot hold
    ///   unescaped (space, `<`, `>`, `"`, …), as N-Triples does.
    package static func readIRIRef(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: inout Int,
        end: Int,
        refusingEscapedDelimiters: Bool
    ) throws(Failure) -> String {
        let start = index
        index += 1
        // Most IRIs hold no escape: their text is the bytes between the brackets, made into a String once.
        while index < end, bytes[index] != UInt8(ascii: "\\") {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                defer { index += 1 }
                guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]), as: UTF8.self) else {
                    throw Failure("invalid UTF-8", at: start)
                }
                return text
            }
            if isForbiddenUnescaped(byte) { throw Failure("character not allowed in an IRI", at: index) }
            index += 1
        }
        var value = Array(bytes[(start + 1)..<index])
        while true {
            guard index < end else { throw Failure("unterminated IRI", at: start) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ">"):
                index += 1
                guard let text = String(validating: value, as: UTF8.self) else { throw Failure("invalid UTF-8", at: start) }
                return text
            case UInt8(ascii: "\\"):
                let scalar = try readUnicodeEscape(bytes, at: &index, end: end)
                if refusingEscapedDelimiters, forbiddenInIRI(scalar) {
                    throw Failure("character U+\(String(scalar.value, radix: 16)) not allowed in an IRI", at: index)
                }
                value.append(contentsOf: String(scalar).utf8)
            default:
                if isForbiddenUnescaped(byte) { throw Failure("character not allowed in an IRI", at: index) }
                value.append(byte)
                index += 1
            }
        }
    }

    /// Bytes `IRIREF` never holds as they are (besides `>`, which ends it, and `\`, which starts an escape).
    @inline(__always)
    private static func isForbiddenUnescaped(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "^"),
            UInt8(ascii: "`"):
            true
        default: false
        }
    }

    /// Reads one escape in a string literal (`index` at the `\`), `ECHAR` or `UCHAR`, appending its UTF-8 to `value`.
    package static func readStringEscape(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: inout Int,
        end: Int,
        into value: inout [UInt8]
    ) throws(Failure) {
        guard index + 1 < end else { throw Failure("unterminated escape", at: index) }
        let replacement: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "\""): replacement = 0x22
        case UInt8(ascii: "'"): replacement = 0x27
        case UInt8(ascii: "\\"): replacement = 0x5C
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            value.append(contentsOf: String(try readUnicodeEscape(bytes, at: &index, end: end)).utf8)
            return
        default: throw Failure("invalid escape sequence", at: index)
        }
        index += 2
        value.append(replacement)
    }

    /// `[a-zA-Z0-9-]`: the bytes a language tag after `@` is made of (its form is for each reader to check).
    package static func isLanguageTagByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// `UCHAR`: `\uXXXX` or `\UXXXXXXXX` at `index`.
    private static func readUnicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, end: Int) throws(Failure) -> Unicode.Scalar {
        let start = index
        guard index + 1 < end else { throw Failure("unterminated escape", at: index) }
        let digits: Int
        switch bytes[index + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw Failure("expected \\u or \\U", at: index)
        }
        guard index + 2 + digits <= end else { throw Failure("truncated unicode escape", at: index) }
        var code: UInt32 = 0
        for byte in bytes[(index + 2)..<(index + 2 + digits)] {
            guard let digit = hexValue(byte) else { throw Failure("invalid hex digit in unicode escape", at: start) }
            code = code << 4 | digit
        }
        guard let scalar = Unicode.Scalar(code) else { throw Failure("escape is not a Unicode scalar value", at: start) }
        index += 2 + digits
        return scalar
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func forbiddenInIRI(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{00}"..."\u{20}", "<", ">", "\"", "{", "}", "|", "^", "`", "\\": true
        default: false
        }
    }
}
