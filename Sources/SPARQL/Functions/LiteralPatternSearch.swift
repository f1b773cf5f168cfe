/// A fast path for REGEX patterns that are plain words, or words joined by `|`, with no flag or only `i` — label
/// and definition searches, the usual case in a catalogue. ICU would copy every string to UTF-16 and run its matcher;
/// this searches the UTF-8 bytes directly.
struct LiteralPatternSearch {
    private let alternatives: [[UInt8]]
    private let caseInsensitive: Bool

    /// `nil` when the pattern needs a real regular expression (any metacharacter, other flags, an empty branch).
    init?(pattern: String, flags: String) {
        guard flags.isEmpty || flags == "i" else { return nil }
        caseInsensitive = flags == "i"
        var alternatives = [[UInt8]]()
        for branch in pattern.split(separator: "|", omittingEmptySubsequences: false) {
            guard !branch.isEmpty, branch.utf8.allSatisfy(Self.isPlain) else { return nil }
            alternatives.append(caseInsensitive ? branch.utf8.map(Self.lowercased) : Array(branch.utf8))
        }
        self.alternatives = alternatives
    }

    /// Whether any alternative occurs in `text`; `nil` when case-insensitive matching would need Unicode case
    /// folding (a non-ASCII character that folds to ASCII, such as the Kelvin sign or the long s).
    func matches(_ text: String) -> Bool? {
        if caseInsensitive && !text.utf8.allSatisfy({ $0 < 0x80 }) && Self.hasASCIIFoldingCharacter(text) { return nil }
        var contiguous = text
        return contiguous.withUTF8 { bytes in alternatives.contains { Self.contains(bytes, $0, folding: caseInsensitive) } }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], folding: Bool) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var start = 0
        while start + needle.count <= haystack.count {
            let byte = folding ? lowercased(haystack[start]) : haystack[start]
            if byte == first {
                var offset = 1
                while offset < needle.count, (folding ? lowercased(haystack[start + offset]) : haystack[start + offset]) == needle[offset] {
                    offset += 1
                }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Letters, digits, space and punctuation that mean nothing special in an XPath regex.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"),
            UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"):
            true
        default: false
        }
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Characters outside ASCII whose case folding is an ASCII letter (Unicode CaseFolding.txt).
    private static func hasASCIIFoldingCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { ["\u{212A}", "\u{017F}", "\u{0130}", "\u{0131}"].contains($0) }
    }
}
