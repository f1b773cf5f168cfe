import RDF
import Testing

@testable import SPARQL

@Suite("Dates, times and durations")
struct DateTimeTests {
    private let example = Fn.dateTime("2011-01-10T14:45:13.815-05:00")

    /// §17.4.5 examples.
    @Test func accessors() throws {
        #expect(try Fn.call("YEAR", example) == Fn.int("2011"))
        #expect(try Fn.call("MONTH", example) == Fn.int("1"))
        #expect(try Fn.call("DAY", example) == Fn.int("10"))
        #expect(try Fn.call("HOURS", example) == Fn.int("14"))
        #expect(try Fn.call("MINUTES", example) == Fn.int("45"))
        #expect(try Fn.call("SECONDS", example) == Fn.dec("13.815"))
        #expect(try Fn.call("TIMEZONE", example) == .literal(Literal("-PT5H", datatype: XSD.dayTimeDuration)))
        #expect(try Fn.call("TIMEZONE", Fn.dateTime("2011-01-10T14:45:13.815Z")) == .literal(Literal("PT0S", datatype: XSD.dayTimeDuration)))
        #expect(Fn.error("TIMEZONE", Fn.dateTime("2011-01-10T14:45:13.815")) != nil)
        #expect(try Fn.call("TZ", example) == Fn.str("-05:00"))
        #expect(try Fn.call("TZ", Fn.dateTime("2011-01-10T14:45:13.815Z")) == Fn.str("Z"))
        #expect(try Fn.call("TZ", Fn.dateTime("2011-01-10T14:45:13.815")) == Fn.str(""))
        #expect(try Fn.call("TZ", Fn.dateTime("2011-01-10T14:45:13+00:00")) == Fn.str("+00:00"))
    }

    /// sparql11/functions seconds-01, timezone-01, hours-01… over data.ttl's dates.
    @Test func w3cResults() throws {
        let dates = ["2010-06-21T11:28:01Z", "2010-12-21T15:38:02-08:00", "2008-06-20T23:59:00Z", "2011-02-01T01:02:03"].map(Fn.dateTime)
        #expect(try dates.map { try Fn.call("SECONDS", $0) } == ["1", "2", "0", "3"].map(Fn.dec))
        #expect(try dates.map { try Fn.call("HOURS", $0) } == ["11", "15", "23", "1"].map(Fn.int))
        #expect(try dates.map { try Fn.call("MONTH", $0) } == ["6", "12", "6", "2"].map(Fn.int))
        #expect(
            try dates.prefix(3).map { try Fn.call("TIMEZONE", $0) }
                == ["PT0S", "-PT8H", "PT0S"].map { .literal(Literal($0, datatype: XSD.dayTimeDuration)) }
        )
        #expect(try dates.map { try Fn.call("TZ", $0) } == ["Z", "-08:00", "Z", ""].map(Fn.str))
    }

    @Test func datesAndTimes() throws {
        #expect(try Fn.call("YEAR", Fn.date("2006-08-23Z")) == Fn.int("2006"))
        #expect(try Fn.call("DAY", Fn.date("-0044-03-15")) == Fn.int("15"))
        #expect(try Fn.call("YEAR", Fn.date("-0044-03-15")) == Fn.int("-44"))
        #expect(try Fn.call("HOURS", Fn.xsd("23:59:00+05:30", "time")) == Fn.int("23"))
        #expect(try Fn.call("TIMEZONE", Fn.xsd("23:59:00+05:30", "time")) == .literal(Literal("PT5H30M", datatype: XSD.dayTimeDuration)))
        #expect(Fn.error("HOURS", Fn.date("2006-08-23")) != nil)
        #expect(Fn.error("YEAR", Fn.str("2011-01-10T14:45:13Z")) != nil)
        #expect(Fn.error("YEAR", Fn.dateTime("2011-13-10T14:45:13Z")) != nil)
    }

    @Test(
        "parses and canonicalises lexical forms",
        arguments: [
            ("2002-10-10T17:00:00Z", "2002-10-10T17:00:00Z"), ("2002-10-10T17:00:00+00:00", "2002-10-10T17:00:00Z"),
            ("2002-10-10T17:00:00.500-05:30", "2002-10-10T17:00:00.5-05:30"), ("1999-12-31T24:00:00", "2000-01-01T00:00:00"),
            ("2004-02-29T00:00:00", "2004-02-29T00:00:00"), ("-0001-01-01T00:00:00", "-0001-01-01T00:00:00"),
            ("12345-01-01T00:00:00+14:00", "12345-01-01T00:00:00+14:00"), ("2000-01-01T00:00:09.000", "2000-01-01T00:00:09"),
        ]
    )
    func lexicalForms(text: String, canonical: String) {
        #expect(XSDDateTime(lexicalForm: text, kind: .dateTime)?.lexicalForm == canonical)
    }

    @Test(
        "rejects invalid dateTimes",
        arguments: [
            "2002-10-10", "2002-10-10T17:00", "2002-10-10T25:00:00", "2002-10-10T24:00:01", "2003-02-29T00:00:00", "2002-13-01T00:00:00",
            "02002-01-01T00:00:00", "202-01-01T00:00:00", "2002-10-10T17:00:00+15:00", "2002-10-10T17:00:00Z ", "2002-10-10T17:00:00.",
            "2002-10-10t17:00:00", "2002-10-10T17:60:00",
        ]
    )
    func rejection(text: String) {
        #expect(XSDDateTime(lexicalForm: text, kind: .dateTime) == nil)
    }

    @Test func calendarArithmetic() {
        for days in [-1_000_000, -719_162, -1, 0, 1, 59, 365, 730_119, 1_000_000] {
            let (y, m, d) = XSDDateTime.civil(fromDays: days)
            #expect(XSDDateTime.days(y, m, d) == days)
        }
        #expect(XSDDateTime.civil(fromDays: 0) == (1, 1, 1))
        #expect(XSDDateTime.days(1970, 1, 1) == 719_162)
    }

    @Test func now() throws {
        #expect(try Fn.call("NOW") == Fn.dateTime("2024-05-06T07:08:09.5Z"))
        let clock = FunctionContext()
        let first = try Fn.call("NOW", context: clock)
        #expect(try Fn.call("NOW", context: clock) == first)
        #expect(try Fn.call("DATATYPE", first) == .iri(XSD.dateTime))
        #expect(XSDDateTime(secondsSince1970: 0).lexicalForm == "1970-01-01T00:00:00Z")
        #expect(XSDDateTime(secondsSince1970: -0.5).lexicalForm == "1969-12-31T23:59:59.5Z")
        #expect(XSDDateTime(secondsSince1970: 1_700_000_000.123).lexicalForm == "2023-11-14T22:13:20.123Z")
    }

    @Test(
        "durations",
        arguments: [
            ("PT0S", XSDDuration.Kind.dayTimeDuration, "PT0S"), ("-PT8H", .dayTimeDuration, "-PT8H"), ("PT90M", .dayTimeDuration, "PT1H30M"),
            ("P1DT0.5S", .dayTimeDuration, "P1DT0.5S"), ("P14M", .yearMonthDuration, "P1Y2M"), ("P0Y", .yearMonthDuration, "P0M"),
            ("-P1Y2M3DT4H5M6.7S", .duration, "-P1Y2M3DT4H5M6.7S"),
        ]
    )
    func durations(text: String, kind: XSDDuration.Kind, canonical: String) {
        #expect(XSDDuration(lexicalForm: text, kind: kind)?.lexicalForm == canonical)
    }

    @Test(
        "rejects invalid durations",
        arguments: [
            ("P", XSDDuration.Kind.duration), ("PT", .duration), ("P1H", .duration), ("PT1D", .duration), ("P1M1Y", .duration),
            ("P1Y", .dayTimeDuration), ("PT1H", .yearMonthDuration), ("P1.5Y", .yearMonthDuration), ("P-1D", .duration), ("1D", .duration),
        ]
    )
    func invalidDurations(text: String, kind: XSDDuration.Kind) {
        #expect(XSDDuration(lexicalForm: text, kind: kind) == nil)
    }
}
