/// An EIRA definition split into its parts ("DESCRIPTION:", "INTEROPERABILITY SALIENCY:", "EXAMPLES:", …), each
/// part into paragraphs (blank lines) and lines, for a page to show as readable text.
struct DefinitionText {
    struct Part {
        var heading: String?
        var paragraphs: [[String]]
    }

    static let markers = ["DESCRIPTION:", "INTEROPERABILITY SALIENCY:", "EXAMPLES:", "Attributes:"]

    let parts: [Part]

    init(_ text: String) {
        var parts: [Part] = []
        var current = Part(heading: nil, paragraphs: [])
        var paragraph: [String] = []
        func endParagraph() {
            if !paragraph.isEmpty { current.paragraphs.append(paragraph) }
            paragraph = []
        }
        for rawLine in Self.decodingEntities(text).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingSpaces
            if let marker = Self.markers.first(where: { line.hasPrefix($0) }) {
                endParagraph()
                if current.heading != nil || !current.paragraphs.isEmpty { parts.append(current) }
                current = Part(heading: Self.heading(marker), paragraphs: [])
                let rest = String(line.dropFirst(marker.count)).trimmingSpaces
                if !rest.isEmpty { paragraph.append(rest) }
            } else if line.isEmpty {
                endParagraph()
            } else {
                paragraph.append(line)
            }
        }
        endParagraph()
        if current.heading != nil || !current.paragraphs.isEmpty { parts.append(current) }
        self.parts = parts
    }

    /// "INTEROPERABILITY SALIENCY:" → "Interoperability saliency".
    private static func heading(_ marker: String) -> String {
        let words = marker.dropLast().lowercased()
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The published definitions hold XML entities escaped twice (`&amp;quot;`); show the characters they stand for.
    /// (The page escapes them again on output.)
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            result = result.replacingAll(entity, with: character)
        }
        return result
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace (spaces, tabs, carriage returns, no-break spaces).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation in this module).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
