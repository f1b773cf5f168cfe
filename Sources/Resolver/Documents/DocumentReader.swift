import RDF
import Store

/// Reads PURI documents out of one snapshot (see `PURIDocument` for what they hold).
struct DocumentReader {
    let snapshot: Snapshot

    /// The predicates whose objects name a resource for people (in order of preference): a page shows them instead of the IRI.
    static let labelPredicates = [SKOS.prefLabel, RDFS.label, DCTerms.title, IRI("http://xmlns.com/foaf/0.1/name")]

    /// What a document carries about each IRI it links to: its labels, and its identifier (an ABB id), so that
    /// lists of linked blocks can show both.
    static let linkedIRIPredicates = labelPredicates + [DCTerms.identifier]

    /// Past this many quads pointing at one resource, the rest are left out of its document (a hub such as a
    /// class IRI would otherwise pull in half the store); its own triples are always complete.
    static let inboundLimit = 5_000

    /// The document of `iri`, or `nil` if no quad mentions it.
    func resource(_ iri: IRI) -> [Quad]? {
        guard let id = snapshot.id(of: .iri(iri)) else { return nil }
        var collector = QuadCollector(snapshot: snapshot)
        collector.add(snapshot.quads(matching: EncodedQuadPattern(subject: id)))
        collector.add(snapshot.quads(matching: EncodedQuadPattern(object: id)).prefix(Self.inboundLimit))
        guard !collector.isEmpty else { return nil }
        collector.closeBlankNodes()
        collector.addLabels(except: id)
        return collector.grouped()
    }

    /// The document of a whole namespace: the scheme's triples and those of every PURI in it, with their blank nodes.
    func namespace(_ namespace: PURINamespace, puris: [TermID]) -> [Quad] {
        var collector = QuadCollector(snapshot: snapshot)
        if let scheme = snapshot.id(of: .iri(namespace.schemeIRI)) {
            collector.add(snapshot.quads(matching: EncodedQuadPattern(subject: scheme)))
        }
        for id in puris { collector.add(snapshot.quads(matching: EncodedQuadPattern(subject: id))) }
        collector.closeBlankNodes()
        return collector.grouped()
    }
}

/// Gathers encoded quads once each, remembering the order graphs were first met in.
private struct QuadCollector {
    let snapshot: Snapshot
    private var seen: Set<EncodedQuad> = []
    private var order: [EncodedQuad] = []

    init(snapshot: Snapshot) { self.snapshot = snapshot }

    var isEmpty: Bool { order.isEmpty }

    mutating func add(_ quads: some Sequence<EncodedQuad>) {
        for quad in quads where seen.insert(quad).inserted { order.append(quad) }
    }

    /// Adds the triples of every blank node reached from what is collected, until no new one appears.
    mutating func closeBlankNodes() {
        var visited: Set<TermID> = []
        var index = 0
        while index < order.count {
            let quad = order[index]
            index += 1
            for id in [quad.subject, quad.object] where !visited.contains(id) {
                guard case .blankNode = snapshot.term(for: id) else { continue }
                visited.insert(id)
                add(snapshot.quads(matching: EncodedQuadPattern(subject: id)))
            }
        }
    }

    /// Adds the labels and identifiers of every IRI the collected quads link to (objects, and subjects of inbound triples).
    mutating func addLabels(except own: TermID) {
        let labelIDs = DocumentReader.linkedIRIPredicates.compactMap { snapshot.id(of: .iri($0)) }
        guard !labelIDs.isEmpty else { return }
        var linked: [TermID] = []
        var seenLinks: Set<TermID> = [own]
        for quad in order {
            for id in [quad.subject, quad.object] where seenLinks.insert(id).inserted {
                if case .iri = snapshot.term(for: id) { linked.append(id) }
            }
        }
        for id in linked {
            for predicate in labelIDs { add(snapshot.quads(matching: EncodedQuadPattern(subject: id, predicate: predicate))) }
        }
    }

    /// The quads decoded, grouped by graph in the order each graph was first met.
    func grouped() -> [Quad] {
        var graphOrder: [TermID: Int] = [:]
        for quad in order where graphOrder[quad.graph] == nil { graphOrder[quad.graph] = graphOrder.count }
        let sorted = order.enumerated().sorted { lhs, rhs in
            let left = graphOrder[lhs.element.graph]!
            let right = graphOrder[rhs.element.graph]!
            return left != right ? left < right : lhs.offset < rhs.offset
        }
        return sorted.map { snapshot.quad(for: $0.element) }
    }
}
