public import RDF
public import Store

/// What an import wrote.
public struct EIRAImportReport: Sendable {
    public var release: EIRARelease
    public var graph: IRI
    public var concepts: Int
    /// As `EIRADocument.elements`.
    public var elements: Int
    public var relationships: Int
    /// Triples in the release graph.
    public var triples: Int
    /// Succession links (each one `isReplacedBy` plus one `replaces`) in the mapping graph after the import.
    public var successionLinks: Int
    public var seconds: Double
}

/// Writes EIRA releases into the store: each release in its own named graph, replaced whole on re-import, and the
/// mapping graph recomputed over every imported release, all in one atomic, durable write.
public enum EIRAImporter {
    /// Imports `document`: its release graph is replaced and the mapping graph recomputed from the latest snapshot,
    /// in one write (both change, or neither).
    /// - Throws: what the store throws; nothing is written then.
    @discardableResult
    public static func `import`(_ document: EIRADocument, into store: QuadStore) async throws -> EIRAImportReport {
        let start = ContinuousClock.now
        let release = document.release
        let releaseGraph = GraphName.iri(release.graph)
        let mappingGraph = GraphName.iri(EIRARelease.mappingGraph)
        let triples = document.triples
        let (_, links) = try await store.transact(.bulk) { snapshot in
            var succession = PURISuccession()
            succession.add(triples, version: release.version)
            for graphID in snapshot.namedGraphs {
                guard let graph = snapshot.term(for: graphID).iri, let other = EIRARelease(graph: graph), other != release else { continue }
                succession.add(snapshot.quads(in: .iri(graph)).map(\.triple), version: other.version)
            }
            let mapping = succession.triples
            let change = ChangeSet(
                deletions: snapshot.quads(in: releaseGraph) + snapshot.quads(in: mappingGraph),
                insertions: triples.map { Quad($0, graph: releaseGraph) } + mapping.map { Quad($0, graph: mappingGraph) })
            return (change, mapping.count / 2)
        }
        let elapsed = ContinuousClock.now - start
        return EIRAImportReport(
            release: release, graph: release.graph, concepts: document.concepts, elements: document.elements,
            relationships: document.relationships, triples: triples.count, successionLinks: links,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
