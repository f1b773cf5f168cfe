import Foundation
import RDF
import Testing

@testable import SPARQL

/// The literal fast path must agree with ICU on every input it accepts.
@Suite("REGEX literal fast path")
struct RegexFastPathTests {
    @Test(arguments: [
        ("Electronic Identification", "identif", "i", true), ("Electronic Identification", "identif", "", false),
        ("eIDAS regulation", "eidas|e-signature", "i", true), ("qualified e-Signature", "eidas|e-signature", "i", true),
        ("nothing here", "eidas|e-signature", "i", false), ("Kelvin \u{212A}", "k", "i", true), ("ſtraße", "s", "i", true),
        ("café au lait", "AU", "i", true), ("a|b", "a|b", "", true), ("xyz", "a|b", "", false), ("x", "x", "", true),
    ])
    func agreesWithICU(text: String, pattern: String, flags: String, expected: Bool) throws {
        let context = FunctionContext()
        let viaFunction = try SPARQLFunctions.call("REGEX", [.string(text), .string(pattern), .string(flags)], context: context)
        #expect(viaFunction == SPARQLFunctions.boolean(expected))
        let (icu, _) = try context.regularExpression(pattern: pattern, flags: flags)
        let icuFound = icu.firstMatch(in: text, range: .init(location: 0, length: text.utf16.count)) != nil
        #expect(icuFound == expected, "ICU disagrees with the expectation itself")
    }

    @Test func metacharactersTakeTheRegularPath() {
        #expect(LiteralPatternSearch(pattern: "^abc", flags: "i") == nil)
        #expect(LiteralPatternSearch(pattern: "a.c", flags: "") == nil)
        #expect(LiteralPatternSearch(pattern: "abc", flags: "s") == nil)
        #expect(LiteralPatternSearch(pattern: "a||b", flags: "") == nil)
    }
}
