/// The reader's languages from `Accept-Language` (RFC 9110 §12.5.4), best first, and how well a literal's language
/// tag matches them: pages show labels in the reader's language when the data has one.
public struct LanguagePreference: Hashable, Sendable {
    /// Lower-cased language ranges, best first; `*` and ranges with `q=0` left out.
    public let ranges: [String]

    /// At most this many ranges are kept: a header of thousands must not make every label comparison slow.
    static let limit = 16

    public init(ranges: [String]) { self.ranges = Array(ranges.prefix(Self.limit)) }

    /// Parses an `Accept-Language` value; `nil` or malformed parts give no preference (English, then untagged).
    public init(acceptLanguage: String?) {
        guard let acceptLanguage else {
            self.init(ranges: [])
            return
        }
        var weighted: [(range: String, quality: Double, order: Int)] = []
        for (order, part) in acceptLanguage.split(separator: ",").prefix(64).enumerated() {
            let pieces = part.split(separator: ";")
            guard let first = pieces.first else { continue }
            let range = first.trimmingSpaces.lowercased()
            guard !range.isEmpty, range != "*", range.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() {
                let pair = parameter.trimmingSpaces
                if pair.hasPrefix("q="), let value = Double(pair.dropFirst(2)) { quality = value }
            }
            if quality > 0 { weighted.append((range, quality, order)) }
        }
        weighted.sort { $0.quality != $1.quality ? $0.quality > $1.quality : $0.order < $1.order }
        self.init(ranges: weighted.map(\.range))
    }

    /// Lower is better: the reader's ranges in order (a range matches its own tag and its sub-tags: `fr` matches
    /// `fr-BE`; `fr-BE` also takes `fr`), then English, then no language tag, then anything else.
    public func rank(_ language: String?) -> Int {
        guard let language = language?.lowercased(), !language.isEmpty else { return ranges.count + 1 }
        for (index, range) in ranges.enumerated() {
            if language == range || language.hasPrefix(range + "-") || range.hasPrefix(language + "-") { return index }
        }
        if language == "en" || language.hasPrefix("en-") { return ranges.count }
        return ranges.count + 2
    }

    /// A key for caches and entity tags: pages differ by it.
    public var key: String { ranges.joined(separator: ",") }
}
