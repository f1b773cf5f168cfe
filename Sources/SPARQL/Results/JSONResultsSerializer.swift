import RDF

/// Writes the SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/), compactly:
/// `{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"uri","value":"…"}},…]}}` and a final newline.
///
/// Unbound variables are left out of their binding object, `datatype` is left out for `xsd:string`, and strings escape
/// `"`, `\`, every control character, and U+2028/U+2029 (which JavaScript before ES2019 rejects in string literals).
enum JSONResultsSerializer {
    /// Each variable's object key, `"name":`, encoded once per result set.
    static func keys(for variables: [String]) -> [[UInt8]] {
        variables.map { variable in
            var sink = ByteSink(initialCapacity: 0) { _ in }
            sink.appendJSONString(variable)
            sink.append(UInt8(ascii: ":"))
            return sink.pendingBytes
        }
    }

    static func writeHead(_ variables: [String], to out: inout ByteSink) {
        out.append("{\"head\":{\"vars\":[")
        for (index, variable) in variables.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.appendJSONString(variable)
        }
        out.append("]},\"results\":{\"bindings\":[")
    }

    static func writeRow(_ row: [Term?], keys: [[UInt8]], isFirst: Bool, to out: inout ByteSink) {
        writeRow(count: row.count, keys: keys, isFirst: isFirst, to: &out) { index, write in
            guard let term = row[index] else { return false }
            term.withSpelling(write)
            return true
        }
    }

    /// A row of a query's solutions, each term copied from the dataset's spelling rather than decoded.
    static func writeRow(_ row: [TermID?], of solutions: QuerySolutions, keys: [[UInt8]], isFirst: Bool, to out: inout ByteSink) {
        writeRow(count: row.count, keys: keys, isFirst: isFirst, to: &out) { index, write in
            guard let id = row[index] else { return false }
            solutions.withSpelling(of: id, write)
            return true
        }
    }

    /// Writes a binding object; `spell(i, write)` hands value `i`'s spelling to `write`, or returns false when unbound.
    @inline(__always)
    private static func writeRow(
        count: Int, keys: [[UInt8]], isFirst: Bool, to out: inout ByteSink,
        spell: (Int, (TermSpelling) -> Void) -> Bool
    ) {
        if !isFirst { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "{"))
        var needsComma = false
        for index in 0..<count {
            let bound = spell(index) { spelling in
                if needsComma { out.append(UInt8(ascii: ",")) }
                out.append(keys[index])
                writeTerm(spelling, to: &out)
            }
            if bound { needsComma = true }
        }
        out.append(UInt8(ascii: "}"))
    }

    static func writeTerm(_ term: TermSpelling, to out: inout ByteSink) {
        switch term.kind {
        case .iri: out.append("{\"type\":\"uri\",\"value\":")
        case .blankNode: out.append("{\"type\":\"bnode\",\"value\":")
        case .typedLiteral, .languageLiteral: out.append("{\"type\":\"literal\",\"value\":")
        }
        out.appendJSONString(term.value)
        if term.kind == .languageLiteral {
            out.append(",\"xml:lang\":")
            out.appendJSONString(term.qualifier)
        } else if term.kind == .typedLiteral && !term.isXSDString {
            out.append(",\"datatype\":")
            out.appendJSONString(term.qualifier)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func writeFooter(to out: inout ByteSink) {
        out.append("]}}\n")
    }

    static func writeBoolean(_ value: Bool, to out: inout ByteSink) {
        out.append(value ? "{\"head\":{},\"boolean\":true}\n" : "{\"head\":{},\"boolean\":false}\n")
    }
}

extension ByteSink {
    /// Appends `string` as a JSON string literal, quotes included.
    mutating func appendJSONString(_ string: String) {
        string.withUTF8Bytes { appendJSONString($0) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal, quotes included.
    mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var index = 0
        while index < bytes.count {
            // Copy the run of bytes that need no escape in one go (long definitions are mostly such runs).
            let runStart = index
            index = Self.endOfPlainRun(bytes, from: index)
            if index > runStart { append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            case 0x00..<0x20: appendUnicodeEscape(byte)
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                append(bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            default: append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }

    /// The index of the first byte from `start` on that `needsNoEscape` refuses, or `bytes.count`. Skips eight bytes at a
    /// time while a word holds none of them (most text), then finds the byte one at a time.
    @inline(__always)
    private static func endOfPlainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count, !mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
        }
        while index < bytes.count, needsNoEscape(bytes[index]) { index += 1 }
        return index
    }

    /// False only if no byte of `word` is below 0x20, `"`, `\` or 0xE2 (the classic "has a zero byte" and "has a byte
    /// less than n" tests, which never miss such a byte; a false alarm only sends the word to the byte loop).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// True for a byte JSON takes as it is (and that does not start U+2028 or U+2029).
    @inline(__always)
    private static func needsNoEscape(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2
    }
}
