public import RDF
public import Search
public import Store

/// The values of `/search`'s HTML page: each hit by its label (in the reader's language), linked to its page, with
/// its type and the snippet whose matched words are marked.
struct SearchPage {
    let links: PageLinks
    let languages: LanguagePreference

    func model(query: String, type: String?, hits: SearchResults, snapshot: Snapshot) -> [String: Any] {
        let labels = SnapshotLabels(snapshot: snapshot, languages: languages)
        let results = hits.map { hit -> [String: Any] in
            var link = links.link(hit.subject, label: labels.label(of: hit.subject) ?? links.shortName(hit.subject))
            link["iri"] = hit.subject.value
            link["parts"] = hit.snippetParts.map { ["text": $0.text, "match": $0.isMatch] }
            link["field"] = PageLinks.localName(hit.predicate)
            link["types"] = labels.types(of: hit.subject).map { links.link($0, label: labels.label(of: $0) ?? PageLinks.localName($0)) }
            if let language = hit.language { link["language"] = language }
            return link
        }
        var model: [String: Any] = [
            "title": query.isEmpty ? "Search" : "Search: \(query)",
            "query": query,
            "results": results,
            "resultCount": results.count == 1 ? "1 result" : "\(results.count) results",
            "more": hits.more,
            "hasQuery": !query.isEmpty,
            "namespaceHref": links.home,
            "namespaceName": "search",
            "types": SearchTypes.all.map { ["value": $0.name, "label": $0.label, "selected": $0.name == type] },
        ]
        if let type { model["type"] = type }
        return model
    }
}

/// The class filters `/search?type=…` offers by name; any class IRI works too.
public enum SearchTypes {
    public static let all: [(name: String, label: String, classes: [IRI])] = [
        ("abb", "Building blocks", [SKOS.concept]),
        ("solution", "Solutions", [IRI("http://www.w3.org/ns/dcat#Dataset"), IRI("http://www.w3.org/ns/adms#Asset")]),
        ("view", "Views", [SKOS.collection]),
    ]

    /// The classes `type` names: a name above, or an absolute IRI; `nil` if it is neither.
    public static func classes(_ type: String) -> [IRI]? {
        if let match = all.first(where: { $0.name == type }) { return match.classes }
        let iri = IRI(type)
        return PURIDocument.isResourceIRI(iri) ? [iri] : nil
    }
}

/// Labels and types read straight from a snapshot, for pages (search results) that are not one document.
struct SnapshotLabels {
    let snapshot: Snapshot
    let languages: LanguagePreference

    func label(of iri: IRI) -> String? {
        guard let subject = snapshot.id(of: .iri(iri)) else { return nil }
        var best: (text: String, rank: Int)?
        for (predicateRank, predicate) in DocumentReader.labelPredicates.enumerated() {
            guard let predicateID = snapshot.id(of: .iri(predicate)) else { continue }
            for quad in snapshot.quads(matching: EncodedQuadPattern(subject: subject, predicate: predicateID)) {
                guard case .literal(let literal) = snapshot.term(for: quad.object) else { continue }
                let rank = languages.rank(literal.language) * 10 + predicateRank
                if best.map({ rank < $0.rank }) ?? true { best = (literal.lexicalForm, rank) }
            }
        }
        return best?.text
    }

    func types(of iri: IRI) -> [IRI] {
        guard let subject = snapshot.id(of: .iri(iri)), let type = snapshot.id(of: .iri(RDFVocabulary.type)) else { return [] }
        var seen: Set<IRI> = []
        return snapshot.quads(matching: EncodedQuadPattern(subject: subject, predicate: type)).compactMap { quad in
            guard case .iri(let iri) = snapshot.term(for: quad.object), seen.insert(iri).inserted else { return nil }
            return iri
        }
    }
}
