/// A term spelt as UTF-8 bytes that someone else owns (a store's mapped dictionary, a `Term`'s strings): valid only
/// inside the closure that receives it. Lets a writer copy a stored term's text without decoding it into a `Term`.
public struct TermSpelling {
    public enum Kind: Sendable { case iri, blankNode, typedLiteral, languageLiteral }

    public let kind: Kind
    /// The IRI, the blank node's label, or the literal's lexical form.
    public let value: UnsafeBufferPointer<UInt8>
    /// A typed literal's datatype IRI, a language-tagged literal's (lower-cased) tag; empty for IRIs and blank nodes.
    public let qualifier: UnsafeBufferPointer<UInt8>

    @inlinable
    public init(kind: Kind, value: UnsafeBufferPointer<UInt8>, qualifier: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)) {
        self.kind = kind
        self.value = value
        self.qualifier = qualifier
    }

    /// True for a typed literal whose datatype is `xsd:string` (the plain literal a writer leaves unqualified).
    public var isXSDString: Bool {
        kind == .typedLiteral && qualifier.elementsEqual(Self.xsdString)
    }

    private static let xsdString = Array(XSD.string.value.utf8)
}

extension Term {
    /// Calls `body` with this term's spelling, its bytes read in place from the term's strings.
    public func withSpelling(_ body: (TermSpelling) -> Void) {
        switch self {
        case .iri(let iri):
            Self.withBytes(iri.value) { body(TermSpelling(kind: .iri, value: $0)) }
        case .blankNode(let node):
            Self.withBytes(node.id) { body(TermSpelling(kind: .blankNode, value: $0)) }
        case .literal(let literal):
            Self.withBytes(literal.lexicalForm) { value in
                if let language = literal.language {
                    Self.withBytes(language) { body(TermSpelling(kind: .languageLiteral, value: value, qualifier: $0)) }
                } else {
                    Self.withBytes(literal.datatype.value) { body(TermSpelling(kind: .typedLiteral, value: value, qualifier: $0)) }
                }
            }
        }
    }

    @inline(__always)
    private static func withBytes(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var string = string  // withUTF8 is mutating; a native string is not copied
        string.withUTF8(body)
    }
}
