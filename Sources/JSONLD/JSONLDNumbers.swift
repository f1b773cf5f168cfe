public import RDF

/// Number forms JSON-LD's RDF conversion needs (JSON-LD 1.1 API §8.6, https://www.w3.org/TR/json-ld11-api/#data-round-tripping):
/// the canonical `xsd:double` form ("1.1E0") and ECMAScript's `Number.prototype.toString`, which the spec uses for
/// integers and JSON literals use for every number (RFC 8785 §3.2.2.3).
enum JSONLDNumbers {
    /// The shortest decimal digits that round-trip `value`: `value = ±0.d₁d₂…dₙ × 10^exponent`, d₁ ≠ 0 (digits "0"
    /// and exponent 1 for zero).
    struct Decimal {
        var negative: Bool
        var digits: [UInt8]  // ASCII
        var exponent: Int
    }

    static func decimal(_ value: Double) -> Decimal {
        // Swift's description prints the shortest round-tripping digits: "1.1", "1e-07", "1.2345e+20", "100.0".
        let text = value.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var pointPosition: Int?
        for byte in mantissa.utf8 {
            if byte == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else {
                digits.append(byte)
            }
        }
        exponent += pointPosition ?? digits.count
        while digits.count > 1, digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits == [UInt8(ascii: "0")] { exponent = 1 }
        return Decimal(negative: value.sign == .minus, digits: digits, exponent: exponent)
    }

    /// XSD's canonical `xsd:double`: "1.1E0", "-5.0E-7", "1.0E21", "0.0E0".
    static func canonicalDouble(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        let decimal = decimal(value)
        var text = decimal.negative ? "-" : ""
        text.unicodeScalars.append(Unicode.Scalar(decimal.digits[0]))
        text += "."
        text += decimal.digits.count > 1 ? String(decoding: decimal.digits.dropFirst(), as: UTF8.self) : "0"
        let exponent = decimal.digits == [UInt8(ascii: "0")] ? 0 : decimal.exponent - 1
        return text + "E" + String(exponent)
    }

    /// ECMAScript's Number::toString (ECMA-262 §6.1.6.1.20): "100", "1.5", "1e+21", "1e-7", "-0.001".
    static func ecmaScript(_ value: Double) -> String {
        if value.isNaN || value.isInfinite { return "null" }  // JSON.stringify's answer
        if value == 0 { return "0" }
        let decimal = decimal(value)
        let k = decimal.digits.count
        let n = decimal.exponent
        let digits = String(decoding: decimal.digits, as: UTF8.self)
        var text = decimal.negative ? "-" : ""
        if k <= n && n <= 21 {
            text += digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            text += digits.prefix(n) + "." + digits.dropFirst(n)
        } else if -6 < n && n <= 0 {
            text += "0." + String(repeating: "0", count: -n) + digits
        } else {
            text += digits.prefix(1)
            if k > 1 { text += "." + digits.dropFirst() }
            text += "e" + (n - 1 >= 0 ? "+" : "-") + String((n - 1).magnitude)
        }
        return text
    }

    /// The lexical form and default datatype of a native JSON number (§8.6 step 10): integers (no fractional part,
    /// magnitude below 10²¹) as `xsd:integer`, the rest as canonical `xsd:double`; `asDouble` forces the latter.
    /// Integer literals keep every digit, where a JavaScript processor would round past 2⁵³.
    static func lexicalForm(of number: JSONNumber, asDouble: Bool) -> (lexical: String, datatype: IRI) {
        if number.isIntegerLiteral && !asDouble {
            var digits = Substring(number.text)
            let negative = digits.hasPrefix("-")
            if negative { digits = digits.dropFirst() }
            if digits.count < 22 {
                if digits.allSatisfy({ $0 == "0" }) { return ("0", XSD.integer) }
                return ((negative ? "-" : "") + digits, XSD.integer)
            }
        }
        let value = number.double
        if !asDouble && value.isFinite && value == value.rounded(.towardZero) && value.magnitude < 1e21 {
            return (ecmaScript(value == 0 ? 0 : value), XSD.integer)
        }
        return (canonicalDouble(value), XSD.double)
    }
}
