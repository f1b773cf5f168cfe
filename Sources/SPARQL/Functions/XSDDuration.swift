public import RDF

/// The value of an `xsd:duration`, `xsd:dayTimeDuration` or `xsd:yearMonthDuration` literal (XSD 1.1 §3.3.6,
/// https://www.w3.org/TR/xmlschema11-2/#duration): a signed number of months and a signed number of seconds.
///
/// SPARQL needs it for `TIMEZONE` results and for comparing them; durations are equal when both parts are
/// (XPath `op:duration-equal`), and only two day-time or two year-month durations are ordered.
public struct XSDDuration: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case duration, dayTimeDuration, yearMonthDuration

        public var datatype: IRI {
            switch self {
            case .duration: IRI(XSD.namespace + "duration")
            case .dayTimeDuration: XSD.dayTimeDuration
            case .yearMonthDuration: IRI(XSD.namespace + "yearMonthDuration")
            }
        }
    }

    public let kind: Kind
    /// Signed months: years × 12 plus months.
    public let months: Int
    /// Signed seconds: days, hours, minutes and seconds together; same sign as `months`.
    public let seconds: XSDDecimal

    public init(kind: Kind, months: Int = 0, seconds: XSDDecimal = .zero) {
        self.kind = kind
        self.months = months
        self.seconds = seconds
    }

    /// The value of a duration literal; `nil` for other datatypes or lexical forms outside the datatype's lexical space.
    public init?(_ literal: Literal) {
        for kind in [Kind.duration, .dayTimeDuration, .yearMonthDuration] where literal.datatype == kind.datatype {
            self.init(lexicalForm: literal.lexicalForm, kind: kind)
            return
        }
        return nil
    }

    /// Parses `-?PnYnMnDTnHnMn.nS` with at least one part; day-time durations have no Y/M, year-month ones only Y/M.
    public init?(lexicalForm text: String, kind: Kind) {
        var scanner = LexicalScanner(Array(text.utf8))
        let negative = scanner.skip("-")
        guard scanner.skip("P") else { return nil }
        var months = 0
        var seconds = XSDDecimal.zero
        var parts = 0
        var hasYearOrMonth = false
        var hasDayOrTime = false
        var inTime = false
        var lastDesignator = 0  // enforces Y M D T H M S order
        while !scanner.atEnd {
            if scanner.skip("T") {
                guard !inTime, !scanner.atEnd else { return nil }
                inTime = true
                lastDesignator = 4
                continue
            }
            guard let digits = scanner.digits() else { return nil }
            var number = String(decoding: digits, as: UTF8.self)
            if inTime, scanner.skip(".") {
                guard let fraction = scanner.digits(), scanner.peek == UInt8(ascii: "S") else { return nil }
                number += "." + String(decoding: fraction, as: UTF8.self)
            }
            guard let designator = scanner.peek, let value = XSDDecimal(lexicalForm: number) else { return nil }
            scanner.index += 1
            let order: Int
            let unitSeconds: Int128
            switch (inTime, designator) {
            case (false, UInt8(ascii: "Y")): (order, unitSeconds) = (1, 0)
            case (false, UInt8(ascii: "M")): (order, unitSeconds) = (2, 0)
            case (false, UInt8(ascii: "D")): (order, unitSeconds) = (3, 86_400)
            case (true, UInt8(ascii: "H")): (order, unitSeconds) = (5, 3600)
            case (true, UInt8(ascii: "M")): (order, unitSeconds) = (6, 60)
            case (true, UInt8(ascii: "S")): (order, unitSeconds) = (7, 1)
            default: return nil
            }
            guard order > lastDesignator else { return nil }
            lastDesignator = order
            parts += 1
            if order <= 2 { hasYearOrMonth = true } else { hasDayOrTime = true }
            if order <= 2 {
                guard let whole = value.integerValue, let count = Int(exactly: whole) else { return nil }
                let (scaled, overflow) = count.multipliedReportingOverflow(by: order == 1 ? 12 : 1)
                guard !overflow else { return nil }
                months += scaled
            } else {
                guard let product = try? value.multiplying(by: XSDDecimal(unitSeconds)),
                    let sum = try? seconds.adding(product)
                else { return nil }
                seconds = sum
            }
        }
        guard parts > 0, lastDesignator != 4 else { return nil }
        switch kind {
        case .dayTimeDuration where hasYearOrMonth: return nil
        case .yearMonthDuration where hasDayOrTime: return nil
        default: break
        }
        self.init(kind: kind, months: negative ? -months : months, seconds: negative ? seconds.negated : seconds)
    }

    /// The canonical lexical form: "PT0S", "-PT8H", "PT5H30M", "P1Y2M", "P1DT1.5S" ("P0M" for a zero year-month duration).
    public var lexicalForm: String {
        let negative = months < 0 || seconds.isNegative
        var text = negative ? "-P" : "P"
        let totalMonths = abs(months)
        if totalMonths / 12 > 0 { text += "\(totalMonths / 12)Y" }
        if totalMonths % 12 > 0 { text += "\(totalMonths % 12)M" }
        let magnitude = seconds.absoluteValue
        let whole = magnitude.truncated.integerValue ?? 0
        let fraction = (try? magnitude.subtracting(magnitude.truncated)) ?? .zero
        let (days, afterDays) = whole.quotientAndRemainder(dividingBy: 86_400)
        let (hours, afterHours) = afterDays.quotientAndRemainder(dividingBy: 3600)
        let (minutes, wholeSeconds) = afterHours.quotientAndRemainder(dividingBy: 60)
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || wholeSeconds > 0 || !fraction.isZero {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if wholeSeconds > 0 || !fraction.isZero {
                text += ((try? XSDDecimal(wholeSeconds).adding(fraction)) ?? .zero).description + "S"
            }
        }
        if text.hasSuffix("P") { text += kind == .yearMonthDuration ? "0M" : "T0S" }
        return text
    }

    public var description: String { lexicalForm }
    /// The value as a literal of its kind's datatype, in canonical form.
    public var literal: Literal { Literal(lexicalForm, datatype: kind.datatype) }
}
