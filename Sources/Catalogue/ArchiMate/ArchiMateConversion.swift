import Foundation
import RDF

/// Turns an EIRA ArchiMate model into SKOS plus Lodestar's ArchiMate vocabulary.
///
/// Each element with a PURI becomes a `skos:Concept` with `skos:prefLabel`, `skos:definition`, `dcterms:identifier`
/// (its ABB id), `rdf:type arch:{ElementType}`, and `skos:member` of its views (`dr8/view/…`, each a labelled
/// `skos:Collection`). Each relationship between two PURI elements becomes `<source> arch:{relationshipType} <target>`.
///
/// Where the PURI comes from: the `eira:PURI` property (v6); a file that defines no such property (v4) has it derived
/// from `dct:type` (`eira:PublicPolicy` → `http://data.europa.eu/dr8/PublicPolicy`). Texts keep the file's
/// `xml:lang`, or are English when it has none.
///
/// Upstream traps handled here: several elements may carry one PURI (v6.0.0: `dr8/ArchitecturePrinciple` three
/// times). They become one concept: the element with an ABB id (else the first) gives the label and definition, the
/// others' names become `skos:altLabel`s, and their types, views and relationships are merged in. The ABB id is
/// often only in the documentation text (`eira:ID: ABB9`), and `eira:ID` sometimes holds a URL, which is no ABB id.
struct ArchiMateConversion {
    /// PURI-bearing elements (an element sharing its PURI with another counts once each).
    var elements = 0
    /// Distinct PURIs, i.e. concepts.
    var concepts = 0
    /// Relationships whose source and target both carry a PURI.
    var relationships = 0
    /// `relationships` by ArchiMate relationship type (`Aggregation`: 152, …).
    var relationshipTypes: [String: Int] = [:]
    var triples: [Triple] = []

    static let puriProperty = "eira:PURI"
    static let typeProperty = "dct:type"
    static let identifierProperties = ["eira:ID", "ID"]
    static let definitionProperty = "skos:definition"
    /// v4.0.0 defines the view property three times, once misspelt.
    static let viewProperties = ["eira:view", "eria:view"]
    static let defaultLanguage = "en"

    /// - Parameter release: the model's release (`6.0.0`), which labels its diagrams' blank nodes.
    init(_ model: ArchiMateModel, release: String) {
        let derivesPURIFromType = !model.propertyDefinitions.values.contains(Self.puriProperty)
        var puriOfElement: [String: IRI] = [:]
        var elementsOfPURI: [IRI: [ArchiMateModel.Element]] = [:]
        var puriOrder: [IRI] = []
        for element in model.elements {
            guard let puri = Self.puri(of: element, derivedFromType: derivesPURIFromType) else { continue }
            puriOfElement[element.identifier] = puri
            if elementsOfPURI[puri] == nil { puriOrder.append(puri) }
            elementsOfPURI[puri, default: []].append(element)
        }
        elements = puriOfElement.count
        concepts = puriOrder.count

        var seen = Set<Triple>()
        func emit(_ subject: IRI, _ predicate: IRI, _ object: Term) {
            let triple = Triple(.iri(subject), .iri(predicate), object)
            if seen.insert(triple).inserted { triples.append(triple) }
        }
        var labelledViews: Set<IRI> = []
        for puri in puriOrder {
            let group = elementsOfPURI[puri]!
            let primary = group.first { Self.abbIdentifier(of: $0) != nil } ?? group[0]
            emit(puri, RDFVocabulary.type, .iri(SKOS.concept))
            if let name = primary.name.flatMap(Self.literal) { emit(puri, SKOS.prefLabel, name) }
            for other in group where other.name?.text != primary.name?.text {
                if let name = other.name.flatMap(Self.literal) { emit(puri, SKOS.altLabel, name) }
            }
            let definition = primary.values(of: [Self.definitionProperty]).first ?? primary.documentation
            if let definition = definition.flatMap(Self.literal) { emit(puri, SKOS.definition, definition) }
            for element in group {
                if let abb = Self.abbIdentifier(of: element) { emit(puri, DCTerms.identifier, .literal(Literal(abb))) }
                emit(puri, RDFVocabulary.type, .iri(ArchiMateVocabulary.elementType(element.type)))
                for view in element.values(of: Self.viewProperties).flatMap(EIRAView.views(in:)) {
                    emit(view.iri, RDFVocabulary.type, .iri(SKOS.collection))
                    if labelledViews.insert(view.iri).inserted {
                        emit(view.iri, SKOS.prefLabel, .literal(Literal(view.label, language: view.language ?? Self.defaultLanguage)))
                    }
                    emit(view.iri, SKOS.member, .iri(puri))
                }
            }
        }
        for relationship in model.relationships {
            guard let source = puriOfElement[relationship.source], let target = puriOfElement[relationship.target] else { continue }
            relationships += 1
            relationshipTypes[relationship.type, default: 0] += 1
            emit(source, ArchiMateVocabulary.relationship(relationship.type), .iri(target))
        }
        let diagrams = ArchiMateDiagramConversion(model: model, puriOfElement: puriOfElement, release: release)
        for triple in diagrams.triples(labelledViews: labelledViews) where seen.insert(triple).inserted { triples.append(triple) }
    }

    /// The element's PURI: its `eira:PURI`, or (files without that property) the dr8 IRI named by `dct:type`.
    static func puri(of element: ArchiMateModel.Element, derivedFromType: Bool) -> IRI? {
        if !derivedFromType {
            return element.values(of: [puriProperty]).first.flatMap { IRI(validating: $0.text) }
        }
        guard let type = element.values(of: [typeProperty]).first?.text else { return nil }
        if let iri = IRI(validating: type), iri.value.hasPrefix(EIRAVocabulary.puriNamespace) { return iri }
        guard type.hasPrefix("eira:") else { return nil }
        let local = type.dropFirst("eira:".count)
        guard !local.isEmpty, local.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else { return nil }
        return IRI(EIRAVocabulary.puriNamespace + local)
    }

    /// The ABB id (`ABB` and digits) from the `eira:ID`/`ID` property, else from `eira:ID: ABBnnn` in the documentation.
    static func abbIdentifier(of element: ArchiMateModel.Element) -> String? {
        if let value = element.values(of: identifierProperties).first?.text, value.wholeMatch(of: /ABB\d+/) != nil { return value }
        guard let documentation = element.documentation?.text,
            let match = documentation.firstMatch(of: /eira:ID\s*:\s*(ABB\d+)/)
        else { return nil }
        return String(match.1)
    }

    static func literal(_ text: ArchiMateModel.LocalizedText) -> Term? {
        let trimmed = text.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return .literal(Literal(trimmed, language: text.language ?? defaultLanguage))
    }
}

extension IRI {
    /// An absolute `http(s)` IRI with nothing a PURI cannot hold (spaces, quotes, angle brackets), or `nil`.
    init?(validating text: String) {
        guard text.hasPrefix("http://") || text.hasPrefix("https://"),
            !text.contains(where: { $0.isWhitespace || "<>\"{}|^`\\".contains($0) })
        else { return nil }
        self.init(text)
    }
}
