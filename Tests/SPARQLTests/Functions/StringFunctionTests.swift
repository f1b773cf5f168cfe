import RDF
import Testing

@testable import SPARQL

@Suite("String functions (§17.4.3)")
struct StringFunctionTests {
    private let s = Fn.str
    private let x = { (text: String) in Fn.xsd(text, "string") }
    private let en = { (text: String) in Fn.lang(text, "en") }

    @Test func strlen() throws {
        for term in [s("chat"), en("chat"), x("chat")] { #expect(try Fn.call("STRLEN", term) == Fn.int("4")) }
        #expect(try Fn.call("STRLEN", s("食べ物")) == Fn.int("3"))
        #expect(try Fn.call("STRLEN", s("\u{1F46A}")) == Fn.int("1"))  // length01-non-bmp
        #expect(try Fn.call("STRLEN", s("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}")) == Fn.int("7"))
        #expect(try Fn.call("STRLEN", s("e\u{301}")) == Fn.int("2"))
        #expect(Fn.error("STRLEN", Fn.int("1")) != nil)
        #expect(Fn.error("STRLEN", Fn.iri("http://example/")) != nil)
    }

    @Test func substr() throws {
        #expect(try Fn.call("SUBSTR", s("foobar"), Fn.int("4")) == s("bar"))
        #expect(try Fn.call("SUBSTR", en("foobar"), Fn.int("4")) == en("bar"))
        #expect(try Fn.call("SUBSTR", x("foobar"), Fn.int("4")) == x("bar"))
        #expect(try Fn.call("SUBSTR", s("foobar"), Fn.int("4"), Fn.int("1")) == s("b"))
        #expect(try Fn.call("SUBSTR", en("foobar"), Fn.int("4"), Fn.int("1")) == en("b"))
        #expect(try Fn.call("SUBSTR", x("foobar"), Fn.int("4"), Fn.int("1")) == x("b"))
        // fn:substring's rounding and out-of-range positions.
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.dec("1.5"), Fn.dec("2.6")) == s("234"))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.int("0"), Fn.int("3")) == s("12"))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.int("5"), Fn.int("-3")) == s(""))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.int("-3"), Fn.int("5")) == s("1"))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.dbl("NaN"), Fn.int("3")) == s(""))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.int("1"), Fn.dbl("NaN")) == s(""))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.dbl("-INF"), Fn.dbl("INF")) == s(""))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.dbl("-3"), Fn.dbl("INF")) == s("12345"))
        #expect(try Fn.call("SUBSTR", s("12345"), Fn.int("9")) == s(""))
        // Code points, not grapheme clusters (substring01/02-non-bmp).
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        #expect(try Fn.call("SUBSTR", s(family), Fn.int("1"), Fn.int("1")) == s("\u{1F468}"))
        #expect(try Fn.call("SUBSTR", s(family), Fn.int("2")) == s("\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"))
        #expect(try Fn.call("SUBSTR", s("\u{1F46A}"), Fn.int("2")) == s(""))
        #expect(Fn.error("SUBSTR", s("abc"), s("1")) != nil)
        #expect(Fn.error("SUBSTR", Fn.int("123"), Fn.int("1")) != nil)
        #expect(Fn.error("SUBSTR", s("abc")) != nil)
    }

    @Test func caseMapping() throws {
        #expect(try Fn.call("UCASE", s("foo")) == s("FOO"))
        #expect(try Fn.call("UCASE", en("foo")) == en("FOO"))
        #expect(try Fn.call("UCASE", x("foo")) == x("FOO"))
        #expect(try Fn.call("LCASE", s("BAR")) == s("bar"))
        #expect(try Fn.call("LCASE", en("BAR")) == en("bar"))
        #expect(try Fn.call("LCASE", x("BAR")) == x("bar"))
        #expect(try Fn.call("UCASE", s("食べ物")) == s("食べ物"))
        #expect(try Fn.call("UCASE", s("straße")) == s("STRASSE"))
        #expect(Fn.error("UCASE", Fn.int("1")) != nil)
    }

    @Test func startsEndsContains() throws {
        let pairs: [(Term, Term)] = [
            (s("foobar"), s("foo")), (en("foobar"), en("foo")), (x("foobar"), x("foo")),
            (x("foobar"), s("foo")), (s("foobar"), x("foo")), (en("foobar"), s("foo")), (en("foobar"), x("foo")),
        ]
        for (a, b) in pairs {
            #expect(try Fn.call("STRSTARTS", a, b) == Fn.bool(true))
            #expect(try Fn.call("CONTAINS", a, b) == Fn.bool(true))
            #expect(try Fn.call("STRENDS", a, b) == Fn.bool(false))
        }
        #expect(try Fn.call("STRENDS", s("foobar"), s("bar")) == Fn.bool(true))
        #expect(try Fn.call("STRENDS", en("foobar"), en("bar")) == Fn.bool(true))
        #expect(try Fn.call("STRENDS", x("abc"), s("bc")) == Fn.bool(true))
        #expect(try Fn.call("CONTAINS", s("foobar"), s("bar")) == Fn.bool(true))
        #expect(try Fn.call("CONTAINS", s("foobar"), s("")) == Fn.bool(true))
        #expect(try Fn.call("CONTAINS", s("foo"), s("foobar")) == Fn.bool(false))
        #expect(try Fn.call("STRSTARTS", s("\u{1F468}\u{200D}\u{1F469}"), s("\u{1F468}")) == Fn.bool(true))
        #expect(try Fn.call("CONTAINS", s("e\u{301}"), s("e")) == Fn.bool(true))
        #expect(try Fn.call("CONTAINS", s("é"), s("e\u{301}")) == Fn.bool(false))
        // Incompatible arguments are errors.
        #expect(Fn.error("STRSTARTS", s("foobar"), en("foo")) != nil)
        #expect(Fn.error("CONTAINS", en("foobar"), Fn.lang("foo", "fr")) != nil)
        #expect(Fn.error("STRENDS", s("foobar"), Fn.int("1")) != nil)
        #expect(Fn.error("STRSTARTS", Fn.str("100"), Fn.int("1")) != nil)  // starts01 uses STR() for this reason
    }

    @Test func strbefore() throws {
        #expect(try Fn.call("STRBEFORE", s("abc"), s("b")) == s("a"))
        #expect(try Fn.call("STRBEFORE", en("abc"), s("bc")) == en("a"))
        #expect(Fn.error("STRBEFORE", en("abc"), Fn.lang("b", "cy")) != nil)
        #expect(try Fn.call("STRBEFORE", x("abc"), s("")) == x(""))
        #expect(try Fn.call("STRBEFORE", s("abc"), s("xyz")) == s(""))
        #expect(try Fn.call("STRBEFORE", en("abc"), en("z")) == s(""))
        #expect(try Fn.call("STRBEFORE", en("abc"), s("z")) == s(""))
        #expect(try Fn.call("STRBEFORE", en("abc"), en("")) == en(""))
        #expect(try Fn.call("STRBEFORE", en("abc"), s("")) == en(""))
        #expect(try Fn.call("STRBEFORE", Fn.lang("日本語", "ja"), s("s")) == s(""))  // strbefore01a
        #expect(try Fn.call("STRBEFORE", Fn.lang("français", "fr"), s("s")) == Fn.lang("françai", "fr"))
        #expect(Fn.error("STRBEFORE", Fn.int("7"), s("s")) != nil)
    }

    @Test func strafter() throws {
        #expect(try Fn.call("STRAFTER", s("abc"), s("b")) == s("c"))
        #expect(try Fn.call("STRAFTER", en("abc"), s("ab")) == en("c"))
        #expect(Fn.error("STRAFTER", en("abc"), Fn.lang("b", "cy")) != nil)
        #expect(try Fn.call("STRAFTER", x("abc"), s("")) == x("abc"))
        #expect(try Fn.call("STRAFTER", s("abc"), s("xyz")) == s(""))
        #expect(try Fn.call("STRAFTER", en("abc"), en("z")) == s(""))
        #expect(try Fn.call("STRAFTER", en("abc"), s("z")) == s(""))
        #expect(try Fn.call("STRAFTER", en("abc"), en("")) == en("abc"))
        #expect(try Fn.call("STRAFTER", en("abc"), s("")) == en("abc"))
        #expect(try Fn.call("STRAFTER", Fn.lang("français", "fr"), s("e")) == s(""))  // strafter01a
        #expect(try Fn.call("STRAFTER", x("def"), s("e")) == s("f"))
        #expect(try Fn.call("STRAFTER", s("abcabc"), s("bc")) == s("abc"))
    }

    @Test func encodeForURI() throws {
        #expect(try Fn.call("ENCODE_FOR_URI", s("Los Angeles")) == s("Los%20Angeles"))
        #expect(try Fn.call("ENCODE_FOR_URI", en("Los Angeles")) == s("Los%20Angeles"))
        #expect(try Fn.call("ENCODE_FOR_URI", x("Los Angeles")) == s("Los%20Angeles"))
        #expect(try Fn.call("ENCODE_FOR_URI", s("100%")) == s("100%25"))
        #expect(try Fn.call("ENCODE_FOR_URI", s("食べ物")) == s("%E9%A3%9F%E3%81%B9%E7%89%A9"))
        #expect(try Fn.call("ENCODE_FOR_URI", s("\u{1F46A}")) == s("%F0%9F%91%AA"))
        #expect(try Fn.call("ENCODE_FOR_URI", s("a-z_0.9~/?#[]@!$&'()*+,;=")) == s("a-z_0.9~%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D"))
    }

    @Test func concat() throws {
        #expect(try Fn.call("CONCAT", s("foo"), s("bar")) == s("foobar"))
        #expect(try Fn.call("CONCAT", en("foo"), en("bar")) == en("foobar"))
        #expect(try Fn.call("CONCAT", x("foo"), x("bar")) == x("foobar"))
        #expect(try Fn.call("CONCAT", s("foo"), x("bar")) == s("foobar"))
        #expect(try Fn.call("CONCAT", en("foo"), s("bar")) == s("foobar"))
        #expect(try Fn.call("CONCAT", en("foo"), x("bar")) == s("foobar"))
        #expect(try Fn.call("CONCAT", en("foo"), Fn.lang("bar", "fr")) == s("foobar"))
        #expect(try Fn.call("CONCAT") == s(""))
        #expect(try Fn.call("CONCAT", en("abc")) == en("abc"))
        #expect(Fn.error("CONCAT", s("a"), Fn.int("1")) != nil)
        #expect(Fn.error("CONCAT", s("a"), Fn.iri("http://example/")) != nil)
    }

    @Test func langMatches() throws {
        #expect(try Fn.call("langMatches", s("en-GB"), s("en")) == Fn.bool(true))
        #expect(try Fn.call("LANGMATCHES", s("en"), s("en-GB")) == Fn.bool(false))
        #expect(try Fn.call("LANGMATCHES", s("en-gb"), s("EN-GB")) == Fn.bool(true))
        #expect(try Fn.call("LANGMATCHES", s("fr"), s("*")) == Fn.bool(true))
        #expect(try Fn.call("LANGMATCHES", s(""), s("*")) == Fn.bool(false))
        #expect(try Fn.call("LANGMATCHES", s("de-Latn-DE"), s("de-de")) == Fn.bool(false))
        #expect(try Fn.call("LANGMATCHES", s("de-de"), s("de-de")) == Fn.bool(true))
        #expect(try Fn.call("LANGMATCHES", s("english"), s("en")) == Fn.bool(false))
        #expect(try Fn.call("LANGMATCHES", s(""), s("")) == Fn.bool(true))
        #expect(Fn.error("LANGMATCHES", en("en"), s("en")) != nil)
    }
}
