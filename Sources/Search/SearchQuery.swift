/// A reader's search text turned into an FTS5 query: every word must occur; a trailing `*` makes it a prefix. Words
/// are quoted, so FTS5 operators and punctuation in the text are plain words, never syntax (no query is an error).
public struct SearchQuery: Hashable, Sendable {
    /// The FTS5 MATCH expression, or `nil` when the text holds no word.
    public let match: String?

    /// At most this many words count: a query is a few words, not a document.
    static let wordLimit = 16

    public init(_ text: String) {
        var terms: [String] = []
        for rawWord in text.split(whereSeparator: { $0.isWhitespace }).prefix(Self.wordLimit) {
            let prefix = rawWord.hasSuffix("*")
            // unicode61 splits on anything not a letter or digit: do the same, so "e-government" is two words.
            let parts = rawWord.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            for (index, part) in parts.enumerated() {
                let last = index == parts.count - 1
                terms.append("\"\(part)\"" + (prefix && last ? "*" : ""))
            }
        }
        match = terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
