import RDF

/// The values of a namespace's index page: the scheme, its views with their building blocks, and every PURI.
struct NamespacePage {
    let document: PURIDocument
    let links: PageLinks

    /// The namespace the document lists (a namespace document always has one).
    private var namespace: PURINamespace {
        guard case .namespace(let namespace) = document.subject else { preconditionFailure("a namespace page needs a namespace document") }
        return namespace
    }

    func model() -> [String: Any] {
        var labels: [IRI: String] = [:]
        var identifiers: [IRI: String] = [:]
        var members: [IRI: [IRI]] = [:]
        var collections: [IRI] = []
        var deprecated: Set<IRI> = []
        var described: [IRI] = []
        for quad in document.quads {
            guard case .iri(let subject) = quad.subject, case .iri(let predicate) = quad.predicate else { continue }
            if !described.contains(subject) { described.append(subject) }
            switch (predicate, quad.object) {
            case (SKOS.prefLabel, .literal(let literal)), (RDFS.label, .literal(let literal)), (DCTerms.title, .literal(let literal)):
                if labels[subject] == nil || literal.language?.hasPrefix("en") == true { labels[subject] = literal.lexicalForm }
            case (DCTerms.identifier, .literal(let literal)): identifiers[subject] = literal.lexicalForm
            case (SKOS.member, .iri(let member)): members[subject, default: []].append(member)
            case (RDFVocabulary.type, .iri(SKOS.collection)): collections.append(subject)
            case (OWL.deprecated, .literal(let literal)) where literal.lexicalForm == "true": deprecated.insert(subject)
            case (DCTerms.isReplacedBy, .iri): deprecated.insert(subject)
            default: break
            }
        }
        let scheme = namespace.schemeIRI
        let views = Set(collections).union(members.keys).sorted().map { view -> [String: Any] in
            var link = links.link(view, label: labels[view])
            link["count"] = members[view]?.count ?? 0
            return link
        }
        let puris = described.filter { $0 != scheme && !members.keys.contains($0) }.map { iri -> [String: Any] in
            var link = links.link(iri, label: labels[iri], note: identifiers[iri])
            if deprecated.contains(iri) { link["deprecated"] = true }
            return link
        }
        return [
            "title": labels[scheme] ?? "The \(namespace.name) namespace",
            "iri": namespace.base,
            "namespaceHref": "/\(namespace.name)",
            "namespaceName": namespace.name,
            "views": sortedByLabel(views),
            "puris": sortedByLabel(puris),
            "puriCount": puris.count,
            "formats": Representation.all.filter { $0 != .html }.map { representation in
                ["href": document.path(for: representation), "label": representation.fileExtension, "mediaType": representation.mediaType]
            },
        ]
    }
}
