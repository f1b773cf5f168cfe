import RDF
import Testing

@testable import SPARQL

@Suite("XPath constructor casts (§17.5)")
struct CastTests {
    private func cast(_ term: Term, _ localName: String) -> Term? {
        try? SPARQLFunctions.cast(term, to: IRI(XSD.namespace + localName))
    }

    /// sparql11/cast over its data.ttl: the strings and typed values, cast to each target. nil means an error.
    @Test func fromStrings() {
        let strings = ["string", "-10.2E3", "+33.3300", "0.0", "0", "0E1", "1.5", "1", "1E0", "13", "2002-10-10T17:00:00Z", "false", "true"]
        func column(_ target: String) -> [String?] { strings.map { cast(Fn.str($0), target)?.literal?.lexicalForm } }
        #expect(column("boolean") == [nil, nil, nil, nil, "false", nil, nil, "true", nil, nil, nil, "false", "true"])
        #expect(column("integer") == [nil, nil, nil, nil, "0", nil, nil, "1", nil, "13", nil, nil, nil])
        #expect(column("decimal") == [nil, nil, "33.33", "0", "0", nil, "1.5", "1", nil, "13", nil, nil, nil])
        #expect(column("double") == [nil, "-10200", "33.33", "0", "0", "0", "1.5", "1", "1", "13", nil, nil, nil])
        #expect(column("float") == [nil, "-10200", "33.33", "0", "0", "0", "1.5", "1", "1", "13", nil, nil, nil])
        #expect(column("string") == strings)
        #expect(column("dateTime") == [nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "2002-10-10T17:00:00Z", nil, nil])
        #expect(cast(Fn.str(" 42\n"), "integer") == Fn.int("42"))
        #expect(cast(Fn.str("+33.3300"), "decimal") == Fn.dec("33.33"))
        #expect(cast(Fn.str("INF"), "double") == Fn.dbl("INF"))
        #expect(cast(Fn.xsd("1", "string"), "boolean") == Fn.bool(true))
    }

    @Test func fromTypedValues() {
        let values = [
            Fn.bool(true), Fn.bool(false), Fn.xsd("0", "boolean"), Fn.int("0"), Fn.int("1"), Fn.int("-1"), Fn.dec("0.0"),
            Fn.dec("1.0"), Fn.dec("-1.0"), Fn.dbl("0E1"), Fn.dbl("1E0"), Fn.flt("0E1"), Fn.flt("1E0"), Fn.flt("1.25"),
            Fn.flt("-7.875"), Fn.dec("2.5"), Fn.dec("-2.5"),
        ]
        func column(_ target: String) -> [String?] { values.map { cast($0, target)?.literal?.lexicalForm } }
        #expect(
            column("boolean") == [
                "true", "false", "false", "false", "true", "true", "false", "true", "true", "false", "true", "false",
                "true", "true", "true", "true", "true",
            ]
        )
        #expect(column("integer") == ["1", "0", "0", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1", "-7", "2", "-2"])
        #expect(column("decimal") == ["1", "0", "0", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5"])
        #expect(column("double") == ["1", "0", "0", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5"])
        #expect(column("string") == ["true", "false", "false", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5"])
        #expect(values.allSatisfy { cast($0, "dateTime") == nil })
        #expect(cast(Fn.int("1"), "float")?.literal?.datatype == XSD.float)
    }

    @Test func datatypesOfResults() {
        #expect(cast(Fn.str("1"), "double")?.literal?.datatype == XSD.double)
        #expect(cast(Fn.dec("1.5"), "float")?.literal?.datatype == XSD.float)
        #expect(cast(Fn.str("true"), "boolean")?.literal?.datatype == XSD.boolean)
        #expect(cast(Fn.int("1"), "string") == Fn.str("1"))
    }

    @Test func otherSources() {
        #expect(cast(Fn.iri("http://example.org/z"), "string") == Fn.str("http://example.org/z"))
        #expect(cast(Fn.iri("http://example.org/z"), "integer") == nil)
        #expect(cast(.blankNode(BlankNode("b")), "string") == nil)
        #expect(cast(Fn.lang("chat", "fr"), "string") == Fn.str("chat"))
        #expect(cast(Fn.lang("1", "fr"), "integer") == nil)
        #expect(cast(Fn.typed("zzz", "http://example/myType"), "string") == Fn.str("zzz"))
        #expect(cast(Fn.typed("1", "http://example/myType"), "integer") == nil)
        #expect(cast(Fn.int("abc"), "string") == nil)
        #expect(cast(Fn.dbl("1e300"), "decimal") == nil)
        #expect(cast(Fn.dbl("NaN"), "integer") == nil)
        #expect(cast(Fn.dbl("INF"), "decimal") == nil)
        #expect(cast(Fn.dbl("NaN"), "boolean") == Fn.bool(false))
        #expect(cast(Fn.dbl("1e20"), "integer") == Fn.int("100000000000000000000"))
        #expect(cast(Fn.dbl("1e20"), "float") == Fn.flt("1.0E20"))
    }

    @Test func dateTimes() {
        let value = Fn.dateTime("2002-10-10T17:00:00.50+01:00")
        #expect(cast(value, "string") == Fn.str("2002-10-10T17:00:00.5+01:00"))
        #expect(cast(value, "date") == Fn.date("2002-10-10+01:00"))
        #expect(cast(value, "time") == Fn.xsd("17:00:00.5+01:00", "time"))
        #expect(cast(Fn.date("2002-10-10"), "dateTime") == Fn.dateTime("2002-10-10T00:00:00"))
        #expect(cast(Fn.xsd("17:00:00", "time"), "dateTime") == nil)
        #expect(cast(value, "double") == nil)
        #expect(cast(Fn.str("2002-10-10"), "date") == Fn.date("2002-10-10"))
    }

    @Test func derivedIntegerTargets() {
        #expect(cast(Fn.str("127"), "byte") == Fn.xsd("127", "byte"))
        #expect(cast(Fn.str("128"), "byte") == nil)
        #expect(cast(Fn.dbl("-1.5"), "nonPositiveInteger") == Fn.xsd("-1", "nonPositiveInteger"))
        #expect(cast(Fn.int("-1"), "unsignedInt") == nil)
    }

    @Test func constructorCalls() throws {
        let context = Fn.context
        #expect(try SPARQLFunctions.call(function: XSD.integer, [Fn.str("7")], context: context) == Fn.int("7"))
        #expect(
            Fn.error { () throws(ExpressionError) in try SPARQLFunctions.call(function: XSD.integer, [], context: context) }
                == .wrongArgumentCount(function: XSD.integer.description, expected: "1", actual: 0)
        )
        let unknown = IRI("http://example/f")
        #expect(
            Fn.error { () throws(ExpressionError) in try SPARQLFunctions.call(function: unknown, [Fn.int("1")], context: context) }
                == .unknownFunction(unknown)
        )
        #expect(SPARQLFunctions.isCastTarget(XSD.dateTime) && !SPARQLFunctions.isCastTarget(XSD.dayTimeDuration))
    }

    @Test(
        "canonicalised literals, for comparing results by value",
        arguments: [
            (Fn.int("01"), Fn.int("1")), (Fn.dbl("1.0E0"), Fn.dbl("1")), (Fn.dbl("3.21E4"), Fn.dbl("32100")), (Fn.dec("2.0"), Fn.dec("2")),
            (Fn.flt("-0E1"), Fn.flt("-0")), (Fn.xsd("0", "boolean"), Fn.bool(false)), (Fn.xsd("007", "int"), Fn.xsd("7", "int")),
            (Fn.dateTime("2002-10-10T17:00:00+00:00"), Fn.dateTime("2002-10-10T17:00:00Z")), (Fn.str("01"), Fn.str("01")),
            (Fn.int("x"), Fn.int("x")), (Fn.iri("http://a"), Fn.iri("http://a")),
            (.literal(Literal("-PT60M", datatype: XSD.dayTimeDuration)), .literal(Literal("-PT1H", datatype: XSD.dayTimeDuration))),
        ]
    )
    func canonicalized(term: Term, canonical: Term) {
        #expect(SPARQLFunctions.canonicalized(term) == canonical)
    }
}
