/// Lexical forms of `xsd:float` and `xsd:double` values, as XPath's cast to `xs:string` writes them.
///
/// They start from the shortest digit string that reads back as the same value, which is what Swift's `description`
/// prints, so 0.1 prints as "0.1" and not "0.1000000000000000055…". Whole numbers print without exponent or point
/// ("6"), as W3C's expected results for arithmetic on doubles have them.
enum NumericFormatting {
    /// A finite binary floating-point value as `±d₁.d₂…dₙ × 10^exponent` with the fewest digits that round-trip.
    struct ShortestDigits {
        var negative: Bool
        /// Decimal digits 0…9, no leading or trailing zeros; `[0]` for zero.
        var digits: [UInt8]
        var exponent: Int
    }

    /// Parses Swift's `description` of a finite Float or Double ("1.5", "1e-07", "1.2e+16", "-0.0").
    static func shortestDigits(_ description: String) -> ShortestDigits {
        var text = Substring(description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...].replacing("+", with: "")) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var pointPosition: Int?
        for character in text.utf8 {
            if character == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else {
                digits.append(character - UInt8(ascii: "0"))
            }
        }
        var point = pointPosition ?? digits.count
        while digits.count > 1, digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        if digits == [0] { return ShortestDigits(negative: negative, digits: [0], exponent: 0) }
        return ShortestDigits(negative: negative, digits: digits, exponent: point - 1 + exponent)
    }

    /// XPath 3.1 §19.1.2.2 cast to `xs:string`: plain decimal notation when 10^-6 ≤ |value| < 10^6 ("1", "1.25",
    /// "-0"), otherwise the canonical scientific form.
    static func xpathString(_ value: Double) -> String {
        special(value.isNaN, value.isInfinite, value < 0)
            ?? xpathString(shortestDigits(value.description), positional: value.magnitude >= 1e-6 && value.magnitude < 1e6)
    }

    static func xpathString(_ value: Float) -> String {
        special(value.isNaN, value.isInfinite, value < 0)
            ?? xpathString(shortestDigits(value.description), positional: value.magnitude >= 1e-6 && value.magnitude < 1e6)
    }

    private static func xpathString(_ shortest: ShortestDigits, positional: Bool) -> String {
        if shortest.digits == [0] { return shortest.negative ? "-0" : "0" }
        guard positional else { return scientific(shortest) }
        return (shortest.negative ? "-" : "") + plain(shortest.digits, exponent: shortest.exponent)
    }

    /// `d₁.d₂…dₙ × 10^exponent` in positional notation, without a point for whole numbers: ([1,2,5], 0) → "1.25".
    static func plain(_ digits: [UInt8], exponent: Int) -> String {
        let text = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        if exponent < 0 { return "0." + String(repeating: "0", count: -exponent - 1) + text }
        if exponent + 1 >= digits.count { return text + String(repeating: "0", count: exponent + 1 - digits.count) }
        let point = text.index(text.startIndex, offsetBy: exponent + 1)
        return text[..<point] + "." + text[point...]
    }

    /// XSD's scientific form, `d.dddEn` with at least one fractional digit: "1.0E7", "-1.25E-7".
    private static func scientific(_ shortest: ShortestDigits) -> String {
        let digits = shortest.digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return (shortest.negative ? "-" : "") + String(digits[0]) + "." + fraction + "E" + String(shortest.exponent)
    }

    private static func special(_ isNaN: Bool, _ isInfinite: Bool, _ isNegative: Bool) -> String? {
        if isNaN { return "NaN" }
        if isInfinite { return isNegative ? "-INF" : "INF" }
        return nil
    }
}
