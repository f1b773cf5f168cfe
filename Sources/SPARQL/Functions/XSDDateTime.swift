public import RDF

/// The value of an `xsd:dateTime`, `xsd:date` or `xsd:time` literal (XSD 1.1 §3.3.7–9,
/// https://www.w3.org/TR/xmlschema11-2/#dateTime), in the proleptic Gregorian calendar with a year 0.
///
/// "24:00:00" is normalised to 00:00:00 of the next day, as XSD's value space has it. Values with and without a
/// timezone are only partially ordered (XSD 1.1 §D.2.1): see `compare(_:)`.
public struct XSDDateTime: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case dateTime, date, time

        public var datatype: IRI {
            switch self {
            case .dateTime: XSD.dateTime
            case .date: XSD.date
            case .time: XSD.time
            }
        }
    }

    public let kind: Kind
    /// The year; negative for BCE, 0 for 1 BCE. 1972 for `.time` values (XSD's reference date).
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    /// Seconds, 0 ≤ second < 60, with any fractional digits.
    public let second: XSDDecimal
    /// Minutes east of UTC, -840…840, or `nil` when the literal has no timezone.
    public let timezoneOffset: Int?

    /// A value from its fields, which the caller has validated; an hour of 24 rolls over to the next day.
    public init(
        kind: Kind,
        year: Int,
        month: Int,
        day: Int,
        hour: Int = 0,
        minute: Int = 0,
        second: XSDDecimal = .zero,
        timezoneOffset: Int? = nil
    ) {
        var (year, month, day, hour) = (year, month, day, hour)
        if kind == .time {
            (year, month, day) = (1972, 12, 31)
        }
        if hour == 24 {
            hour = 0
            if kind == .dateTime { (year, month, day) = Self.civil(fromDays: Self.days(year, month, day) + 1) }
        }
        (self.kind, self.year, self.month, self.day, self.hour, self.minute) = (kind, year, month, day, hour, minute)
        self.second = second
        self.timezoneOffset = timezoneOffset
    }

    /// The value of a literal typed `xsd:dateTime`, `xsd:dateTimeStamp` (which requires a timezone), `xsd:date` or
    /// `xsd:time`; `nil` for other datatypes and for lexical forms outside the lexical space.
    public init?(_ literal: Literal) {
        let datatype = literal.datatype
        if datatype == XSD.dateTime {
            self.init(lexicalForm: literal.lexicalForm, kind: .dateTime)
        } else if datatype == XSD.date {
            self.init(lexicalForm: literal.lexicalForm, kind: .date)
        } else if datatype == XSD.time {
            self.init(lexicalForm: literal.lexicalForm, kind: .time)
        } else if datatype.value == XSD.namespace + "dateTimeStamp" {
            self.init(lexicalForm: literal.lexicalForm, kind: .dateTime)
            if timezoneOffset == nil { return nil }
        } else {
            return nil
        }
    }

    /// Parses `[-]YYYY-MM-DD`, `THH:MM:SS[.s+]` or both, then an optional `Z` or `±HH:MM` timezone, as `kind` requires.
    public init?(lexicalForm text: String, kind: Kind) {
        var scanner = LexicalScanner(Array(text.utf8))
        var (year, month, day) = (1972, 12, 31)
        if kind != .time {
            let negative = scanner.skip("-")
            guard let digits = scanner.digits(), digits.count >= 4, digits.count <= 18,
                digits.count == 4 || digits.first != UInt8(ascii: "0"), let value = LexicalScanner.integer(digits),
                scanner.skip("-"), let m = scanner.number(2), scanner.skip("-"), let d = scanner.number(2),
                (1...12).contains(m), d >= 1, d <= Self.daysInMonth(negative ? -value : value, m)
            else { return nil }
            (year, month, day) = (negative ? -value : value, m, d)
        }
        var (hour, minute, second) = (0, 0, XSDDecimal.zero)
        if kind != .date {
            if kind == .dateTime && !scanner.skip("T") { return nil }
            guard let h = scanner.number(2), scanner.skip(":"), let m = scanner.number(2), scanner.skip(":"),
                let s = scanner.number(2), h <= 24, m <= 59, s <= 59
            else { return nil }
            var secondsText = String(s)
            if scanner.skip(".") {
                guard let fraction = scanner.digits() else { return nil }
                secondsText += "." + String(decoding: fraction, as: UTF8.self)
            }
            guard let seconds = XSDDecimal(lexicalForm: secondsText), h < 24 || (m == 0 && seconds.isZero) else { return nil }
            (hour, minute, second) = (h, m, seconds)
        }
        var offset: Int?
        if scanner.skip("Z") {
            offset = 0
        } else if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            scanner.index += 1
            guard let h = scanner.number(2), scanner.skip(":"), let m = scanner.number(2), m <= 59, h < 14 || (h == 14 && m == 0)
            else { return nil }
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (h * 60 + m)
        }
        guard scanner.atEnd else { return nil }
        self.init(
            kind: kind,
            year: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second,
            timezoneOffset: offset
        )
    }

    /// The instant `seconds` after 1970-01-01T00:00:00Z, rounded to the millisecond, in UTC.
    public init(secondsSince1970 seconds: Double) {
        let milliseconds = Int64((seconds * 1000).rounded())
        let (days, rest) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (dayCount, millisecondOfDay) = rest < 0 ? (days - 1, rest + 86_400_000) : (days, rest)
        let (year, month, day) = Self.civil(fromDays: Int(dayCount) + Self.days(1970, 1, 1))
        let secondOfDay = Int(millisecondOfDay / 1000)
        let second = (try? XSDDecimal(Int(millisecondOfDay % 60_000)).dividing(by: XSDDecimal(1000))) ?? .zero
        self.init(
            kind: .dateTime,
            year: year,
            month: month,
            day: day,
            hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60,
            second: second,
            timezoneOffset: 0
        )
    }

    public var datatype: IRI { kind.datatype }

    /// The canonical lexical form (XSD 1.1): fractional seconds without trailing zeros, `Z` for a zero offset.
    public var lexicalForm: String {
        var text = ""
        if kind != .time {
            text += (year < 0 ? "-" : "") + Self.pad(abs(year), 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        }
        if kind == .dateTime { text += "T" }
        if kind != .date {
            let seconds = second.description
            let secondsPadded =
                (seconds.firstIndex(of: ".").map { seconds.distance(from: seconds.startIndex, to: $0) } ?? seconds.count) < 2
                ? "0" + seconds : seconds
            text += Self.pad(hour, 2) + ":" + Self.pad(minute, 2) + ":" + secondsPadded
        }
        return text + timezoneLexicalForm
    }

    public var description: String { lexicalForm }
    /// The value as a literal of its kind's datatype, in canonical form.
    public var literal: Literal { Literal(lexicalForm, datatype: datatype) }

    /// "Z", "+05:30", "-08:00", or "" without a timezone.
    var timezoneLexicalForm: String {
        guard let offset = timezoneOffset else { return "" }
        if offset == 0 { return "Z" }
        return (offset < 0 ? "-" : "+") + Self.pad(abs(offset) / 60, 2) + ":" + Self.pad(abs(offset) % 60, 2)
    }

    /// Seconds since 0001-01-01T00:00:00 of the local (untimezoned) fields.
    var localSeconds: XSDDecimal {
        let whole = Int128(Self.days(year, month, day)) * 86_400 + Int128(hour * 3600 + minute * 60)
        return (try? XSDDecimal(whole).adding(second)) ?? .zero
    }

    /// Seconds since 0001-01-01T00:00:00Z, taking a missing timezone as UTC.
    var utcSeconds: XSDDecimal {
        (try? localSeconds.subtracting(XSDDecimal((timezoneOffset ?? 0) * 60))) ?? .zero
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension XSDDateTime {
    static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 0001-01-01 to the date (proleptic Gregorian; negative before it).
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        // Howard Hinnant's days_from_civil, shifted to count from 0001-01-01.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 306
    }

    /// The inverse of `days(_:_:_:)`.
    static func civil(fromDays count: Int) -> (year: Int, month: Int, day: Int) {
        let z = count + 306
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A cursor over ASCII bytes for the date/time and duration grammars.
struct LexicalScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// One or more digits, or nil.
    mutating func digits() -> ArraySlice<UInt8>? {
        let start = index
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
        return index > start ? bytes[start..<index] : nil
    }

    /// The value of ASCII decimal digits; nil for other bytes or overflow.
    static func integer(_ digits: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1 && !overflow2 else { return nil }
            value = next
        }
        return value
    }

    /// Exactly `count` digits as a number.
    mutating func number(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        let slice = bytes[index..<index + count]
        guard let value = LexicalScanner.integer(slice) else { return nil }
        index += count
        return value
    }
}
