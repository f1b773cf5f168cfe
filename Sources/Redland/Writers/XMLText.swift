/// Escaping text for XML 1.0 and its name rules (https://www.w3.org/TR/xml/#NT-Name), as the RDF/XML writer needs them.
enum XMLText {
    /// Appends `text` as element content: `&`, `<`, `>` escaped, and carriage returns as `&#xD;` so they survive
    /// end-of-line normalisation.
    /// - Throws: `RedlandError(.invalidData)` for a character XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF).
    static func appendText(_ text: String, to buffer: inout [UInt8]) throws {
        try append(text, attribute: false, to: &buffer)
    }

    /// Appends `text` as a double-quoted attribute value: `&`, `<`, `"` escaped, and tab, line feed and carriage return
    /// as character references so attribute-value normalisation keeps them.
    static func appendAttribute(_ text: String, to buffer: inout [UInt8]) throws {
        try append(text, attribute: true, to: &buffer)
    }

    /// True if `text` has only characters XML 1.0 can hold.
    static func isAttributeSafe(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(isXMLCharacter) }

    private static func append(_ text: String, attribute: Bool, to buffer: inout [UInt8]) throws {
        var text = text
        try text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let replacement: String?
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = attribute ? nil : "&gt;"
                case UInt8(ascii: "\""): replacement = attribute ? "&quot;" : nil
                case 0x0D: replacement = "&#xD;"
                case 0x0A: replacement = attribute ? "&#xA;" : nil
                case 0x09: replacement = attribute ? "&#x9;" : nil
                case 0x00..<0x20:
                    throw RedlandError(.invalidData, "XML 1.0 cannot hold the character U+\(String(byte, radix: 16, uppercase: true)) in RDF/XML")
                // U+FFFE and U+FFFF are EF BF BE / EF BF BF in UTF-8.
                case 0xBE...0xBF where index >= 2 && bytes[index - 1] == 0xBF && bytes[index - 2] == 0xEF:
                    throw RedlandError(.invalidData, "XML 1.0 cannot hold the character U+FFF\(byte == 0xBE ? "E" : "F") in RDF/XML")
                default: replacement = nil
                }
                guard let replacement else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                buffer.append(contentsOf: replacement.utf8)
                start = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// Where the longest XML name (NCName: no colon) that ends `scalars` starts, or `nil` if `scalars` does not end in one.
    static func localNameStart(_ scalars: [Unicode.Scalar]) -> Int? {
        var start = scalars.count
        while start > 0 && isNameCharacter(scalars[start - 1]) { start -= 1 }
        while start < scalars.count && !isNameStartCharacter(scalars[start]) { start += 1 }
        return start < scalars.count ? start : nil
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func isNameStartCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default: false
        }
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStartCharacter(scalar)
        }
    }
}
