import RDF

/// The values the resource page template shows for one PURI document (an ABB, a view, any resource).
struct ResourcePage {
    let document: PURIDocument
    let links: PageLinks
    var languages = LanguagePreference(ranges: [])

    func model() -> [String: Any] {
        let facts = ResourceFacts(document: document, languages: languages)
        let iri = document.iri
        // An eira/ form has no label of its own: it is titled by the building block it names.
        let title = facts.label(of: iri) ?? document.currentBlocks[iri].flatMap { facts.label(of: $0) } ?? links.shortName(iri)
        var model: [String: Any] = [
            "title": title,
            "iri": iri.value,
            "types": facts.linkedIRIs(RDFVocabulary.type).map { links.link($0, label: facts.label(of: $0) ?? PageLinks.localName($0)) },
            "namespaceHref": document.namespace.map { "/\($0.name)" } ?? links.home,
            "namespaceName": document.namespace?.name ?? "resources",
        ]
        // A resource outside the served namespaces may also be a web address of its own.
        if document.namespace == nil, let external = PageLinks.externalHref(iri) { model["external"] = external }
        // Only values that exist go in: mustache would print an absent optional as "nil".
        if let identifier = facts.identifier(of: iri) { model["identifier"] = identifier }
        if facts.isDeprecated {
            // The successor by label and PURI, so that "Public Policy replaced by Public Policy" cannot happen.
            let successors = unique(facts.linkedIRIs(DCTerms.isReplacedBy) + facts.sources(DCTerms.replaces))
            model["deprecated"] = [
                "replacements": successors.map { successor in
                    var link = links.link(successor, label: facts.label(of: successor))
                    link["puri"] = links.puriName(successor)
                    return link
                },
                "replaced": !successors.isEmpty,
            ]
        }
        if let block = document.currentBlocks[iri] {
            var link = links.link(block, label: facts.label(of: block))
            link["puri"] = links.puriName(block)
            model["eiraForm"] = link
        }
        let view = SolutionView(document: document, facts: facts, links: links)
        if let solution = view.solution() { model["solution"] = solution }
        let implementations = view.implementations()
        if !implementations.isEmpty || document.solutionCounts[iri].map({ $0 > 0 }) == true {
            model["implementations"] = ["count": implementations.count, "links": implementations]
        }
        let harvests = view.harvests()
        if !harvests.isEmpty { model["harvests"] = harvests }
        if let definition = facts.text(SKOS.definition) {
            model["definition"] = DefinitionText(definition).parts.map { part -> [String: Any] in
                var values: [String: Any] = ["paragraphs": part.paragraphs.map { ["lines": $0] }]
                if let heading = part.heading { values["heading"] = heading }
                return values
            }
        }
        if let drawing = DiagramDrawing.newest(of: iri, in: document.quads, label: { facts.label(of: $0) }) {
            model["diagram"] = DiagramSVG(drawing: drawing, links: links).model()
        }
        let members = facts.linkedIRIs(SKOS.member).map { member in
            var link = links.link(member, label: facts.label(of: member), note: facts.identifier(of: member))
            if let count = document.solutionCounts[member], count > 0 { link["solutions"] = count == 1 ? "1 solution" : "\(count) solutions" }
            return link
        }
        if !members.isEmpty {
            let implemented = facts.linkedIRIs(SKOS.member).filter { (document.solutionCounts[$0] ?? 0) > 0 }.count
            model["members"] = ["count": members.count, "links": sortedByLabel(members), "implemented": implemented]
        }
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
            var row: [String: Any] = ["predicate": links.link(predicate, label: facts.label(of: predicate))]
            switch quad.object {
            case .iri(let object): row["object"] = links.link(object, label: facts.label(of: object))
            case .literal(let literal):
                row["text"] = literal.lexicalForm.count > 300 ? String(literal.lexicalForm.prefix(300)) + "…" : literal.lexicalForm
            case .blankNode(let node): row["text"] = "_:" + node.id
            }
            if byGraph.last?.graph == graph { byGraph[byGraph.count - 1].rows.append(row) } else { byGraph.append((graph, [row])) }
        }
        return byGraph.map { entry in
            var values: [String: Any] = ["rows": entry.rows, "graph": ["label": entry.graph, "linked": false]]
            if entry.graph != "default graph" { values["graph"] = links.link(IRI(entry.graph), label: entry.graph) }
            return values
        }
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
