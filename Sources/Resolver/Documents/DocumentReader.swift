import RDF
import Store

/// Reads PURI documents out of one snapshot (see `PURIDocument` for what they hold).
struct DocumentReader {
    let snapshot: Snapshot

    /// The predicates whose objects name a resource for people (in order of preference): a page shows them instead of the IRI.
    static let labelPredicates = [SKOS.prefLabel, RDFS.label, DCTerms.title, CatalogueTerms.foafName, CatalogueTerms.vcardName]

    /// What a document carries about each IRI it links to: its labels, and its identifier (an ABB id), so that
    /// lists of linked blocks can show both.
    static let linkedIRIPredicates = labelPredicates + [DCTerms.identifier]

    /// Past this many quads pointing at one resource, the rest are left out of its document (a hub such as a
    /// class IRI would otherwise pull in half the store); its own triples are always complete.
    static let inboundLimit = 5_000

    /// Past this many quads using a resource only as predicate or graph name, the rest are left out of its document.
    static let usageLimit = 100

    /// The document of `iri`, or `nil` if no quad mentions it. Beside its own triples and those pointing at it, it
    /// holds the triples of its distributions, releases, contact points and publisher, the solutions implementing it
    /// (for a building block, `equivalents` are the IRIs `dct:type` may name it by), and where it was harvested from.
    /// An IRI used only as a predicate or a graph name gets a sample of those uses. The labels of `alsoLabelled` (the
    /// current blocks of the IRIs `dct:type` names) come along with those of the IRIs the quads link to.
    func resource(_ iri: IRI, equivalents: [IRI] = [], alsoLabelled: [IRI] = []) -> [Quad]? {
        guard let id = snapshot.id(of: .iri(iri)) else { return nil }
        var collector = QuadCollector(snapshot: snapshot)
        let own = Array(snapshot.quads(matching: EncodedQuadPattern(subject: id)))
        collector.add(own)
        // A block drawn in a diagram is drawn on its view's page: its own document leaves out the boxes that draw it
        // (and, through their blank nodes, the rest of each diagram).
        let drawnBy = snapshot.id(of: .iri(DiagramVocabulary.element))
        collector.add(snapshot.quads(matching: EncodedQuadPattern(object: id)).lazy.filter { $0.predicate != drawnBy }.prefix(Self.inboundLimit))
        if collector.isEmpty {
            collector.add(snapshot.quads(matching: EncodedQuadPattern(predicate: id)).prefix(Self.usageLimit))
            collector.add(snapshot.quads(matching: EncodedQuadPattern(graph: id)).prefix(Self.usageLimit))
        }
        guard !collector.isEmpty else { return nil }
        addDetails(of: own, to: &collector)
        addSolutions(implementing: equivalents, to: &collector)
        addHarvest(of: own, to: &collector)
        collector.closeBlankNodes()
        collector.addLabels(except: id, also: alsoLabelled.compactMap { snapshot.id(of: .iri($0)) })
        return collector.grouped()
    }

    /// The triples of the objects of `CatalogueTerms.detailPredicates`.
    private func addDetails(of own: [EncodedQuad], to collector: inout QuadCollector) {
        let detail = Set(CatalogueTerms.detailPredicates.compactMap { snapshot.id(of: .iri($0)) })
        for quad in own where detail.contains(quad.predicate) {
            guard case .iri = snapshot.term(for: quad.object) else { continue }
            collector.add(snapshot.quads(matching: EncodedQuadPattern(subject: quad.object)).prefix(Self.inboundLimit))
        }
    }

    /// The `dct:type` triples naming a block by another IRI, with each solution's publisher.
    private func addSolutions(implementing equivalents: [IRI], to collector: inout QuadCollector) {
        guard let type = snapshot.id(of: .iri(DCTerms.type)) else { return }
        let publisher = snapshot.id(of: .iri(DCTerms.publisher))
        var solutions: [TermID] = []
        for equivalent in equivalents {
            guard let id = snapshot.id(of: .iri(equivalent)) else { continue }
            let typed = Array(snapshot.quads(matching: EncodedQuadPattern(predicate: type, object: id)).prefix(Self.inboundLimit))
            collector.add(typed)
            solutions += typed.map(\.subject)
        }
        guard let publisher else { return }
        for solution in solutions { collector.add(snapshot.quads(matching: EncodedQuadPattern(subject: solution, predicate: publisher))) }
    }

    /// For triples in a harvested source's graph: what any graph says about that graph (the provenance of its harvest).
    private func addHarvest(of own: [EncodedQuad], to collector: inout QuadCollector) {
        var graphs: Set<TermID> = []
        for quad in own where graphs.insert(quad.graph).inserted {
            guard case .iri(let graph) = snapshot.term(for: quad.graph), graph.value.hasPrefix(CatalogueTerms.sourceGraphPrefix) else {
                continue
            }
            collector.add(snapshot.quads(matching: EncodedQuadPattern(subject: quad.graph)).prefix(Self.usageLimit))
        }
    }

    /// The IRIs a building block may be named by in `dct:type`: its PURI, the PURIs it replaced (transitively, through
    /// `dct:replaces` and `dct:isReplacedBy`), and the `http://data.europa.eu/eira/` form of each.
    func equivalents(of iri: IRI, localPart: (IRI) -> String?) -> [IRI] {
        var found: [IRI] = [iri]
        var seen: Set<IRI> = [iri]
        var index = 0
        let replaces = snapshot.id(of: .iri(DCTerms.replaces))
        let isReplacedBy = snapshot.id(of: .iri(DCTerms.isReplacedBy))
        while index < found.count, found.count < 64 {
            let current = found[index]
            index += 1
            guard let id = snapshot.id(of: .iri(current)) else { continue }
            var older: [TermID] = []
            if let replaces { older += snapshot.quads(matching: EncodedQuadPattern(subject: id, predicate: replaces)).map(\.object) }
            if let isReplacedBy { older += snapshot.quads(matching: EncodedQuadPattern(predicate: isReplacedBy, object: id)).map(\.subject) }
            for olderID in older {
                if case .iri(let olderIRI) = snapshot.term(for: olderID), seen.insert(olderIRI).inserted { found.append(olderIRI) }
            }
        }
        let eira = found.compactMap { localPart($0).map { IRI(CatalogueTerms.eiraBase + $0) } }.filter { seen.insert($0).inserted }
        return found + eira
    }

    /// The building blocks `iri`'s `dct:type` names, as they are now, for each one named otherwise: an
    /// `http://data.europa.eu/eira/` form becomes the first of `puris(local)` the store knows, and a replaced PURI
    /// its successor (through `dct:isReplacedBy` and `dct:replaces`, to the last). The inverse of `equivalents(of:)`.
    func currentBlocks(namedBy iri: IRI, puris: (String) -> [IRI]) -> [IRI: IRI] {
        guard let id = snapshot.id(of: .iri(iri)), let type = snapshot.id(of: .iri(DCTerms.type)) else { return [:] }
        var blocks: [IRI: IRI] = [:]
        for quad in snapshot.quads(matching: EncodedQuadPattern(subject: id, predicate: type)) {
            guard case .iri(let named) = snapshot.term(for: quad.object), blocks[named] == nil else { continue }
            let block = currentBlock(named, puris: puris)
            if block != named { blocks[named] = block }
        }
        return blocks
    }

    /// The building block `named` stands for now (see `currentBlocks`); `named` itself if it is one.
    func currentBlock(_ named: IRI, puris: (String) -> [IRI]) -> IRI {
        var block = named
        if named.value.hasPrefix(CatalogueTerms.eiraBase) {
            let local = String(named.value.dropFirst(CatalogueTerms.eiraBase.count))
            block = puris(local).first(where: isKnown) ?? named
        }
        return newest(block)
    }

    /// The last successor of `iri` through `dct:isReplacedBy` and inverse `dct:replaces`; `iri` itself if none. Of
    /// several successors, the smallest IRI, so that the answer does not depend on index order.
    private func newest(_ iri: IRI) -> IRI {
        let replaces = snapshot.id(of: .iri(DCTerms.replaces))
        let isReplacedBy = snapshot.id(of: .iri(DCTerms.isReplacedBy))
        guard replaces != nil || isReplacedBy != nil else { return iri }
        var current = iri
        var seen: Set<IRI> = [iri]
        while seen.count < 64, let id = snapshot.id(of: .iri(current)) {
            var newer: [TermID] = []
            if let isReplacedBy { newer += snapshot.quads(matching: EncodedQuadPattern(subject: id, predicate: isReplacedBy)).map(\.object) }
            if let replaces { newer += snapshot.quads(matching: EncodedQuadPattern(predicate: replaces, object: id)).map(\.subject) }
            let next = newer.compactMap { snapshot.term(for: $0).iri }.filter { !seen.contains($0) }.min { $0.value < $1.value }
            guard let next else { break }
            seen.insert(next)
            current = next
        }
        return current
    }

    /// True when some quad has `iri` as subject or object (a PURI known only as replaced counts).
    private func isKnown(_ iri: IRI) -> Bool {
        // The dictionary keeps terms whose quads were all removed: ask the indexes, which see removals.
        guard let id = snapshot.id(of: .iri(iri)) else { return false }
        return snapshot.quads(matching: EncodedQuadPattern(subject: id)).contains { _ in true }
            || snapshot.quads(matching: EncodedQuadPattern(object: id)).contains { _ in true }
    }

    /// How many distinct solutions name any of `equivalents` in `dct:type`.
    func solutionCount(_ equivalents: [IRI]) -> Int {
        guard let type = snapshot.id(of: .iri(DCTerms.type)) else { return 0 }
        var solutions: Set<TermID> = []
        for equivalent in equivalents {
            guard let id = snapshot.id(of: .iri(equivalent)) else { continue }
            for quad in snapshot.quads(matching: EncodedQuadPattern(predicate: type, object: id)) { solutions.insert(quad.subject) }
        }
        return solutions.count
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
    mutating func addLabels(except own: TermID, also extra: [TermID]) {
        let labelIDs = DocumentReader.linkedIRIPredicates.compactMap { snapshot.id(of: .iri($0)) }
        guard !labelIDs.isEmpty else { return }
        var linked: [TermID] = []
        var seenLinks: Set<TermID> = [own]
        for quad in order {
            for id in [quad.subject, quad.object] where seenLinks.insert(id).inserted {
                if case .iri = snapshot.term(for: id) { linked.append(id) }
            }
        }
        for id in extra where seenLinks.insert(id).inserted { linked.append(id) }
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
