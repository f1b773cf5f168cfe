/// One element of an `Accept` header: a media range and its quality (RFC 9110 §12.5.1).
///
/// Types are kept lowercased; `*` stands for a wildcard. Parameters other than `q` are kept but do not take part in
/// matching: clients send `charset` and `profile` with types we serve in exactly one way, and ignoring them is kinder
/// than refusing (406) over a parameter.
package struct MediaRange: Hashable, Sendable {
    package var type: String
    package var subtype: String
    package var parameters: [String: String]
    /// 0…1; 0 means "not acceptable".
    package var quality: Double

    package init(type: String, subtype: String, parameters: [String: String] = [:], quality: Double = 1) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
        self.quality = quality
    }

    /// How closely this range names `mediaType` (a `type/subtype` without parameters), or `nil` if it does not match:
    /// 2 for the exact type, 1 for `type/*`, 0 for `*/*`. A more specific range decides the quality (RFC 9110 §12.5.1).
    /// Compares bytes, ignoring ASCII case, without building lowercased copies: it runs for every offer of every request.
    package func specificity(for mediaType: String) -> Int? {
        let bytes = mediaType.utf8
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        if type == "*" { return subtype == "*" ? 0 : nil }
        guard Self.equalIgnoringASCIICase(type.utf8, bytes[..<slash]) else { return nil }
        if subtype == "*" { return 1 }
        return Self.equalIgnoringASCIICase(subtype.utf8, bytes[bytes.index(after: slash)...]) ? 2 : nil
    }

    /// `lowercased` (already lowercase, as parsed) equals `other` up to ASCII case.
    private static func equalIgnoringASCIICase(_ lowercased: String.UTF8View, _ other: Substring.UTF8View) -> Bool {
        guard lowercased.count == other.count else { return false }
        return zip(lowercased, other).allSatisfy { expected, byte in
            expected == (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
    }

    /// The ranges of an `Accept` header value, in the order given. Malformed elements are skipped, as are quality
    /// values that do not parse (they count as 1, the default, only when absent).
    package static func parseAccept(_ header: String) -> [MediaRange] {
        var ranges: [MediaRange] = []
        for element in splitOutsideQuotes(header, on: ",") {
            let pieces = splitOutsideQuotes(element, on: ";")
            guard let essence = pieces.first?.trimmed.lowercased(), !essence.isEmpty else { continue }
            let typeParts = essence.split(separator: "/", omittingEmptySubsequences: false)
            guard typeParts.count == 2, !typeParts[0].isEmpty, !typeParts[1].isEmpty else { continue }
            let type = String(typeParts[0])
            let subtype = String(typeParts[1])
            guard type != "*" || subtype == "*" else { continue }
            var range = MediaRange(type: type, subtype: subtype)
            var valid = true
            for parameter in pieces.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let name = pair[0].trimmed.lowercased()
                var value = pair[1].trimmed
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                if name == "q" {
                    guard let quality = Double(value), (0...1).contains(quality) else {
                        valid = false
                        break
                    }
                    range.quality = quality
                } else {
                    range.parameters[name] = value
                }
            }
            if valid { ranges.append(range) }
        }
        return ranges
    }

    /// Splits on `separator` where it is not inside a quoted string.
    private static func splitOutsideQuotes(_ text: some StringProtocol, on separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                quoted.toggle()
            } else if character == separator && !quoted {
                parts.append(Substring(text[start..<index]))
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(Substring(text[start...]))
        return parts
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
    package var trimmed: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
