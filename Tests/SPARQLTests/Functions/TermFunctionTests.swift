import RDF
import Testing

@testable import SPARQL

@Suite("Functions on RDF terms (§17.4.1, §17.4.2) and the dispatcher")
struct TermFunctionTests {
    @Test func str() throws {
        #expect(try Fn.call("STR", Fn.iri("http://example/")) == Fn.str("http://example/"))
        #expect(try Fn.call("STR", Fn.lang("chat", "en")) == Fn.str("chat"))
        #expect(try Fn.call("STR", Fn.int("01")) == Fn.str("01"))
        #expect(try Fn.call("STR", Fn.typed("zzz", "http://example/t")) == Fn.str("zzz"))
        #expect(Fn.error("STR", .blankNode(BlankNode("b"))) != nil)
    }

    @Test func langAndDatatype() throws {
        #expect(try Fn.call("LANG", Fn.lang("bar", "EN")) == Fn.str("en"))
        #expect(try Fn.call("LANG", Fn.str("bar")) == Fn.str(""))
        #expect(try Fn.call("LANG", Fn.int("1")) == Fn.str(""))
        #expect(Fn.error("LANG", Fn.iri("http://example/")) != nil)
        #expect(try Fn.call("DATATYPE", Fn.str("x")) == .iri(XSD.string))
        #expect(try Fn.call("DATATYPE", Fn.int("1")) == .iri(XSD.integer))
        #expect(try Fn.call("DATATYPE", Fn.lang("x", "en")) == .iri(RDFVocabulary.langString))
        #expect(try Fn.call("DATATYPE", Fn.typed("x", "http://example/t")) == Fn.iri("http://example/t"))
        #expect(Fn.error("DATATYPE", .blankNode(BlankNode("b"))) != nil)
    }

    @Test func iri() throws {
        #expect(try Fn.call("IRI", Fn.str("http://example.org/x")) == Fn.iri("http://example.org/x"))
        #expect(try Fn.call("URI", Fn.str("uri")) == Fn.iri("http://example.org/base/uri"))
        #expect(try Fn.call("IRI", Fn.xsd("../iri", "string")) == Fn.iri("http://example.org/iri"))
        #expect(try Fn.call("IRI", Fn.iri("http://example.org/x")) == Fn.iri("http://example.org/x"))
        #expect(Fn.error("IRI", Fn.str("a b")) != nil)
        #expect(Fn.error("IRI", Fn.lang("http://example.org/", "en")) != nil)
        #expect(Fn.error("IRI", Fn.int("1")) != nil)
        #expect(Fn.error("IRI", Fn.str("relative"), context: FunctionContext()) != nil)
        #expect(try Fn.call("IRI", Fn.str("urn:x"), context: FunctionContext()) == Fn.iri("urn:x"))
    }

    @Test func bnode() throws {
        let context = FunctionContext(randomSeed: 1)
        // bnode01: the same label gives the same node within a solution, a different one in the next.
        let a = try Fn.call("BNODE", Fn.str("foo"), context: context)
        #expect(try Fn.call("BNODE", Fn.str("foo"), context: context) == a)
        #expect(try Fn.call("BNODE", Fn.xsd("BAZ", "string"), context: context) != a)
        context.startSolution()
        #expect(try Fn.call("BNODE", Fn.str("foo"), context: context) != a)
        // bnode02: BNODE() is always fresh.
        let fresh = try Fn.call("BNODE", context: context)
        let another = try Fn.call("BNODE", context: context)
        #expect(fresh.isBlankNode && another != fresh)
        #expect(Fn.error("BNODE", Fn.lang("foo", "en"), context: context) != nil)
        #expect(Fn.error("BNODE", Fn.int("1"), context: context) != nil)
        // Labels are unique per context.
        let other = FunctionContext(randomSeed: 2)
        #expect(try Fn.call("BNODE", context: other) != Fn.call("BNODE", context: FunctionContext(randomSeed: 3)))
    }

    @Test func strdtAndStrlang() throws {
        #expect(try Fn.call("STRDT", Fn.str("123"), .iri(XSD.integer)) == Fn.int("123"))
        #expect(try Fn.call("STRDT", Fn.str("iiii"), Fn.iri("http://example/romanNumeral")) == Fn.typed("iiii", "http://example/romanNumeral"))
        #expect(try Fn.call("STRDT", Fn.xsd("abc", "string"), .iri(XSD.string)) == Fn.str("abc"))  // strdt03-rdf11
        #expect(Fn.error("STRDT", Fn.lang("bar", "en"), .iri(XSD.string)) != nil)  // strdt01
        #expect(Fn.error("STRDT", Fn.int("1"), .iri(XSD.string)) != nil)
        #expect(Fn.error("STRDT", Fn.str("x"), Fn.str("http://example/t")) != nil)
        #expect(Fn.error("STRDT", Fn.str("x"), .iri(RDFVocabulary.langString)) != nil)
        #expect(try Fn.call("STRLANG", Fn.str("chat"), Fn.str("en")) == Fn.lang("chat", "en"))
        #expect(try Fn.call("STRLANG", Fn.xsd("abc", "string"), Fn.str("en-US")) == Fn.lang("abc", "en-us"))  // strlang03-rdf11
        #expect(Fn.error("STRLANG", Fn.lang("bar", "en"), Fn.str("en-US")) != nil)  // strlang01
        #expect(Fn.error("STRLANG", Fn.str("x"), Fn.str("")) != nil)
        #expect(Fn.error("STRLANG", Fn.str("x"), Fn.str("en_US")) != nil)
        #expect(Fn.error("STRLANG", Fn.str("x"), Fn.str("1en")) != nil)
        #expect(try Fn.call("STRLANG", Fn.str("x"), Fn.str("de-Latn-1996")) == Fn.lang("x", "de-latn-1996"))
    }

    @Test func termTests() throws {
        let blank = Term.blankNode(BlankNode("b"))
        let terms = [Fn.iri("http://example/"), blank, Fn.str("x"), Fn.int("1")]
        #expect(try terms.map { try Fn.call("isIRI", $0) } == [true, false, false, false].map(Fn.bool))
        #expect(try terms.map { try Fn.call("isURI", $0) } == [true, false, false, false].map(Fn.bool))
        #expect(try terms.map { try Fn.call("isBLANK", $0) } == [false, true, false, false].map(Fn.bool))
        #expect(try terms.map { try Fn.call("isLITERAL", $0) } == [false, false, true, true].map(Fn.bool))
        #expect(try terms.map { try Fn.call("isNUMERIC", $0) } == [false, false, false, true].map(Fn.bool))
        #expect(try Fn.call("isNumeric", Fn.str("12")) == Fn.bool(false))
        #expect(try Fn.call("isNumeric", Fn.xsd("1200", "byte")) == Fn.bool(false))
        #expect(try Fn.call("isNumeric", Fn.int("1.5")) == Fn.bool(false))
        #expect(try Fn.call("isNumeric", Fn.dec("-1.6")) == Fn.bool(true))
    }

    @Test func randomness() throws {
        let context = FunctionContext(randomSeed: 7)
        for _ in 0..<100 {
            let r = try Fn.call("RAND", context: context)
            #expect(try Fn.call("DATATYPE", r) == .iri(XSD.double))
            #expect(try SPARQLFunctions.greaterThanOrEqual(r, Fn.dec("0.0")) && SPARQLFunctions.lessThan(r, Fn.dec("1.0")))
        }
        let uuid = try Fn.call("UUID", context: context)
        let text = uuid.iri!.value
        #expect(text.count == 45 && text.hasPrefix("urn:uuid:"))
        let pattern = Fn.str("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        #expect(try Fn.call("REGEX", Fn.str(text), pattern) == Fn.bool(true))
        #expect(try Fn.call("UUID", context: context) != uuid)
        let struuid = try Fn.call("STRUUID", context: context)
        #expect(try Fn.call("STRLEN", struuid) == Fn.int("36") && struuid.isLiteral)
        // A seed makes the sequence reproducible.
        let a = FunctionContext(randomSeed: 99)
        let b = FunctionContext(randomSeed: 99)
        #expect(try Fn.call("RAND", context: a) == Fn.call("RAND", context: b))
        #expect(try Fn.call("STRUUID", context: a) == Fn.call("STRUUID", context: b))
    }

    @Test func dispatcher() {
        #expect(Fn.error("NOSUCH") == .unknownBuiltIn("NOSUCH"))
        #expect(Fn.error("STR") == .wrongArgumentCount(function: "STR", expected: "1", actual: 0))
        #expect(Fn.error("SUBSTR", Fn.str("a")) == .wrongArgumentCount(function: "SUBSTR", expected: "2 to 3", actual: 1))
        #expect(Fn.error("RAND", Fn.int("1")) == .wrongArgumentCount(function: "RAND", expected: "0", actual: 1))
        #expect(Fn.error("REGEX", Fn.str("a"), Fn.str("a"), Fn.str(""), Fn.str("")) != nil)
        // Every built-in the algebra names is known to the dispatcher.
        for name in [
            "STR", "LANG", "LANGMATCHES", "DATATYPE", "IRI", "URI", "BNODE", "RAND", "ABS", "CEIL", "FLOOR", "ROUND", "CONCAT",
            "SUBSTR", "STRLEN", "REPLACE", "UCASE", "LCASE", "ENCODE_FOR_URI", "CONTAINS", "STRSTARTS", "STRENDS",
            "STRBEFORE", "STRAFTER", "YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW", "UUID",
            "STRUUID", "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "STRLANG", "STRDT", "sameTerm", "isIRI", "isURI",
            "isBLANK", "isLITERAL", "isNUMERIC", "REGEX",
        ] {
            #expect(Fn.error(name, Fn.int("1"), Fn.int("1"), Fn.int("1"), Fn.int("1"), Fn.int("1")) != .unknownBuiltIn(name.uppercased()))
        }
        #expect(ExpressionError.divisionByZero.description == "division by zero")
        #expect(ExpressionError.wrongArgumentCount(function: "STR", expected: "1", actual: 2).description == "STR takes 1 argument, not 2")
    }
}
