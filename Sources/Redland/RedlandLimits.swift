public import RDF

/// What librdf's `hashes` storage can keep, checked before anything reaches it.
///
/// librdf encodes a node with a 16-bit length for IRIs, blank node labels and datatype IRIs, and an 8-bit length for
/// language tags. Longer IRIs and labels are dropped without a log message (through the parser, even with return code
/// 0; research/redland.md §2.3); a 256-byte language tag is stored corrupted and the process aborted soon after
/// (measured here). Literal lexical forms have a 32-bit length and no practical limit.
public enum RedlandLimits {
    /// The longest IRI (and datatype IRI), in UTF-8 bytes, that `hashes` stores.
    public static let maxIRIBytes = 0xFFFF
    /// The longest blank node label, in UTF-8 bytes, that `hashes` stores.
    public static let maxBlankNodeLabelBytes = 0xFFFF
    /// The longest language tag, in bytes, that `hashes` stores.
    public static let maxLanguageTagBytes = 0xFF

    /// Checks that `quad` is RDF (no literal subject, an IRI predicate) and that librdf can store each of its terms.
    /// - Throws: `RedlandError` with code `.invalidData`, naming the offending term.
    public static func check(_ quad: Quad) throws {
        try check(quad.triple)
        if let graph = quad.graph.term { try check(graph, role: "graph name") }
    }

    /// Checks that `triple` is RDF (no literal subject, an IRI predicate) and that librdf can store each of its terms.
    /// - Throws: `RedlandError` with code `.invalidData`, naming the offending term.
    public static func check(_ triple: Triple) throws {
        guard !triple.subject.isLiteral else { throw RedlandError(.invalidData, "a literal cannot be a subject: \(triple)") }
        guard triple.predicate.isIRI else { throw RedlandError(.invalidData, "the predicate must be an IRI: \(triple)") }
        try check(triple.subject, role: "subject")
        try check(triple.predicate, role: "predicate")
        try check(triple.object, role: "object")
    }

    /// Checks one term; `role` names its position in the error message.
    static func check(_ term: Term, role: String) throws {
        switch term {
        case .iri(let iri):
            try checkIRI(iri, role: role)
        case .blankNode(let node):
            let count = node.id.utf8.count
            guard count <= maxBlankNodeLabelBytes else {
                throw RedlandError(
                    .invalidData,
                    "\(role) blank node label of \(count) bytes (_:\(node.id.prefix(40))…) exceeds the \(maxBlankNodeLabelBytes) bytes "
                        + "librdf can store")
            }
        case .literal(let literal):
            try checkIRI(literal.datatype, role: "\(role) datatype")
            if let language = literal.language, language.utf8.count > maxLanguageTagBytes {
                throw RedlandError(
                    .invalidData,
                    "\(role) language tag of \(language.utf8.count) bytes exceeds the \(maxLanguageTagBytes) bytes librdf can store")
            }
        }
    }

    private static func checkIRI(_ iri: IRI, role: String) throws {
        let count = iri.value.utf8.count
        guard count <= maxIRIBytes else {
            throw RedlandError(
                .invalidData, "\(role) IRI of \(count) bytes (<\(iri.value.prefix(60))…>) exceeds the \(maxIRIBytes) bytes librdf can store")
        }
    }
}
