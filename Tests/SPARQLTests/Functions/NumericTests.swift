import RDF
import Testing

@testable import SPARQL

@Suite("Numeric values and arithmetic")
struct NumericTests {
    @Test(
        "parses numeric literals",
        arguments: [
            (Fn.int("01"), NumericValue.integer(1)), (Fn.int("-0"), .integer(0)), (Fn.int("+7"), .integer(7)),
            (Fn.dec("1.50"), .decimal(XSDDecimal(lexicalForm: "1.5")!)), (Fn.dbl("1.0e0"), .double(1)), (Fn.dbl("INF"), .double(.infinity)),
            (Fn.dbl("-INF"), .double(-.infinity)), (Fn.dbl(".5"), .double(0.5)), (Fn.dbl("5."), .double(5)), (Fn.flt("1.25"), .float(1.25)),
            (Fn.xsd("1", "short"), .integer(1)), (Fn.xsd("-1", "negativeInteger"), .integer(-1)),
            (Fn.xsd("18446744073709551615", "unsignedLong"), .integer(18_446_744_073_709_551_615)),
        ]
    )
    func parsing(term: Term, value: NumericValue) {
        #expect(NumericValue(term) == value)
    }

    @Test(
        "rejects ill-formed or out-of-range numerics",
        arguments: [
            Fn.int("1.0"), Fn.int(""), Fn.int("abc"), Fn.int(" 1"), Fn.dec("1e2"), Fn.dbl("inf"), Fn.dbl("1e"), Fn.dbl("0x10"),
            Fn.dbl("nan"), Fn.flt("Infinity"), Fn.xsd("1200", "byte"), Fn.xsd("0", "positiveInteger"), Fn.xsd("-1", "unsignedInt"),
            Fn.str("1"), Fn.lang("1", "en"), Fn.iri("http://example/1"), Fn.typed("1", "http://example/number"),
            Fn.int("170141183460469231731687303715884105728"),
        ]
    )
    func rejection(term: Term) {
        #expect(NumericValue(term) == nil)
    }

    @Test(
        "prints XPath's string forms",
        arguments: [
            (NumericValue.double(6), "6"), (.double(-3), "-3"), (.double(0.2), "0.2"), (.double(32100), "32100"),
            (.double(1e6), "1.0E6"), (.double(123_456.5), "123456.5"), (.double(1e-6), "0.000001"), (.double(1e-7), "1.0E-7"),
            (.double(-2.5e-10), "-2.5E-10"), (.double(1.7976931348623157e308), "1.7976931348623157E308"),
            (.double(0), "0"), (.double(-0.0), "-0"), (.double(.nan), "NaN"), (.double(.infinity), "INF"), (.double(-.infinity), "-INF"),
            (.float(1.1), "1.1"), (.float(-7.875), "-7.875"), (.float(1e10), "1.0E10"), (.float(.nan), "NaN"),
            (.decimal(XSDDecimal(lexicalForm: "2.0")!), "2"), (.decimal(XSDDecimal(lexicalForm: "-0.50")!), "-0.5"), (.integer(-42), "-42"),
        ]
    )
    func lexicalForms(value: NumericValue, lexicalForm: String) {
        #expect(value.lexicalForm == lexicalForm)
    }

    /// data-r2/expr-ops add/subtract/multiply/divide-numbers-cast: "3" of each type against each.
    @Test(
        "type promotion matches the W3C numbers-cast tests",
        arguments: ["integer", "decimal", "float", "double"],
        ["integer", "decimal", "float", "double"]
    )
    func promotion(left: String, right: String) throws {
        let order = ["integer", "decimal", "float", "double"]
        let widest = order[max(order.firstIndex(of: left)!, order.firstIndex(of: right)!)]
        let (a, b) = (Fn.xsd("3", left), Fn.xsd("3", right))
        #expect(try SPARQLFunctions.add(a, b) == Fn.xsd("6", widest))
        #expect(try SPARQLFunctions.subtract(a, b) == Fn.xsd("0", widest))
        #expect(try SPARQLFunctions.multiply(a, b) == Fn.xsd("9", widest))
        #expect(try SPARQLFunctions.divide(a, b) == Fn.xsd("1", widest == "integer" ? "decimal" : widest))
    }

    @Test func derivedIntegerTypesPromoteToInteger() throws {
        #expect(try SPARQLFunctions.add(Fn.xsd("1", "short"), Fn.xsd("1", "byte")) == Fn.int("2"))
        #expect(try SPARQLFunctions.add(Fn.xsd("-1", "nonPositiveInteger"), Fn.dec("1.5")) == Fn.dec("0.5"))
        #expect(try SPARQLFunctions.add(Fn.xsd("1", "unsignedLong"), Fn.dbl("1")) == Fn.dbl("2"))
    }

    @Test func arithmeticResults() throws {
        #expect(try SPARQLFunctions.add(Fn.int("1"), Fn.int("2")) == Fn.int("3"))
        #expect(try SPARQLFunctions.add(Fn.dec("1.0"), Fn.int("2")) == Fn.dec("3"))
        #expect(try SPARQLFunctions.divide(Fn.int("4"), Fn.int("2")) == Fn.dec("2"))
        #expect(try SPARQLFunctions.divide(Fn.int("1"), Fn.int("3")) == Fn.dec("0.333333333333333333333333"))
        #expect(try SPARQLFunctions.divide(Fn.int("0"), Fn.int("2")) == Fn.dec("0"))
        #expect(try SPARQLFunctions.multiply(Fn.dec("0.1"), Fn.dec("0.1")) == Fn.dec("0.01"))
        #expect(try SPARQLFunctions.add(Fn.dbl("0.1"), Fn.dbl("0.2")) == Fn.dbl("0.30000000000000004"))
        #expect(try SPARQLFunctions.add(Fn.flt("0.1"), Fn.flt("0.2")) == Fn.flt("0.3"))
        #expect(try SPARQLFunctions.subtract(Fn.dbl("2E-1"), Fn.dec("0.2")) == Fn.dbl("0"))
        // add-literals: (+1 + -1 + +2.0 + -2.0 + +3e0 + -3e0) = 0
        var sum = Fn.int("+1")
        for term in [Fn.int("-1"), Fn.dec("+2.0"), Fn.dec("-2.0"), Fn.dbl("+3e0"), Fn.dbl("-3e0")] {
            sum = try SPARQLFunctions.add(sum, term)
        }
        #expect(try SPARQLFunctions.equal(sum, Fn.int("0")))
    }

    @Test func floatingPointDivisionByZeroFollowsIEEE() throws {
        #expect(try SPARQLFunctions.divide(Fn.dbl("1"), Fn.int("0")) == Fn.dbl("INF"))
        #expect(try SPARQLFunctions.divide(Fn.flt("-1"), Fn.dbl("0")) == Fn.dbl("-INF"))
        #expect(try SPARQLFunctions.divide(Fn.dbl("0"), Fn.dbl("0")) == Fn.dbl("NaN"))
    }

    @Test func errors() {
        #expect(Fn.error { () throws(ExpressionError) in try SPARQLFunctions.divide(Fn.int("1"), Fn.int("0")) } == .divisionByZero)
        #expect(Fn.error { () throws(ExpressionError) in try SPARQLFunctions.divide(Fn.dec("1.5"), Fn.dec("0.0")) } == .divisionByZero)
        for (a, b) in [
            (Fn.str("1"), Fn.int("2")), (Fn.int("1"), Fn.iri("http://example/")), (Fn.int("x"), Fn.int("1")),
            (Fn.lang("1", "en"), Fn.int("1")), (Fn.bool(true), Fn.int("1")),
        ] {
            guard case .typeError? = Fn.error({ () throws(ExpressionError) in try SPARQLFunctions.add(a, b) }) else {
                Issue.record("\(a) + \(b) should be a type error")
                continue
            }
        }
        let huge = Fn.int("170141183460469231731687303715884105727")
        guard case .overflow? = Fn.error({ () throws(ExpressionError) in try SPARQLFunctions.add(huge, Fn.int("1")) }) else {
            Issue.record("integer overflow should throw")
            return
        }
    }

    @Test func unaryOperators() throws {
        #expect(try SPARQLFunctions.unaryMinus(Fn.dbl("3")) == Fn.dbl("-3"))
        #expect(try SPARQLFunctions.unaryMinus(Fn.dec("3")) == Fn.dec("-3"))
        #expect(try SPARQLFunctions.unaryMinus(Fn.int("-3")) == Fn.int("3"))
        #expect(try SPARQLFunctions.unaryPlus(Fn.flt("3")) == Fn.flt("3"))
        #expect(try SPARQLFunctions.unaryPlus(Fn.int("+03")) == Fn.int("3"))
        #expect(try SPARQLFunctions.logicalNot(Fn.str("")) == Fn.bool(true))
        #expect(try SPARQLFunctions.logicalNot(Fn.int("3")) == Fn.bool(false))
        #expect(Fn.error { () throws(ExpressionError) in try SPARQLFunctions.unaryMinus(Fn.str("3")) } != nil)
    }

    @Test(
        "ABS, CEIL, FLOOR, ROUND keep the type (§17.4.4 examples)",
        arguments: [
            ("ABS", Fn.int("1"), Fn.int("1")), ("ABS", Fn.dec("-1.5"), Fn.dec("1.5")), ("ABS", Fn.dbl("-0"), Fn.dbl("0")),
            ("ROUND", Fn.dec("2.4999"), Fn.dec("2")), ("ROUND", Fn.dec("2.5"), Fn.dec("3")), ("ROUND", Fn.dec("-2.5"), Fn.dec("-2")),
            ("ROUND", Fn.dbl("-2.5"), Fn.dbl("-2")), ("ROUND", Fn.dbl("2.5"), Fn.dbl("3")), ("ROUND", Fn.dbl("-0.3"), Fn.dbl("-0")),
            ("ROUND", Fn.flt("0.49999997"), Fn.flt("0")), ("ROUND", Fn.dbl("0.49999999999999994"), Fn.dbl("0")),
            ("ROUND", Fn.int("7"), Fn.int("7")), ("CEIL", Fn.dec("10.5"), Fn.dec("11")), ("CEIL", Fn.dec("-10.5"), Fn.dec("-10")),
            ("CEIL", Fn.dbl("1.1"), Fn.dbl("2")), ("FLOOR", Fn.dec("10.5"), Fn.dec("10")), ("FLOOR", Fn.dec("-10.5"), Fn.dec("-11")),
            ("FLOOR", Fn.flt("-1.6"), Fn.flt("-2")), ("FLOOR", Fn.xsd("5", "short"), Fn.int("5")), ("CEIL", Fn.dbl("NaN"), Fn.dbl("NaN")),
        ]
    )
    func numericFunctions(name: String, argument: Term, result: Term) throws {
        #expect(try Fn.call(name, argument) == result)
    }

    /// sparql11/functions ceil01, floor01, round01 and abs01 over data.ttl's numbers.
    @Test func w3cRoundingResults() throws {
        let values = ["-2", "-1", "-1.6", "1.1", "2.5"].map { $0.contains(".") ? Fn.dec($0) : Fn.int($0) }
        #expect(try values.map { try Fn.call("CEIL", $0) } == [Fn.int("-2"), Fn.int("-1"), Fn.dec("-1"), Fn.dec("2"), Fn.dec("3")])
        #expect(try values.map { try Fn.call("FLOOR", $0) } == [Fn.int("-2"), Fn.int("-1"), Fn.dec("-2"), Fn.dec("1"), Fn.dec("2")])
        #expect(try values.map { try Fn.call("ROUND", $0) } == [Fn.int("-2"), Fn.int("-1"), Fn.dec("-2"), Fn.dec("1"), Fn.dec("3")])
        #expect(try values.filter { try SPARQLFunctions.greaterThanOrEqual(Fn.call("ABS", $0), Fn.int("2")) } == [Fn.int("-2"), Fn.dec("2.5")])
    }

    @Test func numericFunctionErrors() {
        #expect(Fn.error("ABS", Fn.str("1")) != nil)
        #expect(Fn.error("ROUND", Fn.int("x")) != nil)
        #expect(Fn.error("CEIL") == .wrongArgumentCount(function: "CEIL", expected: "1", actual: 0))
    }
}
