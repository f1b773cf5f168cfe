import Foundation

/// Accent folding beyond FTS5's: `unicode61 remove_diacritics 2` folds Latin letters only, so "Αθηνα" would not find
/// "Αθήνα" nor "елка" find "ёлка". Every text is folded here before it is indexed and every query before it is
/// matched: each character loses the combining diacritical marks of its canonical decomposition (U+0300–U+036F and
/// the other Combining Diacritical Marks blocks; not the vowel signs of Indic scripts, which are letters' parts).
/// Each character folds to exactly one character, so a snippet of the folded text maps back onto the original.
enum SearchFolding {
    /// `text` with each character's diacritics removed; `text` itself when nothing changes (all ASCII, most often).
    static func folded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            guard character.unicodeScalars.contains(where: { $0.value >= 0xC0 }) else {
                result.append(character)
                continue
            }
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !isDiacritic($0) })
            let base = String(kept).precomposedStringWithCanonicalMapping
            // A mark with no letter before it (at the start of a text) stays: one character in, one out.
            result.append(base.count == 1 ? Character(base) : character)
        }
        return result
    }

    private static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// FTS5's snippet of `folded` (the indexed text), with its match markers and ellipses, shown with the characters of
    /// `original`; the snippet unchanged if it cannot be placed (which folding one character to one makes rare).
    static func restore(snippet: String, folded: String, original: String, markers: Set<Character>) -> String {
        let originalCharacters = Array(original)
        let foldedCharacters = Array(folded)
        guard foldedCharacters.count == originalCharacters.count else { return snippet }
        let plain = String(snippet.filter { !markers.contains($0) })
        guard !plain.isEmpty, let range = folded.firstRange(of: plain) else { return snippet }
        var position = folded.distance(from: folded.startIndex, to: range.lowerBound)
        var restored = ""
        for character in snippet {
            if markers.contains(character) || position >= originalCharacters.count {
                restored.append(character)
            } else {
                restored.append(originalCharacters[position])
                position += 1
            }
        }
        return restored
    }
}
