import RDF

/// The triples of a document indexed for a page: what the resource says (outbound), what points at it (inbound),
/// and the best label of every IRI.
struct ResourceFacts {
    let iri: IRI
    private(set) var outbound: [IRI: [Term]] = [:]
    private(set) var inbound: [IRI: [IRI]] = [:]
    private var labels: [IRI: (label: String, rank: Int)] = [:]
    private var identifiers: [IRI: String] = [:]
    /// Every triple of the document by subject, for the things a page describes beside the resource (distributions).
    private var bySubject: [Term: [IRI: [Term]]] = [:]
    let languages: LanguagePreference

    init(document: PURIDocument, languages: LanguagePreference = LanguagePreference(ranges: [])) {
        iri = document.iri
        self.languages = languages
        let own = Term.iri(iri)
        for quad in document.quads {
            guard case .iri(let predicate) = quad.predicate else { continue }
            if !(bySubject[quad.subject]?[predicate]?.contains(quad.object) ?? false) {
                bySubject[quad.subject, default: [:]][predicate, default: []].append(quad.object)
            }
            if quad.subject == own {
                if !(outbound[predicate]?.contains(quad.object) ?? false) { outbound[predicate, default: []].append(quad.object) }
            } else if quad.object == own, case .iri(let source) = quad.subject {
                if !(inbound[predicate]?.contains(source) ?? false) { inbound[predicate, default: []].append(source) }
            }
            if predicate == DCTerms.identifier, case .iri(let subject) = quad.subject, case .literal(let literal) = quad.object {
                identifiers[subject] = literal.lexicalForm
            }
            if case .iri(let subject) = quad.subject, case .literal(let literal) = quad.object,
                let predicateRank = DocumentReader.labelPredicates.firstIndex(of: predicate)
            {
                // The reader's languages, then English, then no language, then any; skos:prefLabel before rdfs:label
                // before dct:title.
                let rank = languages.rank(literal.language) * 10 + predicateRank
                if labels[subject].map({ rank < $0.rank }) ?? true { labels[subject] = (literal.lexicalForm, rank) }
            }
        }
    }

    /// The label of `iri`, or `nil` when the document holds none.
    func label(of iri: IRI) -> String? { labels[iri]?.label }

    /// The identifier (`dct:identifier`, an ABB id such as `ABB9`) of `iri`, if the document holds one.
    func identifier(of iri: IRI) -> String? { identifiers[iri] }

    /// The objects of `predicate` on the resource.
    func objects(_ predicate: IRI) -> [Term] { outbound[predicate] ?? [] }

    /// The IRI objects of `predicate`.
    func linkedIRIs(_ predicate: IRI) -> [IRI] { objects(predicate).compactMap(\.iri) }

    /// The subjects that have the resource as object of `predicate`.
    func sources(_ predicate: IRI) -> [IRI] { inbound[predicate] ?? [] }

    /// The literal of `predicate` in the reader's best language (then English, untagged, any).
    func text(_ predicate: IRI) -> String? { text(predicate, of: .iri(iri)) }

    /// The literal of `predicate` on `subject` in the reader's best language.
    func text(_ predicate: IRI, of subject: Term) -> String? {
        let literals = (bySubject[subject]?[predicate] ?? []).compactMap(\.literal)
        return literals.min { languages.rank($0.language) < languages.rank($1.language) }?.lexicalForm
    }

    /// Every literal of `predicate` in the reader's best language among those present (keywords come in several).
    /// With `withUntagged`, literals without a language tag are kept too (a keyword is often a plain string).
    func texts(_ predicate: IRI, withUntagged: Bool = false) -> [String] {
        let literals = objects(predicate).compactMap(\.literal)
        guard let best = literals.map({ languages.rank($0.language) }).min() else { return [] }
        return literals.filter { languages.rank($0.language) == best || (withUntagged && $0.language == nil) }.map(\.lexicalForm)
    }

    /// Every object of every predicate of `subject` in the document.
    func objectsOfAnyPredicate(of subject: Term) -> [Term] { (bySubject[subject] ?? [:]).values.flatMap { $0 } }

    /// The objects of `predicate` on any subject of the document.
    func objects(_ predicate: IRI, of subject: Term) -> [Term] { bySubject[subject]?[predicate] ?? [] }

    /// The subjects of the document that have `predicate` with an object in `objects`.
    func subjects(_ predicate: IRI, in objects: Set<Term>) -> [IRI] {
        bySubject.compactMap { subject, predicates in
            guard let iri = subject.iri, predicates[predicate]?.contains(where: { objects.contains($0) }) == true else { return nil }
            return iri
        }
    }

    /// True for `owl:deprecated true`, and for a PURI a later release replaced (`dcterms:isReplacedBy`, which the
    /// EIRA importer states for PURIs renamed between releases).
    var isDeprecated: Bool {
        let flagged = objects(OWL.deprecated).contains { term in
            guard let literal = term.literal else { return false }
            return literal.lexicalForm == "true" || literal.lexicalForm == "1"
        }
        return flagged || !linkedIRIs(DCTerms.isReplacedBy).isEmpty || !sources(DCTerms.replaces).isEmpty
    }
}
