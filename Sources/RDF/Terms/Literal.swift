/// An RDF literal: a lexical form with a datatype, and a language tag for `rdf:langString`
/// (RDF 1.1 §3.3, https://www.w3.org/TR/rdf11-concepts/#section-Graph-Literal).
public struct Literal: Hashable, Sendable, CustomStringConvertible {
    public let lexicalForm: String
    public let datatype: IRI
    /// Lower-cased language tag, or `nil` unless the datatype is `rdf:langString`.
    public let language: String?

    /// A literal with a datatype; `xsd:string` when none is given (a "simple literal").
    public init(_ lexicalForm: String, datatype: IRI = XSD.string) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype
        self.language = nil
    }

    /// A language-tagged string. Tags compare case-insensitively, so they are kept lower-cased.
    public init(_ lexicalForm: String, language: String) {
        self.lexicalForm = lexicalForm
        self.datatype = RDFVocabulary.langString
        self.language = language.lowercased()
    }

    /// True for a plain `xsd:string` literal with no language.
    public var isSimple: Bool { language == nil && datatype == XSD.string }

    /// The N-Triples form: quoted, escaped, then `@lang` or `^^<datatype>` (omitted for `xsd:string`).
    public var description: String { NTriples.literal(self) }
}
