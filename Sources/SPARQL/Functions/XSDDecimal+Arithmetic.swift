/// Exact arithmetic and rounding on `XSDDecimal` (XPath F&O 3.1 §4.2, https://www.w3.org/TR/xpath-functions-31/#op.numeric).
extension XSDDecimal {
    /// `-self` (`op:numeric-unary-minus`); zero stays zero.
    public var negated: XSDDecimal { XSDDecimal(negative: !isNegative && !isZero, magnitude: significand.magnitude, scale: scale) }
    /// `|self|` (`fn:abs`).
    public var absoluteValue: XSDDecimal { XSDDecimal(negative: false, magnitude: significand.magnitude, scale: scale) }

    /// `self + other`, exact unless the result needs more than 38 digits; then fractional digits are rounded away.
    /// - Throws: `ExpressionError.overflow` when the integer part does not fit.
    public func adding(_ other: XSDDecimal) throws(ExpressionError) -> XSDDecimal {
        var scale = Swift.max(self.scale, other.scale)
        while scale >= 0 {
            if let a = rescaled(to: scale), let b = other.rescaled(to: scale) {
                let (sum, overflow) = a.addingReportingOverflow(b)
                if !overflow && sum != .min {
                    return XSDDecimal(negative: sum < 0, magnitude: sum.magnitude, scale: scale)
                }
            }
            scale -= 1
        }
        throw .overflow("\(self) + \(other)")
    }

    /// `self - other`; see `adding(_:)`.
    public func subtracting(_ other: XSDDecimal) throws(ExpressionError) -> XSDDecimal { try adding(other.negated) }

    /// `self × other`, exact unless the product needs more than 38 digits; then fractional digits are rounded away.
    /// - Throws: `ExpressionError.overflow` when the integer part does not fit.
    public func multiplying(by other: XSDDecimal) throws(ExpressionError) -> XSDDecimal {
        let product = significand.magnitude.multipliedFullWidth(by: other.significand.magnitude)
        let negative = isNegative != other.isNegative
        guard let (magnitude, scale) = Self.fit(high: product.high, low: product.low, scale: scale + other.scale) else {
            throw .overflow("\(self) × \(other)")
        }
        return XSDDecimal(negative: negative, magnitude: magnitude, scale: scale)
    }

    /// `self ÷ other`, with up to `divisionScale` fractional digits (more if the dividend has more), rounded half to even.
    /// - Throws: `ExpressionError.divisionByZero`, or `.overflow` when the quotient's integer part does not fit.
    public func dividing(by other: XSDDecimal) throws(ExpressionError) -> XSDDecimal {
        guard !other.isZero else { throw .divisionByZero }
        let divisor = other.significand.magnitude
        // Scale the dividend by 10^k, as far as the wanted precision and a 128-bit quotient allow.
        var high: UInt128 = 0
        var low = significand.magnitude
        let wanted = Swift.max(0, Self.divisionScale - scale + other.scale)
        var k = 0
        while k < wanted, let next = Self.times10(high: high, low: low), next.high < divisor {
            (high, low) = next
            k += 1
        }
        var resultScale = scale - other.scale + k
        var (quotient, remainder) = divisor.dividingFullWidth((high, low))
        if remainder > divisor - remainder || (remainder == divisor - remainder && quotient & 1 == 1) {
            guard quotient < .max else { throw .overflow("\(self) ÷ \(other)") }
            quotient += 1
        }
        if resultScale < 0 {
            let factor = Self.powersOfTen[Swift.min(-resultScale, 38)]
            let (scaled, overflow) = quotient.multipliedReportingOverflow(by: factor)
            guard -resultScale <= 38, !overflow else { throw .overflow("\(self) ÷ \(other)") }
            quotient = scaled
            resultScale = 0
        }
        guard let (magnitude, scale) = Self.fit(high: 0, low: quotient, scale: resultScale) else {
            throw .overflow("\(self) ÷ \(other)")
        }
        return XSDDecimal(negative: isNegative != other.isNegative, magnitude: magnitude, scale: scale)
    }

    /// The largest integer not greater than the value (`fn:floor`).
    public var floor: XSDDecimal { rounded { negative, _, hasFraction in negative && hasFraction } }
    /// The smallest integer not less than the value (`fn:ceiling`).
    public var ceiling: XSDDecimal { rounded { negative, _, hasFraction in !negative && hasFraction } }
    /// The integer part, rounding toward zero (casts to `xsd:integer`).
    public var truncated: XSDDecimal { rounded { _, _, _ in false } }
    /// The nearest integer, halves rounded toward positive infinity (`fn:round`): 2.5 → 3, -2.5 → -2.
    public var roundedHalfUp: XSDDecimal {
        rounded { negative, fractionVersusHalf, _ in negative ? fractionVersusHalf > 0 : fractionVersusHalf >= 0 }
    }

    /// Drops the fraction, then adds one to the magnitude when `awayFromZero(negative, fraction <=> 0.5, fraction != 0)`.
    private func rounded(_ awayFromZero: (Bool, Int, Bool) -> Bool) -> XSDDecimal {
        guard scale > 0 else { return self }
        let unit = Self.powersOfTen[scale]
        let (integer, fraction) = significand.magnitude.quotientAndRemainder(dividingBy: unit)
        let twice = fraction * 2  // < 2 × 10^38, within UInt128
        let versusHalf = twice == unit ? 0 : (twice < unit ? -1 : 1)
        let bump: UInt128 = awayFromZero(isNegative, versusHalf, fraction != 0) ? 1 : 0
        return XSDDecimal(negative: isNegative, magnitude: integer + bump, scale: 0)
    }

    /// The significand at `newScale`: exact when scaling up (nil on overflow), rounded half to even when scaling down.
    func rescaled(to newScale: Int) -> Int128? {
        if newScale == scale { return significand }
        if newScale > scale {
            let (value, overflow) = significand.magnitude.multipliedReportingOverflow(by: Self.powersOfTen[newScale - scale])
            guard !overflow, value <= Self.maxMagnitude else { return nil }
            return isNegative ? -Int128(value) : Int128(value)
        }
        let unit = Self.powersOfTen[scale - newScale]
        var (quotient, remainder) = significand.magnitude.quotientAndRemainder(dividingBy: unit)
        if remainder * 2 > unit || (remainder * 2 == unit && quotient & 1 == 1) { quotient += 1 }
        return isNegative ? -Int128(quotient) : Int128(quotient)
    }

    /// Divides a 256-bit magnitude by 10 until it fits 38 digits and `maxScale`, rounding half to even;
    /// nil if that would need a negative scale.
    static func fit(high: UInt128, low: UInt128, scale: Int) -> (UInt128, Int)? {
        var high = high
        var low = low
        var scale = scale
        var lastDigit: UInt128 = 0
        var sticky = false
        var dropped = false
        while high != 0 || low > maxMagnitude || scale > maxScale {
            guard scale > 0 else { return nil }
            if dropped { sticky = sticky || lastDigit != 0 }
            let quotientHigh = high / 10
            let (quotientLow, digit) = UInt128(10).dividingFullWidth((high % 10, low))
            (high, low, lastDigit) = (quotientHigh, quotientLow, digit)
            dropped = true
            scale -= 1
        }
        if dropped && (lastDigit > 5 || (lastDigit == 5 && (sticky || low & 1 == 1))) {
            if low == maxMagnitude {
                guard scale > 0 else { return nil }
                return ((low + 1) / 10, scale - 1)
            }
            low += 1
        }
        return (low, scale)
    }

    /// `(high, low) × 10` as 256 bits, or nil past 256 bits.
    static func times10(high: UInt128, low: UInt128) -> (high: UInt128, low: UInt128)? {
        let lowProduct = low.multipliedFullWidth(by: 10)
        let (highTimes10, overflow1) = high.multipliedReportingOverflow(by: 10)
        let (newHigh, overflow2) = highTimes10.addingReportingOverflow(lowProduct.high)
        guard !overflow1 && !overflow2 else { return nil }
        return (newHigh, lowProduct.low)
    }
}
