/// An exact `xsd:decimal` value (XSD 1.1 §3.3.3, https://www.w3.org/TR/xmlschema11-2/#decimal): `significand × 10^-scale`.
///
/// The significand is an `Int128`, so values carry up to 38 significant digits, and the scale (digits after the point)
/// is at most 38. Addition, subtraction and multiplication are exact while the result fits; otherwise they round away
/// the lowest fractional digits (half to even), and throw `ExpressionError.overflow` only when the integer part itself
/// does not fit (about ±1.7 × 10^38). Division keeps at least `divisionScale` fractional digits.
///
/// Values are normalised (no trailing fractional zeros), so `==` and `hash` are value equality: 1.0 == 1.
///
/// ```swift
/// let third = try XSDDecimal(1).dividing(by: XSDDecimal(3))   // 0.333333333333333333333333
/// XSDDecimal(lexicalForm: "+033.3300")?.description            // "33.33"
/// ```
public struct XSDDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The digits; never `Int128.min`, and not a multiple of 10 when `scale > 0`.
    public let significand: Int128
    /// How many of the significand's digits are after the decimal point, 0...38.
    public let scale: Int

    /// The largest scale a value can have.
    public static let maxScale = 38
    /// Fractional digits a quotient keeps when it does not terminate sooner (XPath leaves this to the implementation,
    /// requiring at least 18 total digits).
    public static let divisionScale = 24

    static let maxMagnitude = UInt128(Int128.max)
    /// 10^0 … 10^38; 10^38 is the largest power of ten a UInt128 holds.
    static let powersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    public static let zero = XSDDecimal(0)
    public static let one = XSDDecimal(1)

    /// The integer `value` as a decimal. `Int128.min` is clamped to `-Int128.max`, the smallest value a decimal holds.
    public init(_ value: Int128) {
        significand = value == .min ? -.max : value
        scale = 0
    }

    public init(_ value: Int) { self.init(Int128(value)) }

    /// A value from sign and magnitude, dropping trailing fractional zeros. The magnitude must be ≤ `Int128.max`.
    init(negative: Bool, magnitude: UInt128, scale: Int) {
        var magnitude = magnitude
        var scale = scale
        while scale > 0 && magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        precondition(magnitude <= Self.maxMagnitude && scale <= Self.maxScale, "decimal out of range")
        significand = negative ? -Int128(magnitude) : Int128(magnitude)
        self.scale = magnitude == 0 ? 0 : scale
    }

    /// Parses the `xsd:decimal` lexical space: `(+|-)?([0-9]+(.[0-9]*)?|.[0-9]+)`. Digits beyond 38 significant ones
    /// are rounded away; returns `nil` for other text or an integer part too large to hold.
    public init?(lexicalForm text: some StringProtocol) {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var magnitude: UInt128 = 0
        var scale = 0
        var digitCount = 0
        var seenPoint = false
        var truncated = false  // digits were dropped, so the next one decides rounding
        var roundUp = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            digitCount += 1
            let digit = UInt128(byte - UInt8(ascii: "0"))
            if truncated { continue }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(digit)
            let fits = !overflow1 && !overflow2 && next <= Self.maxMagnitude && (!seenPoint || scale < Self.maxScale)
            if fits {
                magnitude = next
                if seenPoint { scale += 1 }
            } else if seenPoint {
                truncated = true
                roundUp = digit >= 5
            } else {
                return nil  // the integer part alone does not fit
            }
        }
        guard digitCount > 0 else { return nil }
        if roundUp {
            if magnitude < Self.maxMagnitude {
                magnitude += 1
            } else {
                magnitude /= 10
                scale -= 1
            }
        }
        self.init(negative: negative, magnitude: magnitude, scale: scale)
    }

    /// The canonical lexical form (XSD 1.1 `decimalCanonicalMap`): no leading or trailing zeros, and no decimal point
    /// for whole numbers, so 2 is "2", 2.5 is "2.5" and -0.5 is "-0.5".
    public var description: String {
        let digits = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        if scale == 0 { return sign + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<point] + "." + padded[point...]
    }

    public var isNegative: Bool { significand < 0 }
    public var isZero: Bool { significand == 0 }
    /// True when the value has no fractional part.
    public var isInteger: Bool { scale == 0 }

    /// The value as an integer, if it has no fractional part.
    public var integerValue: Int128? { scale == 0 ? significand : nil }

    /// The nearest `Double` (correctly rounded, via the decimal string).
    public var doubleValue: Double { Double(description) ?? .nan }
    /// The nearest `Float` (correctly rounded, via the decimal string).
    public var floatValue: Float { Float(description) ?? .nan }

    public static func < (lhs: XSDDecimal, rhs: XSDDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeOrder = compareMagnitudes(lhs, rhs)
        return lhs.isNegative ? magnitudeOrder > 0 : magnitudeOrder < 0
    }

    /// -1, 0 or 1 as |a| is less than, equal to or greater than |b|.
    static func compareMagnitudes(_ a: XSDDecimal, _ b: XSDDecimal) -> Int {
        let (aInteger, aFraction) = a.significand.magnitude.quotientAndRemainder(dividingBy: powersOfTen[a.scale])
        let (bInteger, bFraction) = b.significand.magnitude.quotientAndRemainder(dividingBy: powersOfTen[b.scale])
        if aInteger != bInteger { return aInteger < bInteger ? -1 : 1 }
        let common = max(a.scale, b.scale)
        let aScaled = aFraction * powersOfTen[common - a.scale]
        let bScaled = bFraction * powersOfTen[common - b.scale]
        return aScaled == bScaled ? 0 : (aScaled < bScaled ? -1 : 1)
    }
}
