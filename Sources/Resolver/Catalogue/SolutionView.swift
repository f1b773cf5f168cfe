import Foundation
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
        // Harvested catalogues say these things as IRIs, blank nodes or plain literals: each is shown the way it is said.
        model["publishers"] = facts.objects(DCTerms.publisher).compactMap(entry)
        model["contacts"] = facts.objects(CatalogueTerms.contactPoint).compactMap(contact)
        model["releases"] = facts.objects(CatalogueTerms.hasVersion).compactMap(entry)
        model["distributions"] = facts.objects(CatalogueTerms.distribution).compactMap(distribution)
        model["keywords"] = facts.texts(CatalogueTerms.keyword, withUntagged: true)
        model["themes"] = facts.objects(CatalogueTerms.theme).compactMap(entry)
        // Each block by its current PURI, however the solution names it (an eira/ form, a replaced PURI), once.
        model["implements"] = unique(facts.linkedIRIs(DCTerms.type).map { document.currentBlocks[$0] ?? $0 }).map { block in
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
            link["publishers"] = facts.objects(DCTerms.publisher, of: .iri(solution)).compactMap(entry)
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

    /// A thing the solution names, for the `link` partial: an IRI links to its page by label; a blank node is its name
    /// (`foaf:name`, `vcard:fn`, a title or label) as text; a literal is its text. `nil` for an empty literal.
    private func entry(_ term: Term) -> [String: Any]? {
        switch term {
        case .iri(let iri): return links.link(iri, label: facts.label(of: iri))
        case .literal(let literal):
            let text = literal.lexicalForm.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : ["label": text, "linked": false]
        default:
            let name = DocumentReader.labelPredicates.lazy.compactMap { facts.text($0, of: term) }.first { !$0.isEmpty }
            return ["label": name ?? "(unnamed)", "linked": false]
        }
    }

    private func contact(_ term: Term) -> [String: Any]? {
        guard
            var entry = term.iri.map({ links.link($0, label: facts.text(CatalogueTerms.vcardName, of: term) ?? facts.label(of: $0)) })
                ?? entry(term)
        else { return nil }
        let emails = facts.objects(CatalogueTerms.hasEmail, of: term).compactMap { email -> String? in
            email.iri.flatMap(PageLinks.externalHref) ?? email.literal.map { "mailto:" + $0.lexicalForm }.flatMap { PageLinks.externalHref(IRI($0)) }
        }
        if let email = emails.first {
            var address = Substring(email)
            while address.hasPrefix("mailto:") { address = address.dropFirst(7) }
            entry["email"] = ["href": "mailto:" + address, "label": String(address)]
        }
        return entry
    }

    private func distribution(_ term: Term) -> [String: Any]? {
        let subject = term
        let title = facts.text(DCTerms.title, of: subject).flatMap { $0.isEmpty ? nil : $0 }
        guard var entry = term.iri.map({ links.link($0, label: title ?? facts.label(of: $0)) }) ?? entry(term) else { return nil }
        if term.iri == nil { entry["label"] = title ?? "Distribution" }
        entry["licences"] = facts.objects(DCTerms.license, of: subject).compactMap(self.entry)
        let targets = facts.objects(CatalogueTerms.downloadURL, of: subject) + facts.objects(CatalogueTerms.accessURL, of: subject)
        entry["downloads"] = targets.compactMap { target -> [String: Any]? in
            if let iri = target.iri { return PageLinks.externalHref(iri).map { ["href": $0, "label": iri.value] } }
            // A download address given as a literal is shown, not linked: it was never checked to be an address.
            return target.literal.map { ["label": $0.lexicalForm, "plain": true] }
        }
        if let format = facts.objects(CatalogueTerms.format, of: subject).first {
            entry["format"] = format.iri.map { facts.label(of: $0) ?? PageLinks.localName($0) } ?? format.literal?.lexicalForm ?? ""
        }
        return entry
    }
}
