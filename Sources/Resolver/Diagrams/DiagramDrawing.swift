import RDF

/// A view's diagram read back from its document's quads (`DiagramVocabulary`): boxes in drawing order and the lines
/// between them, in diagram coordinates. Only what a page can draw safely is kept: colours must be `#rrggbb`, sizes
/// positive and finite.
struct DiagramDrawing {
    enum Kind { case element, container, note }

    struct Box {
        var kind: Kind
        var label: String
        /// The PURI of the element drawn, if it has one.
        var element: IRI?
        /// The ArchiMate element type's local name (`BusinessActor`), for element boxes.
        var elementType: String?
        var x, y, width, height: Double
        var fill: String?
        var line: String?
    }

    struct Line {
        var source, target: Int
        /// The relationship type's local name in Lodestar's ArchiMate vocabulary (`composition`); `nil` for a plain line.
        var relationship: String?
        /// An access relationship's kind (`Read`, `Write`, `ReadWrite`, `Access`); `nil` for other lines.
        var accessType: String? = nil
        var bendpoints: [(x: Double, y: Double)]
        var color: String?
    }

    var release: String
    var title: String
    var boxes: [Box] = []
    var lines: [Line] = []

    /// The diagram of the newest release among those `view` points at by `dia:diagram` in `quads`, or `nil`.
    /// `label` gives the label of an element PURI, for boxes the data leaves unnamed.
    static func newest(of view: IRI, in quads: [Quad], label: (IRI) -> String?) -> DiagramDrawing? {
        var bySubject: [Term: [IRI: [Term]]] = [:]
        for quad in quads {
            guard case .iri(let predicate) = quad.predicate, predicate.value.hasPrefix(DiagramVocabulary.namespace) || predicate == RDFVocabulary.type
            else { continue }
            bySubject[quad.subject, default: [:]][predicate, default: []].append(quad.object)
        }
        let candidates = bySubject[.iri(view)]?[DiagramVocabulary.diagram] ?? []
        let newest = candidates.max { lhs, rhs in
            releaseOrder(bySubject[lhs]?[DiagramVocabulary.release]?.first)
                .lexicographicallyPrecedes(releaseOrder(bySubject[rhs]?[DiagramVocabulary.release]?.first))
        }
        guard let newest else { return nil }
        let facts = bySubject[newest] ?? [:]
        var drawing = DiagramDrawing(
            release: facts[DiagramVocabulary.release]?.first?.literal?.lexicalForm ?? "",
            title: facts[DiagramVocabulary.label]?.first?.literal?.lexicalForm ?? "")

        // Nodes in drawing order: the tree below the diagram, sorted by `dia:order` (parents come before children).
        var nodes: [(order: Int, term: Term)] = []
        var visited: Set<Term> = [newest]
        var pending = facts[DiagramVocabulary.node] ?? []
        while let term = pending.popLast() {
            guard visited.insert(term).inserted, let node = bySubject[term] else { continue }
            nodes.append((integer(node[DiagramVocabulary.order]) ?? Int.max, term))
            pending += node[DiagramVocabulary.node] ?? []
        }
        var index: [Term: Int] = [:]
        for (_, term) in nodes.sorted(by: { $0.order < $1.order }) {
            let node = bySubject[term] ?? [:]
            guard let x = number(node[DiagramVocabulary.x]), let y = number(node[DiagramVocabulary.y]),
                let width = number(node[DiagramVocabulary.width]), let height = number(node[DiagramVocabulary.height]), width > 0, height > 0
            else { continue }
            let element = node[DiagramVocabulary.element]?.first?.iri
            let elementType = node[DiagramVocabulary.elementType]?.first?.iri.map(PageLinks.localName)
            let isNote = node[RDFVocabulary.type]?.contains(.iri(DiagramVocabulary.note)) == true
            let kind: Kind = elementType != nil || element != nil ? .element : (isNote ? .note : .container)
            let text = node[DiagramVocabulary.label]?.first?.literal?.lexicalForm ?? element.flatMap(label) ?? ""
            index[term] = drawing.boxes.count
            drawing.boxes.append(
                Box(
                    kind: kind, label: text, element: element, elementType: elementType, x: x, y: y, width: width, height: height,
                    fill: color(node[DiagramVocabulary.fillColor]), line: color(node[DiagramVocabulary.lineColor])))
        }
        for term in facts[DiagramVocabulary.connection] ?? [] {
            let connection = bySubject[term] ?? [:]
            guard let source = connection[DiagramVocabulary.source]?.first.flatMap({ index[$0] }),
                let target = connection[DiagramVocabulary.target]?.first.flatMap({ index[$0] })
            else { continue }
            drawing.lines.append(
                Line(
                    source: source, target: target, relationship: connection[DiagramVocabulary.relationship]?.first?.iri.map(PageLinks.localName),
                    accessType: connection[DiagramVocabulary.accessType]?.first?.literal?.lexicalForm,
                    bendpoints: points(connection[DiagramVocabulary.bendpoints]?.first?.literal?.lexicalForm ?? ""),
                    color: color(connection[DiagramVocabulary.lineColor])))
        }
        return drawing
    }

    /// A release `6.0.0` as comparable numbers, padded to three parts; anything else sorts first.
    private static func releaseOrder(_ term: Term?) -> [Int] {
        let parts = (term?.literal?.lexicalForm ?? "").split(separator: ".").map { Int($0) ?? -1 }
        return parts + Array(repeating: 0, count: max(0, 3 - parts.count))
    }

    private static func integer(_ terms: [Term]?) -> Int? { terms?.first?.literal.flatMap { Int($0.lexicalForm) } }

    private static func number(_ terms: [Term]?) -> Double? {
        guard let value = terms?.first?.literal.flatMap({ Double($0.lexicalForm) }), value.isFinite, abs(value) < 1e6 else { return nil }
        return value
    }

    /// A `#rrggbb` colour, or `nil` for anything else.
    private static func color(_ terms: [Term]?) -> String? {
        guard let text = terms?.first?.literal?.lexicalForm, text.count == 7, text.first == "#",
            text.dropFirst().allSatisfy(\.isHexDigit)
        else { return nil }
        return text.lowercased()
    }

    /// Bend points from `"x,y x,y"`; malformed pairs are skipped.
    private static func points(_ text: String) -> [(x: Double, y: Double)] {
        text.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6 else {
                return nil
            }
            return (x, y)
        }
    }
}
