import RDF

/// Turns the diagrams of an exchange file into triples of Lodestar's diagram vocabulary (`DiagramVocabulary`).
///
/// Each diagram names an EIRA view or viewpoint (`EIRAView`: "Legal view" → `dr8/view/LegalView`, "Interoperability
/// Security viewpoint" → `dr8/view/InteroperabilitySecurityViewpoint`), which points at it by `dia:diagram`; the view
/// is a `skos:Collection` whose members are the PURI elements drawn in it. Diagrams, nodes and connections are blank
/// nodes labelled by release and file identifier, so that a re-import writes the same quads and two releases never
/// share one; a view's document then carries its whole drawing (documents follow blank nodes).
struct ArchiMateDiagramConversion {
    let model: ArchiMateModel
    let puriOfElement: [String: IRI]
    let release: String

    /// The triples of every diagram that names a view. `labelledViews` are the views already given a label (by the
    /// elements' `eira:view` properties), which keep it; the others take their diagram's name.
    func triples(labelledViews: Set<IRI>) -> [Triple] {
        let elements = Dictionary(model.elements.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        let relationships = Dictionary(model.relationships.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        var triples: [Triple] = []
        var labelled = labelledViews
        for diagram in model.diagrams {
            guard let name = diagram.name, let view = EIRAView.views(in: name).first else { continue }
            let diagramNode = blankNode(diagram.identifier)
            func add(_ subject: Term, _ predicate: IRI, _ object: Term) { triples.append(Triple(subject, .iri(predicate), object)) }
            add(.iri(view.iri), RDFVocabulary.type, .iri(SKOS.collection))
            if labelled.insert(view.iri).inserted {
                add(.iri(view.iri), SKOS.prefLabel, .literal(Literal(view.label, language: view.language ?? ArchiMateConversion.defaultLanguage)))
            }
            if let documentation = diagram.documentation.flatMap(ArchiMateConversion.literal) { add(.iri(view.iri), SKOS.definition, documentation) }
            add(.iri(view.iri), DiagramVocabulary.diagram, diagramNode)
            add(diagramNode, RDFVocabulary.type, .iri(DiagramVocabulary.diagramClass))
            add(diagramNode, DiagramVocabulary.release, .literal(Literal(release)))
            if let label = ArchiMateConversion.literal(name) { add(diagramNode, DiagramVocabulary.label, label) }

            var drawn: Set<String> = []
            for (order, node) in diagram.nodes.enumerated() {
                let subject = blankNode(node.identifier)
                drawn.insert(node.identifier)
                let parent = node.parent.map { blankNode(diagram.nodes[$0].identifier) } ?? diagramNode
                add(parent, DiagramVocabulary.node, subject)
                add(subject, DiagramVocabulary.order, integer(order))
                for (predicate, value) in [
                    (DiagramVocabulary.x, node.x), (DiagramVocabulary.y, node.y), (DiagramVocabulary.width, node.width),
                    (DiagramVocabulary.height, node.height),
                ] {
                    add(subject, predicate, integer(value))
                }
                if let fill = node.fill { add(subject, DiagramVocabulary.fillColor, .literal(Literal(fill.hex))) }
                if let line = node.line { add(subject, DiagramVocabulary.lineColor, .literal(Literal(line.hex))) }
                if let reference = node.elementReference, let element = elements[reference] {
                    add(subject, RDFVocabulary.type, .iri(DiagramVocabulary.elementNode))
                    add(subject, DiagramVocabulary.elementType, .iri(ArchiMateVocabulary.elementType(element.type)))
                    if let name = element.name.flatMap(ArchiMateConversion.literal) { add(subject, DiagramVocabulary.label, name) }
                    if let puri = puriOfElement[reference] {
                        add(subject, DiagramVocabulary.element, .iri(puri))
                        add(.iri(view.iri), SKOS.member, .iri(puri))
                    }
                } else {
                    add(subject, RDFVocabulary.type, .iri(node.type == "Label" ? DiagramVocabulary.note : DiagramVocabulary.container))
                    if let label = node.label.flatMap(ArchiMateConversion.literal) { add(subject, DiagramVocabulary.label, label) }
                }
            }
            for connection in diagram.connections where drawn.contains(connection.source) && drawn.contains(connection.target) {
                let subject = blankNode(connection.identifier)
                add(diagramNode, DiagramVocabulary.connection, subject)
                add(subject, RDFVocabulary.type, .iri(DiagramVocabulary.connectionClass))
                add(subject, DiagramVocabulary.source, blankNode(connection.source))
                add(subject, DiagramVocabulary.target, blankNode(connection.target))
                if let reference = connection.relationshipReference, let relationship = relationships[reference] {
                    add(subject, DiagramVocabulary.relationship, .iri(ArchiMateVocabulary.relationship(relationship.type)))
                    if let access = relationship.accessType { add(subject, DiagramVocabulary.accessType, .literal(Literal(access))) }
                }
                if !connection.bendpoints.isEmpty {
                    let points = connection.bendpoints.map { "\($0.x),\($0.y)" }.joined(separator: " ")
                    add(subject, DiagramVocabulary.bendpoints, .literal(Literal(points)))
                }
                if let line = connection.line { add(subject, DiagramVocabulary.lineColor, .literal(Literal(line.hex))) }
            }
        }
        return triples
    }

    /// A blank node for a file identifier, unique per release: `eira6-0-0-id-0ff3cc70…` (only label characters kept).
    private func blankNode(_ identifier: String) -> Term {
        let safe = identifier.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        return .blankNode(BlankNode("eira" + release.split(separator: ".").joined(separator: "-") + "-" + String(String.UnicodeScalarView(safe))))
    }

    private func integer(_ value: Int) -> Term { .literal(Literal(String(value), datatype: XSD.integer)) }
}
