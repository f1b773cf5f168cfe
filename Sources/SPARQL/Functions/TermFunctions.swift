import RDF

/// Functions on RDF terms (SPARQL 1.1 §17.4.2, https://www.w3.org/TR/sparql11-query/#func-rdfTerms).
extension SPARQLFunctions {
    /// `STR(term)`: the lexical form of a literal or the string of an IRI, as a simple literal.
    static func str(_ term: Term) throws(ExpressionError) -> Term {
        switch term {
        case .iri(let iri): .string(iri.value)
        case .literal(let literal): .string(literal.lexicalForm)
        case .blankNode: throw .typeError("STR of blank node \(term)")
        }
    }

    /// `LANG(literal)`: the language tag, or "" for a literal without one.
    static func lang(_ term: Term) throws(ExpressionError) -> Term {
        guard case .literal(let literal) = term else { throw .typeError("LANG needs a literal, not \(term)") }
        return .string(literal.language ?? "")
    }

    /// `DATATYPE(literal)`: the datatype IRI; `rdf:langString` for language-tagged strings (RDF 1.1).
    static func datatype(_ term: Term) throws(ExpressionError) -> Term {
        guard case .literal(let literal) = term else { throw .typeError("DATATYPE needs a literal, not \(term)") }
        return .iri(literal.datatype)
    }

    /// `IRI(str)` / `URI(str)`: an IRI unchanged, or a simple literal's string resolved against the base IRI.
    /// - Throws: `ExpressionError.invalidArgument` for characters IRIs forbid, or a relative reference with no base.
    static func iri(_ term: Term, context: FunctionContext) throws(ExpressionError) -> Term {
        if case .iri = term { return term }
        let reference = try simpleArgument(term, "IRI")
        for scalar in reference.unicodeScalars {
            switch scalar {
            case "\u{00}"..."\u{20}", "<", ">", "\"", "{", "}", "|", "^", "`", "\\":
                throw .invalidArgument("IRI(\"\(reference)\") contains \"\(scalar.escaped(asASCII: true))\"")
            default: break
            }
        }
        if IRIResolution.isAbsolute(reference) { return .iri(IRI(reference)) }
        guard let base = context.baseIRI else { throw .invalidArgument("IRI(\"\(reference)\") is relative and there is no base IRI") }
        return .iri(IRI(IRIResolution.resolve(reference, against: base.value)))
    }

    /// `BNODE()` or `BNODE(str)`: a fresh blank node, or the same node for the same string within one solution.
    static func bnode(_ term: Term?, context: FunctionContext) throws(ExpressionError) -> Term {
        guard let term else { return .blankNode(context.freshBlankNode()) }
        return .blankNode(context.blankNode(for: try simpleArgument(term, "BNODE")))
    }

    /// `STRDT(lexicalForm, datatypeIRI)`: a typed literal. The lexical form must be a simple literal or `xsd:string`.
    static func strdt(_ lexicalForm: Term, _ datatype: Term) throws(ExpressionError) -> Term {
        let text = try simpleArgument(lexicalForm, "STRDT")
        guard case .iri(let iri) = datatype else { throw .typeError("STRDT needs a datatype IRI, not \(datatype)") }
        guard iri != RDFVocabulary.langString else { throw .invalidArgument("STRDT cannot make rdf:langString literals") }
        return .literal(Literal(text, datatype: iri))
    }

    /// `STRLANG(lexicalForm, languageTag)`: a language-tagged literal; the tag must be a BCP 47 tag.
    static func strlang(_ lexicalForm: Term, _ language: Term) throws(ExpressionError) -> Term {
        let text = try simpleArgument(lexicalForm, "STRLANG")
        let tag = try simpleArgument(language, "STRLANG")
        guard isLanguageTag(tag) else { throw .invalidArgument("\"\(tag)\" is not a language tag") }
        return .literal(Literal(text, language: tag))
    }

    /// `langMatches(tag, range)` (RFC 4647 §3.3.1 basic filtering, case-insensitive): "*" matches any non-empty tag,
    /// other ranges match the tag itself or a tag that continues it after a "-".
    static func langMatches(_ tag: Term, _ range: Term) throws(ExpressionError) -> Term {
        let tag = try simpleArgument(tag, "LANGMATCHES").lowercased()
        let range = try simpleArgument(range, "LANGMATCHES").lowercased()
        if range == "*" { return boolean(!tag.isEmpty) }
        return boolean(tag == range || (!range.isEmpty && tag.hasPrefix(range + "-")))
    }

    /// `isNUMERIC(term)`: a numeric datatype with a valid lexical form (and, for derived types, a value in range).
    static func isNumeric(_ term: Term) -> Term { boolean(NumericValue(term) != nil) }

    /// `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`, the language tag grammar of SPARQL and Turtle.
    static func isLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        return subtags.enumerated().allSatisfy { index, subtag in
            (1...8).contains(subtag.count)
                && subtag.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || (index > 0 && ("0"..."9").contains($0))) }
        }
    }
}
