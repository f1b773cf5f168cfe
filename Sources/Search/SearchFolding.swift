import Foundation

/// Accent folding beyond FTS5's: `unicode61 remove_diacritics 2` folds Latin letters only, so "Αθηνα" would not find
/// "Αθήνα" nor "елка" find "ёлка". Every text is folded here before it is indexed and every query before it is
/// matched: each character loses the combining diacritical marks of its canonical decomposition (U+0300–U+036F and
/// the other Combining Diacritical Marks blocks; not the vowel signs of Indic scripts, which are letters' parts).
/// Each character folds to one character, so a snippet of the folded text maps back onto the original.
enum SearchFolding {
    /// `text` with each character's diacritics removed; `text` itself when nothing changes (all ASCII, most often).
    static func folded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterLetter = false
        for scalar in text.unicodeScalars {
            var kept = scalar
            if scalar.value >= 0xC0 {
                if isDiacritic(scalar) {
                    // A mark with nothing before it (at the start, after a line break) is a character of its own: it stays.
                    if afterLetter { continue }
                } else if scalar.value < tableEnd, let base = Unicode.Scalar(bases[Int(scalar.value - 0xC0)]), base.value != 0 {
                    kept = base
                }
            }
            afterLetter = scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value)
            if kept.value < 0x80 { bytes.append(UInt8(kept.value)) } else { UTF8.encode(kept) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where `bases` ends: the letters with diacritics (Latin, Greek, Cyrillic and their extended blocks) are below.
    private static let tableEnd: UInt32 = 0x3000

    /// For each scalar from U+00C0 to `tableEnd`: the one scalar it is without its diacritics (`é` → `e`, `ῆ` → `η`),
    /// or 0 when it has none (or loses more than them). Built once, from Foundation's canonical decompositions, so that
    /// folding costs an array read per scalar.
    private static let bases: [UInt32] = (UInt32(0xC0)..<tableEnd).map { value in
        guard let scalar = Unicode.Scalar(value), !isDiacritic(scalar) else { return 0 }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard decomposed.contains(where: isDiacritic) else { return 0 }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: decomposed.filter { !isDiacritic($0) })
        let composed = String(kept).precomposedStringWithCanonicalMapping.unicodeScalars
        return composed.count == 1 ? composed.first!.value : 0
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
