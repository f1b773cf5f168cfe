import RDF
import Synchronization
import Testing

@testable import SPARQL

@Suite("REGEX and REPLACE")
struct RegexTests {
    private func matches(_ text: String, _ pattern: String, _ flags: String? = nil) throws -> Bool {
        let result =
            try flags.map { (flags) throws(ExpressionError) in try Fn.call("REGEX", Fn.str(text), Fn.str(pattern), Fn.str(flags)) }
            ?? Fn.call("REGEX", Fn.str(text), Fn.str(pattern))
        return result == Fn.bool(true)
    }

    /// data-r2/regex over regex-data-01.ttl and regex-data-quantifiers.ttl.
    @Test func w3cRegexTests() throws {
        let quantifierData = ["ac", "abc", "abbc", "abbbc", "a\nc", "a\nb\nc", "a.c", "ABC", "a?+*.{}()[]c", "b"]
        func filter(_ pattern: String, _ flags: String? = nil) throws -> [String] {
            try quantifierData.filter { try matches($0, pattern, flags) }
        }
        #expect(try filter("ab?c") == ["ac", "abc"])
        #expect(try filter("ab*c") == ["ac", "abc", "abbc", "abbbc"])
        #expect(try filter("ab+c") == ["abc", "abbc", "abbbc"])
        #expect(try filter("ab{2}c") == ["abbc"])
        #expect(try filter("ab{1,}c") == ["abc", "abbc", "abbbc"])
        #expect(try filter("ab{1,2}c") == ["abc", "abbc"])
        #expect(try filter("a.c") == ["abc", "a.c"])
        #expect(try filter("a.c", "s") == ["abc", "a\nc", "a.c"])
        #expect(try filter("abc", "i") == ["abc", "ABC"])
        #expect(try filter("a?+*.{}()[]c", "q") == ["a?+*.{}()[]c"])
        #expect(try filter("a?+*.{}()[]C", "iq") == ["a?+*.{}()[]c"])
        #expect(try filter("^b$") == ["b"])
        #expect(try filter("^b$", "m") == ["a\nb\nc", "b"])
        #expect(try filter("a[b\\n]c") == ["abc", "a\nc"])
        #expect(try filter("a[^b]c") == ["a\nc", "a.c"])
        #expect(try filter(" a\n\tc ", "x") == ["ac"])
        #expect(try filter(" a\n\r\t[\\n]c ", "x") == ["a\nc"])
        let data01 = ["abcDEFghiJKL", "ABCdefGHIjkl", "0123456789", "http://example.com/literal"]
        #expect(try data01.filter { try matches($0, "GHI") } == ["ABCdefGHIjkl"])
        #expect(try data01.filter { try matches($0, "DeFghI", "i") } == ["abcDEFghiJKL", "ABCdefGHIjkl"])
        #expect(try data01.filter { try matches($0, "example\\.com") } == ["http://example.com/literal"])
    }

    @Test func regexArguments() throws {
        #expect(try Fn.call("REGEX", Fn.lang("Alice", "en"), Fn.str("^ali"), Fn.str("i")) == Fn.bool(true))
        #expect(try Fn.call("REGEX", Fn.xsd("Alice", "string"), Fn.xsd("^Al", "string")) == Fn.bool(true))
        #expect(Fn.error("REGEX", Fn.iri("http://example.com/uri"), Fn.str("example")) != nil)
        #expect(Fn.error("REGEX", Fn.int("1"), Fn.str("1")) != nil)
        #expect(Fn.error("REGEX", Fn.str("a"), Fn.lang("a", "en")) != nil)
        #expect(Fn.error("REGEX", Fn.str("a"), Fn.str("a"), Fn.str("g")) != nil)
    }

    @Test func xpathSemantics() throws {
        #expect(try !matches("a\n", "a$"))  // $ is the end of the string, not before a final newline
        #expect(try matches("a\nb", "a$", "m"))
        #expect(try !matches("a\rb", "a$", "m"))  // only \n breaks lines
        #expect(try matches("a\u{2028}", "a."))  // . excludes only \n and \r…
        #expect(try !matches("\r", ".") && matches("\u{85}", "."))
        #expect(try matches("\u{A0}", "\\S") && !matches("\u{A0}", "\\s"))  // \s is only space, tab, CR, LF
        #expect(try matches("é", "^\\w$") && !matches("-", "\\w") && matches("+", "\\w"))  // \w excludes P, Z, C
        #expect(try matches("x:y", "^\\i\\c*$") && !matches("1x", "^\\i"))
        #expect(try matches("b", "^[a-z-[aeiou]]$") && !matches("e", "^[a-z-[aeiou]]$"))
        #expect(try matches("1", "^[^a-z-[0-4]]$") == false && matches("5", "^[^a-z-[0-4]]$"))
        #expect(try matches("\u{0391}", "\\p{IsGreek}") && matches("A", "\\p{Lu}") && !matches("a", "\\p{Lu}"))
        #expect(try matches("a:b", "[:]") && matches("&", "[&&]") && !matches("x", "[&&]"))
        #expect(try matches("aa", "^(a)\\1$") && matches("aa0", "^(a)\\10$"))
        #expect(try matches("a b", "a b", "x") == false && matches("ab", "a b", "x") && matches("a b", "a[ ]b", "x"))
        #expect(try matches("ABC", "(?:b)", "i"))
    }

    @Test(
        "rejects patterns XPath rejects",
        arguments: [
            "(", ")", "[a", "[]", "a{", "a{x}", "\\", "\\b", "\\A", "(?=a)", "(?i)a",
            "\\2(a)", "[z-a]", "\\p{L", "\\q",
        ]
    )
    func invalidPatterns(pattern: String) {
        guard case .invalidRegularExpression? = Fn.error("REGEX", Fn.str("a"), Fn.str(pattern)) else {
            Issue.record("\(pattern) should be rejected")
            return
        }
    }

    @Test func replace() throws {
        #expect(try Fn.call("REPLACE", Fn.str("abcd"), Fn.str("b"), Fn.str("Z")) == Fn.str("aZcd"))
        #expect(try Fn.call("REPLACE", Fn.str("abab"), Fn.str("B"), Fn.str("Z"), Fn.str("i")) == Fn.str("aZaZ"))
        #expect(try Fn.call("REPLACE", Fn.str("abab"), Fn.str("B."), Fn.str("Z"), Fn.str("i")) == Fn.str("aZb"))
        #expect(try Fn.call("REPLACE", Fn.str("banana"), Fn.str("ana"), Fn.str("*")) == Fn.str("b*na"))  // replace02
        #expect(try Fn.call("REPLACE", Fn.str("abcd"), Fn.str("(ab)|(a)"), Fn.str("[1=$1][2=$2]")) == Fn.str("[1=ab][2=]cd"))
        #expect(try Fn.call("REPLACE", Fn.str("aAbBaC"), Fn.str("a"), Fn.str("~/"), Fn.str("i")) == Fn.str("~/~/bB~/C"))
        #expect(try Fn.call("REPLACE", Fn.lang("Français", "fr"), Fn.str("[^a-z0-9]"), Fn.str("-")) == Fn.lang("-ran-ais", "fr"))
        #expect(try Fn.call("REPLACE", Fn.lang("日本語", "ja"), Fn.str("[^a-z0-9]"), Fn.str("-")) == Fn.lang("---", "ja"))
        #expect(try Fn.call("REPLACE", Fn.str("\u{1F46A}x\u{1F46A}"), Fn.str("x"), Fn.str("\u{1F600}")) == Fn.str("\u{1F46A}\u{1F600}\u{1F46A}"))
        #expect(try Fn.call("REPLACE", Fn.str("a.b"), Fn.str("."), Fn.str("$0"), Fn.str("q")) == Fn.str("a$0b"))
        #expect(try Fn.call("REPLACE", Fn.str("abc"), Fn.str("b"), Fn.str("\\$\\\\")) == Fn.str("a$\\c"))
        #expect(try Fn.call("REPLACE", Fn.str("abc"), Fn.str("(b)"), Fn.str("$12")) == Fn.str("ab2c"))
        #expect(try Fn.call("REPLACE", Fn.str("abc"), Fn.str("(b)"), Fn.str("$2")) == Fn.str("ac"))
        #expect(try Fn.call("REPLACE", Fn.str("abc"), Fn.str("b"), Fn.str("[$0]")) == Fn.str("a[b]c"))
        #expect(Fn.error("REPLACE", Fn.str("abc"), Fn.str("x*"), Fn.str("-")) != nil)  // matches ""
        #expect(Fn.error("REPLACE", Fn.str("abc"), Fn.str("b"), Fn.str("$")) != nil)
        #expect(Fn.error("REPLACE", Fn.str("abc"), Fn.str("b"), Fn.str("\\n")) != nil)
        #expect(Fn.error("REPLACE", Fn.int("7"), Fn.str("7"), Fn.str("8")) != nil)
        #expect(Fn.error("REPLACE", Fn.str("abc"), Fn.str("b"), Fn.lang("x", "en")) != nil)
    }

    @Test("A match ICU cannot finish (its backtracking stack runs out) is an error value, never the input unchanged or false")
    func backtrackingStackOverflow() throws {
        let long = Fn.str(String(repeating: "a", count: 1_000_000))
        #expect(Fn.error("REPLACE", long, Fn.str("(a+)+b"), Fn.str("x")) == .regexMatchFailed("REPLACE"))
        #expect(Fn.error("REPLACE", long, Fn.str("(a)+"), Fn.str("x")) == .regexMatchFailed("REPLACE"))
        #expect(Fn.error("REGEX", long, Fn.str("(a+)+b")) == .regexMatchFailed("REGEX"))
        #expect(try Fn.call("REPLACE", Fn.str("aab"), Fn.str("(a+)+b"), Fn.str("x")) == Fn.str("x"))  // short inputs still match
    }

    @Test func compiledPatternsAreCached() throws {
        let context = FunctionContext()
        for _ in 0..<3 { _ = try Fn.call("REGEX", Fn.str("abc"), Fn.str("b+"), context: context) }
        #expect(context.regexCache.withLock { $0.count } == 1)
    }
}
