import RDF

/// The values the resource page template shows for one PURI document (an ABB, a view, any resource).
struct ResourcePage {
    let document: PURIDocument
    let links: PageLinks

    func model() -> [String: Any] {
        let facts = ResourceFacts(document: document)
        let iri = document.iri
        let title = facts.label(of: iri) ?? links.shortName(iri)
        var model: [String: Any] = [
            "title": title,
            "iri": iri.value,
            "types": facts.linkedIRIs(RDFVocabulary.type).map { PageLinks.localName($0) },
            "namespaceHref": "/\(document.namespace.name)",
            "namespaceName": document.namespace.name,
        ]
        // Only values that exist go in: mustache would print an absent optional as "nil".
        if let identifier = facts.identifier(of: iri) { model["identifier"] = identifier }
        if facts.isDeprecated {
            let successors = unique(facts.linkedIRIs(DCTerms.isReplacedBy) + facts.sources(DCTerms.replaces))
            model["deprecated"] = ["replacements": successors.map { links.link($0, label: facts.label(of: $0)) }]
        }
        if let definition = facts.text(SKOS.definition) {
            model["definition"] = DefinitionText(definition).parts.map { part -> [String: Any] in
                var values: [String: Any] = ["paragraphs": part.paragraphs.map { ["lines": $0] }]
                if let heading = part.heading { values["heading"] = heading }
                return values
            }
        }
        let members = facts.linkedIRIs(SKOS.member).map { links.link($0, label: facts.label(of: $0), note: facts.identifier(of: $0)) }
        if !members.isEmpty { model["members"] = ["count": members.count, "links": sortedByLabel(members)] }
        model["groups"] = groups(facts)
        let relations = archiMateRelations(facts)
        model["relations"] = relations
        model["hasRelations"] = !relations.isEmpty
        model["hasDefinition"] = model["definition"] != nil
        model["formats"] = Representation.all.filter { $0 != .html }.map { representation in
            ["href": document.path(for: representation), "label": representation.fileExtension, "mediaType": representation.mediaType]
        }
        model["sparqlHref"] = "/sparql?query=" + PageLinks.queryEncoded(Self.sparqlQuery(for: iri))
        model["statements"] = statements(facts)
        return model
    }

    /// The link lists of the page, each only if it has entries.
    private func groups(_ facts: ResourceFacts) -> [[String: Any]] {
        let candidates: [(String, [IRI])] = [
            ("Views", facts.sources(SKOS.member)),
            ("Broader", unique(facts.linkedIRIs(SKOS.broader) + facts.sources(SKOS.narrower))),
            ("Narrower", unique(facts.linkedIRIs(SKOS.narrower) + facts.sources(SKOS.broader))),
            ("Related", unique(facts.linkedIRIs(SKOS.related) + facts.sources(SKOS.related))),
            ("Replaces", unique(facts.linkedIRIs(DCTerms.replaces) + facts.sources(DCTerms.isReplacedBy))),
            ("Solutions of this type", facts.sources(DCTerms.type)),
        ]
        return candidates.compactMap { title, iris in
            guard !iris.isEmpty else { return nil }
            let entries = iris.map { links.link($0, label: facts.label(of: $0), note: facts.identifier(of: $0)) }
            return ["title": title, "count": entries.count, "links": sortedByLabel(entries)]
        }
    }

    /// ArchiMate relations by type: what this block points at, and what points at it.
    private func archiMateRelations(_ facts: ResourceFacts) -> [[String: Any]] {
        let outgoing = facts.outbound.keys.filter { $0.value.hasPrefix(PageLinks.archiMate) && $0 != RDFVocabulary.type }
        let incoming = facts.inbound.keys.filter { $0.value.hasPrefix(PageLinks.archiMate) }
        return Set(outgoing).union(incoming).sorted().map { predicate in
            let targets = facts.linkedIRIs(predicate).map { links.link($0, label: facts.label(of: $0), note: facts.identifier(of: $0)) }
            let sources = facts.sources(predicate).map { links.link($0, label: facts.label(of: $0), note: facts.identifier(of: $0)) }
            return ["type": PageLinks.localName(predicate), "outgoing": sortedByLabel(targets), "incoming": sortedByLabel(sources)]
        }
    }

    /// Every triple of the resource itself, by graph, for readers who want the raw data.
    private func statements(_ facts: ResourceFacts) -> [[String: Any]] {
        var byGraph: [(graph: String, rows: [[String: Any]])] = []
        let own = Term.iri(document.iri)
        for quad in document.quads where quad.subject == own {
            guard case .iri(let predicate) = quad.predicate else { continue }
            let graph = quad.graph.term.map { $0.iri?.value ?? $0.description } ?? "default graph"
            var row: [String: Any] = ["predicate": links.link(predicate, label: nil)]
            switch quad.object {
            case .iri(let object): row["object"] = links.link(object, label: facts.label(of: object))
            case .literal(let literal):
                row["text"] = literal.lexicalForm.count > 300 ? String(literal.lexicalForm.prefix(300)) + "…" : literal.lexicalForm
            case .blankNode(let node): row["text"] = "_:" + node.id
            }
            if byGraph.last?.graph == graph { byGraph[byGraph.count - 1].rows.append(row) } else { byGraph.append((graph, [row])) }
        }
        return byGraph.map { ["graph": $0.graph, "rows": $0.rows] }
    }

    /// A query over the SPARQL endpoint that returns the document's core: the triples from and to the PURI, with graphs.
    static func sparqlQuery(for iri: IRI) -> String {
        """
        SELECT ?graph ?subject ?predicate ?object WHERE {
          { GRAPH ?graph { <\(iri.value)> ?predicate ?object } BIND(<\(iri.value)> AS ?subject) }
          UNION
          { GRAPH ?graph { ?subject ?predicate <\(iri.value)> } BIND(<\(iri.value)> AS ?object) }
        }
        """
    }
}

func unique(_ iris: [IRI]) -> [IRI] {
    var seen: Set<IRI> = []
    return iris.filter { seen.insert($0).inserted }
}

func sortedByLabel(_ links: [[String: Any]]) -> [[String: Any]] {
    links.sorted { ($0["label"] as? String ?? "").lowercased() < ($1["label"] as? String ?? "").lowercased() }
}
