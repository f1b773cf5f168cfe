import RDF
import Testing

@testable import SPARQL

@Suite("Equality, comparison and effective boolean value")
struct ComparisonTests {
    /// The outcome of `=`: true, false, or an error.
    private func equality(_ a: Term, _ b: Term) -> Bool? {
        do throws(ExpressionError) { return try SPARQLFunctions.equal(a, b) } catch { return nil }
    }

    private func order(_ a: Term, _ b: Term) -> ValueOrdering?? {
        do throws(ExpressionError) { return .some(try SPARQLFunctions.compare(a, b)) } catch { return .none }
    }

    @Test(
        "numeric equality across types (data-r2/expr-equals eq-1, eq-2)",
        arguments: [
            Fn.int("1"), Fn.int("01"), Fn.dbl("1.0e0"), Fn.dbl("1.0"), Fn.dbl("1"), Fn.dec("1.0"), Fn.flt("1"), Fn.xsd("1", "byte"),
        ]
    )
    func numericEquality(term: Term) {
        #expect(equality(term, Fn.int("1")) == true)
        #expect(equality(term, Fn.dbl("1.0e0")) == true)
        #expect(equality(term, Fn.int("2")) == false)
    }

    @Test func nanIsNotEqualToItself() {
        #expect(equality(Fn.dbl("NaN"), Fn.dbl("NaN")) == true)  // same term
        #expect(equality(Fn.dbl("NaN"), Fn.flt("NaN")) == false)
        #expect(order(Fn.dbl("NaN"), Fn.int("1")) == .some(nil))
        #expect((try? SPARQLFunctions.lessThan(Fn.dbl("NaN"), Fn.int("1"))) == false)
        #expect((try? SPARQLFunctions.greaterThanOrEqual(Fn.dbl("NaN"), Fn.int("1"))) == false)
    }

    /// data-r2/open-world open-eq-07…12 over data-2.ttl's "xyz" and "abc" in eight guises.
    @Test func openWorldEquality() {
        let xyz = [
            Fn.str("xyz"), Fn.lang("xyz", "en"), Fn.lang("xyz", "EN"), Fn.xsd("xyz", "string"), Fn.xsd("xyz", "integer"),
            Fn.typed("xyz", "http://example/unknown"), Term.blankNode(BlankNode("xyz")), Fn.iri("http://example/xyz"),
        ]
        // Expected `=` outcome per pair (index into xyz): t = true, f = false, e = error.
        let table = [
            "tfftee" + "ff", "fttfff" + "ff", "fttfff" + "ff", "tfftee" + "ff",
            "effete" + "ff", "effeet" + "ff", "ffffff" + "tf", "ffffff" + "ft",
        ]
        for (i, row) in table.enumerated() {
            for (j, outcome) in row.enumerated() {
                let expected: Bool? = outcome == "t" ? true : (outcome == "f" ? false : nil)
                #expect(equality(xyz[i], xyz[j]) == expected, "\(xyz[i]) = \(xyz[j])")
            }
        }
        // Different values of an unknown type are not known to differ.
        #expect(equality(Fn.typed("a", "http://example/t#type1"), Fn.typed("b", "http://example/t#type1")) == nil)
        #expect(equality(Fn.xsd("abc", "integer"), Fn.lang("abc", "en")) == false)
        #expect(equality(Fn.int("1"), Fn.typed("a", "http://example/t#type1")) == nil)
    }

    @Test func knownDifferentTypesAreUnequal() {
        #expect(equality(Fn.int("1"), Fn.str("1")) == false)
        #expect(equality(Fn.int("1"), Fn.xsd("1", "boolean")) == false)
        #expect(equality(Fn.dateTime("2006-08-23T09:00:00+01:00"), Fn.date("2006-08-23")) == false)
        #expect(equality(Fn.iri("http://example/a"), Fn.str("http://example/a")) == false)
        #expect(equality(.blankNode(BlankNode("a")), .blankNode(BlankNode("b"))) == false)
    }

    /// data-r2/expr-equals eq-bool.
    @Test func booleanEquality() {
        #expect(equality(Fn.xsd("0", "boolean"), Fn.xsd("false", "boolean")) == true)
        #expect(equality(Fn.xsd("1", "boolean"), Fn.xsd("true", "boolean")) == true)
        #expect(equality(Fn.xsd("true", "boolean"), Fn.xsd("false", "boolean")) == false)
        #expect(equality(Fn.xsd("true", "boolean"), Fn.xsd("yes", "boolean")) == nil)
        #expect(order(Fn.bool(false), Fn.bool(true)) == .some(.less))
    }

    /// data-r2/expr-equals eq-dateTime and open-world date-1…3: XSD's partial order.
    @Test func dateTimeEquality() {
        #expect(equality(Fn.dateTime("2002-04-02T23:00:00-04:00"), Fn.dateTime("2002-04-03T02:00:00-01:00")) == true)
        #expect(equality(Fn.dateTime("1999-12-31T24:00:00"), Fn.dateTime("2000-01-01T00:00:00")) == true)
        #expect(equality(Fn.dateTime("2005-04-04T24:00:00"), Fn.dateTime("2005-04-04T00:00:00")) == false)
        #expect(equality(Fn.dateTime("2008-04-01T00:00:00.00Z"), Fn.dateTime("2008-04-01T00:00:00Z")) == true)
        #expect(equality(Fn.dateTime("2002-04-02T23:00:00"), Fn.dateTime("2002-04-02T23:00:00+06:00")) == nil)
        #expect(equality(Fn.date("2006-08-23Z"), Fn.date("2006-08-23")) == nil)
        #expect(equality(Fn.date("2001-01-01Z"), Fn.date("2006-08-23")) == false)
        #expect(order(Fn.date("2006-08-23Z"), Fn.date("2006-08-22")) == .some(.greater))
        #expect(order(Fn.date("2006-08-23"), Fn.date("2006-08-22")) == .some(.greater))
        #expect(order(Fn.dateTime("2006-08-23T09:00:00+01:00"), Fn.date("2006-08-22")) == .none)
        #expect(equality(Fn.xsd("2008-04-01", "dateTime"), Fn.dateTime("2008-04-01T00:00:00Z")) == nil)  // ill-formed
    }

    /// data-r2/expr-ops dateTime-lt/gt/le/ge-2: timezones two days apart are ordered either way.
    @Test func dateTimeOrdering() throws {
        let early = ["2008-10-01T00:00:00Z", "2008-10-01T00:00:00"]
        let late = ["2008-10-03T00:00:00Z", "2008-10-03T00:00:00"]
        for a in early {
            for b in late {
                #expect(try SPARQLFunctions.lessThan(Fn.dateTime(a), Fn.dateTime(b)))
                #expect(try SPARQLFunctions.greaterThan(Fn.dateTime(b), Fn.dateTime(a)))
                #expect(try !SPARQLFunctions.lessThanOrEqual(Fn.dateTime(b), Fn.dateTime(a)))
            }
        }
        #expect(try SPARQLFunctions.lessThan(Fn.dateTime("2002-04-02T12:00:00-01:00"), Fn.dateTime("2002-04-02T17:00:00+04:00")) == false)
    }

    @Test func stringsCompareByCodePoint() throws {
        #expect(order(Fn.str("abc"), Fn.str("abd")) == .some(.less))
        #expect(order(Fn.str("B"), Fn.str("a")) == .some(.less))
        #expect(order(Fn.str("z"), Fn.str("é")) == .some(.less))
        #expect(order(Fn.str("\u{FFFD}"), Fn.str("\u{1F600}")) == .some(.less))  // UTF-16 order would say otherwise
        #expect(order(Fn.str("v1"), Fn.xsd("v2", "string")) == .some(.less))
        #expect(equality(Fn.str("é"), Fn.str("e\u{301}")) == false)
        #expect(order(Fn.lang("a", "en"), Fn.lang("b", "en")) == .none)
        #expect(order(Fn.str("a"), Fn.int("1")) == .none)
        #expect(order(Fn.iri("http://a"), Fn.iri("http://b")) == .none)
    }

    @Test func durations() {
        let minus8 = Term.literal(Literal("-PT8H", datatype: XSD.dayTimeDuration))
        #expect(equality(minus8, .literal(Literal("-PT480M", datatype: XSD.dayTimeDuration))) == true)
        #expect(equality(minus8, .literal(Literal("-PT8H", datatype: IRI(XSD.namespace + "duration")))) == true)
        #expect(order(minus8, .literal(Literal("PT0S", datatype: XSD.dayTimeDuration))) == .some(.less))
    }

    @Test func sameTerm() throws {
        #expect(SPARQLFunctions.sameTerm(Fn.int("1"), Fn.int("1")))
        #expect(!SPARQLFunctions.sameTerm(Fn.int("1"), Fn.int("01")))
        #expect(!SPARQLFunctions.sameTerm(Fn.str("é"), Fn.str("e\u{301}")))
        #expect(SPARQLFunctions.sameTerm(Fn.lang("a", "EN"), Fn.lang("a", "en")))
        #expect(try Fn.call("sameTerm", Fn.iri("http://a"), Fn.iri("http://a")) == Fn.bool(true))
        #expect(try Fn.call("SAMETERM", Fn.xsd("1", "string"), Fn.str("1")) == Fn.bool(true))
    }

    @Test(
        "effective boolean value (§17.2.2, data-r2/boolean-effective-value)",
        arguments: [
            (Fn.int("1"), true), (Fn.str("foo"), true), (Fn.dbl("0.01"), true), (Fn.bool(true), true), (Fn.lang("x", "en"), true),
            (Fn.int("0"), false), (Fn.dbl("0.0"), false), (Fn.str(""), false), (Fn.bool(false), false), (Fn.dbl("NaN"), false),
            (Fn.xsd("abc", "boolean"), false), (Fn.int("abc"), false), (Fn.xsd("0", "unsignedByte"), false), (Fn.flt("-0"), false),
            (Fn.xsd("1", "boolean"), true), (Fn.xsd("", "string"), false),
        ]
    )
    func effectiveBooleanValue(term: Term, value: Bool) throws {
        #expect(try SPARQLFunctions.effectiveBooleanValue(term) == value)
    }

    @Test func effectiveBooleanValueErrors() {
        for term in [
            Fn.iri("http://example/"), Term.blankNode(BlankNode("b")), Fn.typed("foo", "http://example/unknown"),
            Fn.dateTime("2010-01-01T00:00:00Z"),
        ] {
            #expect(Fn.error { () throws(ExpressionError) in try SPARQLFunctions.effectiveBooleanValue(term) } != nil)
        }
    }
}
