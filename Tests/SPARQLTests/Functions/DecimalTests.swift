import Testing

@testable import SPARQL

@Suite("XSDDecimal")
struct DecimalTests {
    private func d(_ text: String) -> XSDDecimal { XSDDecimal(lexicalForm: text)! }

    @Test(
        "parses the xsd:decimal lexical space and prints canonical forms",
        arguments: [
            ("1", "1"), ("+033.3300", "33.33"), ("-0.0", "0"), (".5", "0.5"), ("5.", "5"), ("-1.50", "-1.5"),
            ("0.000000000000000000000000000000000001", "0.000000000000000000000000000000000001"),
            ("170141183460469231731687303715884105727", "170141183460469231731687303715884105727"),
            ("3.14159265358979323846264338327950288419716939937510", "3.1415926535897932384626433832795028842"),
        ]
    )
    func parsing(text: String, canonical: String) {
        #expect(XSDDecimal(lexicalForm: text)?.description == canonical)
    }

    @Test(
        "rejects other text",
        arguments: [
            "", "+", "-", ".", "1e3", "1.2.3", " 1", "1 ", "INF", "0x10", "١",
            "1701411834604692317316873037158841057270",
        ]
    )
    func rejection(text: String) {
        #expect(XSDDecimal(lexicalForm: text) == nil)
    }

    @Test func equalityIsByValue() {
        #expect(d("1.0") == d("1"))
        #expect(d("1.0").hashValue == d("1").hashValue)
        #expect(d("-0") == XSDDecimal.zero)
    }

    @Test func ordering() {
        #expect(d("1.5") < d("2"))
        #expect(d("-2") < d("-1.5"))
        #expect(d("0.1") < d("0.10000001"))
        #expect(!(d("2.50") < d("2.5")))
        #expect(d("-0.5") < d("0"))
        #expect(d("99999999999999999999.5") < d("100000000000000000000"))
    }

    @Test func exactArithmetic() throws {
        #expect(try d("0.1").adding(d("0.2")) == d("0.3"))
        #expect(try d("1.1").subtracting(d("2.2")).description == "-1.1")
        #expect(try d("1.5").multiplying(by: d("-2")).description == "-3")
        #expect(try d("0.001").multiplying(by: d("0.001")).description == "0.000001")
        #expect(try d("6.66").dividing(by: d("3")).description == "2.22")
        #expect(try d("4").dividing(by: d("2")).description == "2")
        #expect(try d("1").dividing(by: d("8")).description == "0.125")
        #expect(try d("-7").dividing(by: d("0.5")).description == "-14")
    }

    @Test func divisionRoundsToTheDivisionScale() throws {
        #expect(try d("1").dividing(by: d("3")).description == "0.333333333333333333333333")
        #expect(try d("2").dividing(by: d("3")).description == "0.666666666666666666666667")
        #expect(try d("-2").dividing(by: d("3")).description == "-0.666666666666666666666667")
        // A dividend with more fractional digits keeps them.
        #expect(try d("1.0000000000000000000000000001").dividing(by: d("1")).description == "1.0000000000000000000000000001")
    }

    @Test func divisionByZeroThrows() {
        #expect(Fn.error { () throws(ExpressionError) in try d("1").dividing(by: .zero) } == .divisionByZero)
    }

    @Test func precisionIsShedBeforeOverflowing() throws {
        let big = d("100000000000000000000000000000")  // 10^29
        let product = try big.multiplying(by: d("1.23456789012345"))
        #expect(product.description == "123456789012345000000000000000")
        let sum = try d("100000000000000000000000000000000000000").adding(d("0.5"))
        #expect(sum.description == "100000000000000000000000000000000000000")  // half to even drops the .5
        #expect(Fn.error { () throws(ExpressionError) in try big.multiplying(by: big) } != nil)
        #expect(
            Fn.error { () throws(ExpressionError) in
                try d("170141183460469231731687303715884105727").adding(d("1"))
            } != nil
        )
    }

    @Test(
        "floor, ceiling, truncation and fn:round",
        arguments: [
            ("2.5", "2", "3", "2", "3"), ("-2.5", "-3", "-2", "-2", "-2"), ("-2.6", "-3", "-2", "-2", "-3"),
            ("2.4999", "2", "3", "2", "2"), ("10.5", "10", "11", "10", "11"), ("-10.5", "-11", "-10", "-10", "-10"),
            ("7", "7", "7", "7", "7"), ("-0.4", "-1", "0", "0", "0"),
        ]
    )
    func rounding(value: String, floor: String, ceiling: String, truncated: String, rounded: String) {
        let x = d(value)
        #expect(x.floor.description == floor)
        #expect(x.ceiling.description == ceiling)
        #expect(x.truncated.description == truncated)
        #expect(x.roundedHalfUp.description == rounded)
    }

    @Test func conversions() {
        #expect(d("0.1").doubleValue == 0.1)
        #expect(d("-7.875").floatValue == -7.875)
        #expect(d("42").integerValue == 42)
        #expect(d("4.2").integerValue == nil)
    }
}
