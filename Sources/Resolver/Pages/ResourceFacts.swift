import RDF

/// The triples of a document indexed for a page: what the resource says (outbound), what points at it (inbound),
/// and the best label of every IRI.
struct ResourceFacts {
    let iri: IRI
    private(set) var outbound: [IRI: [Term]] = [:]
    private(set) var inbound: [IRI: [IRI]] = [:]
    private var labels: [IRI: (label: String, rank: Int)] = [:]
    private var identifiers: [IRI: String] = [:]

    init(document: PURIDocument) {
        iri = document.iri
        let own = Term.iri(iri)
        for quad in document.quads {
            guard case .iri(let predicate) = quad.predicate else { continue }
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
                // English first, then no language, then any; skos:prefLabel before rdfs:label before dct:title.
                let languageRank = literal.language?.lowercased().hasPrefix("en") == true ? 0 : (literal.language == nil ? 1 : 2)
                let rank = languageRank * 10 + predicateRank
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

    /// The first literal of `predicate`, preferring English.
    func text(_ predicate: IRI) -> String? {
        let literals = objects(predicate).compactMap(\.literal)
        return (literals.first { $0.language?.lowercased().hasPrefix("en") == true } ?? literals.first)?.lexicalForm
    }

    /// True for `owl:deprecated true`, and for a PURI a later release replaced (`dcterms:isReplacedBy`, which the
    /// EIRA importer states for PURIs renamed between releases).
    var isDeprecated: Bool {
        let flagged = objects(OWL.deprecated).contains { term in
            guard let literal = term.literal else { return false }
            return literal.lexicalForm == "true" || literal.lexicalForm == "1"
        }
        return flagged || !linkedIRIs(DCTerms.isReplacedBy).isEmpty
    }
}
