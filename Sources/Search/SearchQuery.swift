/// A reader's search text turned into an FTS5 query: every word must occur; a trailing `*` makes a word a prefix;
/// words between double quotes must occur together, in that order (an unclosed quote runs to the end). Words are
/// quoted in the FTS5 query, so FTS5's operators (`AND`, `NEAR`, `col:`, `^`…) and punctuation in the text are plain
/// words, never syntax: no text is an error.
public struct SearchQuery: Hashable, Sendable {
    /// The FTS5 MATCH expression, or `nil` when the text holds no word.
    public let match: String?

    /// At most this many words count: a query is a few words, not a document.
    static let wordLimit = 16

    public init(_ text: String) {
        // Folded as the indexed texts are, so that accents never matter (Greek and Cyrillic ones included).
        let text = SearchFolding.folded(text)
        var terms: [String] = []
        var words = 0
        for (index, segment) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() where words < Self.wordLimit {
            var phrase: [String] = []
            var phraseIsPrefix = false
            for rawWord in segment.split(whereSeparator: { $0.isWhitespace }) {
                let prefix = rawWord.hasSuffix("*")
                // unicode61 splits on anything not a letter or digit: do the same, so "e-government" is two words.
                let parts = rawWord.split { !($0.isLetter || $0.isNumber) }.map(String.init).prefix(Self.wordLimit - words)
                words += parts.count
                phrase += parts
                if !parts.isEmpty { phraseIsPrefix = prefix }
                if index % 2 == 0 {
                    for (offset, part) in parts.enumerated() {
                        terms.append("\"\(part)\"" + (prefix && offset == parts.count - 1 ? "*" : ""))
                    }
                }
            }
            if index % 2 == 1, !phrase.isEmpty { terms.append("\"\(phrase.joined(separator: " "))\"" + (phraseIsPrefix ? "*" : "")) }
        }
        match = terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }
}
