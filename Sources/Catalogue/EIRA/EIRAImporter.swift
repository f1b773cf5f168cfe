public import RDF
public import Store
import Synchronization

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
        let links = LinkCount()
        try await store.transact { snapshot, _ in
            var succession = PURISuccession()
            succession.add(triples, version: release.version)
            for graphID in snapshot.namedGraphs {
                guard let graph = snapshot.term(for: graphID).iri, let other = EIRARelease(graph: graph), other != release else { continue }
                succession.add(snapshot.quads(in: .iri(graph)).map(\.triple), version: other.version)
            }
            let mapping = succession.triples
            links.value = mapping.count / 2
            return ChangeSet(
                deletions: snapshot.quads(in: releaseGraph) + snapshot.quads(in: mappingGraph),
                insertions: triples.map { Quad($0, graph: releaseGraph) } + mapping.map { Quad($0, graph: mappingGraph) })
        }
        let elapsed = ContinuousClock.now - start
        return EIRAImportReport(
            release: release, graph: release.graph, concepts: document.concepts, elements: document.elements,
            relationships: document.relationships, triples: triples.count, successionLinks: links.value,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// Carries the link count out of the transaction body, which runs once on the writer's thread before `transact`
/// returns; the lock makes the hand-over safe.
private final class LinkCount: Sendable {
    private let storage = Mutex(0)
    var value: Int {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
