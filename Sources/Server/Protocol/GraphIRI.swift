/// Checks on IRIs that arrive as request parameters (`graph=`, `default-graph-uri=`).
package enum GraphIRI {
    /// Characters an IRI cannot hold, besides controls and spaces (RFC 3987 §2.2).
    private static let forbidden: Set<Unicode.Scalar> = ["<", ">", "\"", "{", "}", "|", "\\", "^", "`"]

    /// True for an absolute IRI: a scheme (a letter, then letters, digits, `+`, `-`, `.`), a colon, and no character
    /// an IRI cannot hold.
    package static func isAbsolute(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].unicodeScalars
        guard let first = scheme.first, first.isASCIILetter else { return false }
        for scalar in scheme.dropFirst() where !(scalar.isASCIILetter || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)) {
            return false
        }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || forbidden.contains($0) }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
