public import RDF

/// A strict JSON reader (RFC 8259, https://www.rfc-editor.org/rfc/rfc8259) that reports errors with line and column.
///
/// Whole document in, `JSONValue` tree out: JSON-LD may put `@context` after the data it governs, so the processor
/// needs the whole tree anyway, and query results are read whole too. Refuses invalid UTF-8, unescaped control
/// characters, lone surrogates, duplicate keys (RFC 8259 §4 leaves them undefined, and JSON-LD documents must not
/// have them) and nesting deeper than `maximumDepth`, which also bounds the recursion of the algorithms that walk the tree.
package struct JSONTokenizer {
    /// The nesting limit unless the caller gives another.
    package static let defaultMaximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var index = 0

    /// Parses one JSON document, allowing surrounding whitespace and a leading UTF-8 byte order mark.
    /// - Throws: `JSONSyntaxError` with the position of the first error.
    package static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONSyntaxError) -> JSONValue {
        var tokenizer = JSONTokenizer(bytes: bytes, maximumDepth: maximumDepth)
        tokenizer.index = documentOffset(in: bytes)
        let value = try tokenizer.parseValue(depth: 0)
        tokenizer.skipWhitespace()
        guard tokenizer.index == bytes.count else { throw tokenizer.error("unexpected text after the JSON document") }
        return value
    }

    /// Byte offset of the document's value: after a byte order mark and whitespace.
    package static func documentOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var tokenizer = JSONTokenizer(bytes: bytes, maximumDepth: 0)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { tokenizer.index = 3 }
        tokenizer.skipWhitespace()
        return tokenizer.index
    }

    /// Byte offset of element `element` of the array whose `[` is at `arrayOffset`, in a document `parse` accepted.
    /// Arrays do not keep their elements' offsets, so this reads the array again up to the element: only for errors.
    package static func offset(ofElement element: Int, inArrayAt arrayOffset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var tokenizer = JSONTokenizer(bytes: bytes, maximumDepth: .max)
        tokenizer.index = arrayOffset + 1
        for _ in 0..<element {
            tokenizer.skipWhitespace()
            _ = try? tokenizer.parseValue(depth: 0)
            tokenizer.skipWhitespace()
            tokenizer.index += 1  // the ','
        }
        tokenizer.skipWhitespace()
        return min(tokenizer.index, bytes.count)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < maximumDepth else {
            var failure = error("JSON nested more than \(maximumDepth) levels deep")
            failure.exceedsNestingLimit = true
            throw failure
        }
        guard let byte = peek() else { throw error("unexpected end of the JSON document") }
        switch byte {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("expected a JSON value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        var object = JSONObject(offset: index)
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return object
        }
        while true {
            skipWhitespace()
            let keyOffset = index
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a string as object key") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
            index += 1
            skipWhitespace()
            let valueOffset = index
            let value = try parseValue(depth: depth + 1)
            guard object.add(key, value, offset: keyOffset, valueOffset: valueOffset) else {
                throw error("duplicate key \"\(key)\" in an object", at: keyOffset)
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return object
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return elements
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        let contentStart = index
        // Fast path: a string without escapes is decoded straight from the input.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return try decode(UnsafeBufferPointer(rebasing: bytes[contentStart..<(index - 1)]), at: start)
        }
        var value = Array(bytes[contentStart..<index])
        while true {
            guard let byte = peek() else { throw error("unterminated string", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try value.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try decode(buffer, at: start) }
            case UInt8(ascii: "\\"):
                try parseEscape(into: &value)
            case 0..<0x20:
                throw error("control character U+\(String(byte, radix: 16, uppercase: true)) in a string must be escaped")
            default:
                value.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into value: inout [UInt8]) throws(JSONSyntaxError) {
        guard index + 1 < bytes.count else { throw error("unterminated escape") }
        let escaped = bytes[index + 1]
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): value.append(escaped)
        case UInt8(ascii: "b"): value.append(0x08)
        case UInt8(ascii: "f"): value.append(0x0C)
        case UInt8(ascii: "n"): value.append(0x0A)
        case UInt8(ascii: "r"): value.append(0x0D)
        case UInt8(ascii: "t"): value.append(0x09)
        case UInt8(ascii: "u"):
            let start = index
            index += 2
            var code = try parseHex4()
            if (0xD800...0xDBFF).contains(code) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired UTF-16 surrogate in a \\u escape", at: start)
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired UTF-16 surrogate in a \\u escape", at: start) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("unpaired UTF-16 surrogate in a \\u escape", at: start) }
            value.append(contentsOf: String(scalar).utf8)
            return
        default: throw error("invalid escape sequence")
        }
        index += 2
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var code: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in a \\u escape")
            }
            code = code << 4 | UInt32(digit)
        }
        index += 4
        return code
    }

    // MARK: Numbers and literals

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw error("expected a digit") }
        index += 1
        if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) { throw error("leading zeros are not allowed in a JSON number") }
        skipDigits()
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return JSONNumber(text: String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func expect(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw error("expected a JSON value") }
        index += count
    }

    // MARK: Helpers

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private mutating func skipDigits() { while let byte = peek(), isDigit(byte) { index += 1 } }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private func decode(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONSyntaxError) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw error("invalid UTF-8 in a string", at: offset) }
        return text
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let offset = min(offset ?? index, bytes.count)
        return JSONSyntaxError(message, at: Self.position(ofOffset: offset, in: bytes))
    }

    /// Line and column of a byte offset: lines end at LF, CR LF or a lone CR; columns count Unicode scalars.
    /// Linear in `offset`, so only for errors.
    package static func position(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        let offset = min(max(offset, 0), bytes.count)
        var line = 0
        var lineStart = 0
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        // Count scalars as the bytes that do not continue a UTF-8 sequence.
        let column = bytes[lineStart..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourcePosition(line: line, column: column, offset: offset)
    }
}

/// Input that is not JSON: what is wrong and where (0-based, printed 1-based). Each reader wraps it in its own error.
package struct JSONSyntaxError: Error, Hashable, Sendable {
    package var message: String
    package var position: SourcePosition
    /// True when the document is nested deeper than the reader allows, so a reader can word that its own way.
    package var exceedsNestingLimit = false

    package init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }
}
