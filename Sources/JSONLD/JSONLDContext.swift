public import RDF

/// The active context of JSON-LD 1.1 (https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm): what terms
/// mean while a part of the document is expanded. A value type: a nested `@context` copies it (cheaply, the term
/// table is copy-on-write) and changes the copy.
struct ActiveContext: Sendable {
    /// The base IRI relative `@id`s resolve against; `nil` when there is none.
    var base: String?
    /// The document's own base, which `"@context": null` restores.
    let originalBase: String?
    var vocab: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    var terms: [String: TermDefinition] = [:]
    /// The context to go back to when a type-scoped context does not propagate into nested nodes.
    var previous: PreviousContext?

    init(base: String?) {
        self.base = base
        self.originalBase = base
    }

    /// A context with no terms, for `"@context": null`.
    func reset() -> ActiveContext { ActiveContext(base: originalBase) }

    var hasProtectedTerms: Bool { terms.values.contains { $0.isProtected } }
}

/// Boxes a context so a context can hold the one it replaced.
final class PreviousContext: Sendable {
    let context: ActiveContext
    init(_ context: ActiveContext) { self.context = context }
}

/// One term's definition (https://www.w3.org/TR/json-ld11/#expanded-term-definition).
struct TermDefinition: Sendable, Equatable {
    /// The IRI, blank node identifier or keyword the term stands for; `nil` for a term mapped to `null`, which
    /// makes keys using it drop out.
    var iri: String?
    var isReverse = false
    /// `@id`, `@vocab`, `@json`, `@none`, or a datatype IRI.
    var typeMapping: String?
    /// `nil`: not set (the default language applies); `.some(nil)`: `"@language": null`.
    var language: String??
    var direction: String??
    var container: Set<String> = []
    var isPrefix = false
    var isProtected = false
    /// A property-valued index (`"@index": "prop"` beside `"@container": "@index"`).
    var index: String?
    var nest: String?
    /// A scoped context, applied to the term's values (or, for a type, to nodes of that type).
    var localContext: JSONValue?
    /// The base IRI to process `localContext` against.
    var baseForLocalContext: String?

    init(iri: String?) { self.iri = iri }

    /// JSON-LD 1.1 compares definitions of protected terms ignoring their `@protected` flag.
    func sameExceptProtection(_ other: TermDefinition) -> Bool {
        var a = self
        var b = other
        a.isProtected = false
        b.isProtected = false
        return a == b
    }
}

/// JSON-LD keywords (https://www.w3.org/TR/json-ld11/#keywords).
enum Keyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
        "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
        "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ text: String) -> Bool { text.utf8.first == UInt8(ascii: "@") && all.contains(text) }

    /// `@` followed by ASCII letters only: reserved for future keywords, so JSON-LD 1.1 ignores such terms.
    static func hasKeywordForm(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "@") else { return false }
        var count = 0
        while let byte = bytes.next() {
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            else { return false }
            count += 1
        }
        return count > 0
    }

    /// RFC 3986 gen-delims: a simple term whose IRI ends in one of these may be used as a prefix.
    static func endsWithGenDelim(_ iri: String) -> Bool {
        guard let last = iri.utf8.last else { return false }
        return ":/?#[]@".utf8.contains(last)
    }
}
