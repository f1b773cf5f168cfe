import RDF

/// The typed parts of a catalogue page: a solution's description (ADMS-AP: publisher, contact point, releases,
/// distributions with licences and download links, keywords, themes, the EIRA building blocks it implements), the
/// solutions implementing a building block, and the source a resource was harvested from.
struct SolutionView {
    let document: PURIDocument
    let facts: ResourceFacts
    let links: PageLinks

    /// True when the resource is a `dcat:Dataset` or an `adms:Asset`.
    var isSolution: Bool { !CatalogueTerms.solutionClasses.isDisjoint(with: facts.linkedIRIs(RDFVocabulary.type)) }

    /// The solution section's values, or `nil` for other resources.
    func solution() -> [String: Any]? {
        guard isSolution else { return nil }
        var model: [String: Any] = [:]
        if let description = facts.text(DCTerms.description) { model["description"] = description }
        model["publishers"] = labelled(facts.linkedIRIs(DCTerms.publisher))
        model["contacts"] = facts.linkedIRIs(CatalogueTerms.contactPoint).map(contact)
        model["releases"] = labelled(facts.linkedIRIs(CatalogueTerms.hasVersion))
        model["distributions"] = facts.linkedIRIs(CatalogueTerms.distribution).map(distribution)
        model["keywords"] = facts.texts(CatalogueTerms.keyword)
        model["themes"] = labelled(facts.linkedIRIs(CatalogueTerms.theme))
        model["implements"] = facts.linkedIRIs(DCTerms.type).map { block in
            links.link(block, label: facts.label(of: block), note: facts.identifier(of: block))
        }
        model["landingPages"] = facts.linkedIRIs(CatalogueTerms.landingPage).compactMap { page -> [String: Any]? in
            PageLinks.externalHref(page).map { ["href": $0, "label": page.value] }
        }
        // Mustache has no "non-empty" test: each list gets a `hasX` flag for the row or heading around it.
        for (key, value) in model {
            if let list = value as? [Any], !list.isEmpty { model["has" + key.prefix(1).uppercased() + key.dropFirst()] = true }
        }
        return model
    }

    /// The solutions whose `dct:type` names this block (by any of its IRIs), with their publishers, by label.
    func implementations() -> [[String: Any]] {
        let names = Set((document.equivalents.isEmpty ? [document.iri] : document.equivalents).map { Term.iri($0) })
        let solutions = facts.subjects(DCTerms.type, in: names)
        let entries = solutions.map { solution -> [String: Any] in
            var link = links.link(solution, label: facts.label(of: solution))
            link["publishers"] = labelled(facts.objects(DCTerms.publisher, of: .iri(solution)).compactMap(\.iri))
            return link
        }
        return sortedByLabel(entries)
    }

    /// The harvested sources the resource's triples came from, each with what the provenance says of its harvest.
    func harvests() -> [[String: Any]] {
        var graphs: [IRI] = []
        let own = Term.iri(document.iri)
        for quad in document.quads where quad.subject == own {
            guard case .iri(let graph) = quad.graph.term, graph.value.hasPrefix(CatalogueTerms.sourceGraphPrefix), !graphs.contains(graph)
            else { continue }
            graphs.append(graph)
        }
        return graphs.map { graph in
            let name = String(graph.value.dropFirst(CatalogueTerms.sourceGraphPrefix.count))
            let when = facts.objectsOfAnyPredicate(of: .iri(graph)).compactMap { term -> String? in
                guard let literal = term.literal, literal.datatype.value.hasSuffix("#dateTime") || literal.datatype.value.hasSuffix("#date")
                else { return nil }
                return literal.lexicalForm
            }.max()
            var entry: [String: Any] = [
                "name": name, "href": "/sources/" + PageLinks.queryEncoded(name), "graph": links.link(graph, label: graph.value),
            ]
            if let when { entry["when"] = when }
            return entry
        }
    }

    private func labelled(_ iris: [IRI]) -> [[String: Any]] {
        iris.map { links.link($0, label: facts.label(of: $0)) }
    }

    private func contact(_ iri: IRI) -> [String: Any] {
        var entry = links.link(iri, label: facts.text(CatalogueTerms.vcardName, of: .iri(iri)) ?? facts.label(of: iri))
        let emails = facts.objects(CatalogueTerms.hasEmail, of: .iri(iri)).compactMap(\.iri).compactMap(PageLinks.externalHref)
        if let email = emails.first { entry["email"] = ["href": email, "label": String(email.dropFirst(email.hasPrefix("mailto:") ? 7 : 0))] }
        return entry
    }

    private func distribution(_ iri: IRI) -> [String: Any] {
        let subject = Term.iri(iri)
        var entry = links.link(iri, label: facts.text(DCTerms.title, of: subject) ?? facts.label(of: iri))
        entry["licences"] = facts.objects(DCTerms.license, of: subject).compactMap(\.iri).map { links.link($0, label: facts.label(of: $0)) }
        let targets = facts.objects(CatalogueTerms.downloadURL, of: subject) + facts.objects(CatalogueTerms.accessURL, of: subject)
        entry["downloads"] = targets.compactMap(\.iri).compactMap { target -> [String: Any]? in
            PageLinks.externalHref(target).map { ["href": $0, "label": target.value] }
        }
        if let format = facts.objects(CatalogueTerms.format, of: subject).first {
            entry["format"] = format.iri.map { facts.label(of: $0) ?? PageLinks.localName($0) } ?? format.literal?.lexicalForm ?? ""
        }
        return entry
    }
}
