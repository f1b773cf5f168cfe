package import RDF
import Redland
package import Resolver
package import Store

/// Writes a dataset of one snapshot in one syntax: the serialisation path that `/dumps` and `lodestar dump` share.
///
/// N-Triples, N-Quads, Turtle and JSON-LD are written in Swift as quads are read, so memory stays at one chunk.
/// TriG and RDF/XML go through `RDFSyntaxHost` (raptor's world lives on its thread): TriG streams, but raptor's RDF/XML
/// writer abbreviates and keeps the graph until the end.
package enum DumpWriter {
    /// Prefixes offered to the syntaxes that abbreviate.
    package static var prefixes: [String: String] { QuadStore.commonPrefixes }

    /// Writes `dataset` of `snapshot` as `format`, handing chunks of about 64 KiB to `sink`.
    /// - Parameters:
    ///   - compute: runs the Swift-written syntaxes (CPU-bound work); the server passes its `ComputeLimiter`, the
    ///     command line runs them where it is.
    /// - Throws: `StoreError(.invalidData)` for a triple syntax asked to hold the whole store; `RedlandError` when
    ///   raptor cannot express the data (RDF/XML's predicates); what `sink` throws.
    package static func write(
        _ snapshot: Snapshot,
        dataset: DumpDataset,
        format: GraphFormat,
        syntaxHost: RDFSyntaxHost,
        compute: (@escaping @Sendable () throws -> Void) async throws -> Void = { try $0() },
        to sink: @escaping @Sendable ([UInt8]) throws -> Void
    ) async throws {
        if dataset == .all && !format.supportsGraphs || dataset == .all && format == .jsonLD {
            throw StoreError(.invalidData, "a dump of the whole store is N-Quads or TriG; \(format.mediaType) holds one graph")
        }
        switch format {
        case .rdf(.trig), .rdf(.rdfxml):
            guard case .rdf(let rdfFormat) = format else { return }
            try await syntaxHost.write(snapshot, graphs: graphIDs(of: dataset, in: snapshot), format: rdfFormat, prefixes: prefixes, to: sink)
        default:
            try await compute { try writeInSwift(snapshot, dataset: dataset, format: format, to: sink) }
        }
    }

    /// The graphs a dataset reads, in the order they are written: the default graph first for `.all`.
    package static func graphIDs(of dataset: DumpDataset, in snapshot: Snapshot) -> [TermID] {
        switch dataset {
        case .all: [.defaultGraph] + snapshot.namedGraphs
        case .graph(let graph): snapshot.id(of: graph).map { [$0] } ?? []
        }
    }

    /// The triples of `dataset`.
    package static func tripleCount(of dataset: DumpDataset, in snapshot: Snapshot) -> Int {
        switch dataset {
        case .all: snapshot.count
        case .graph: graphIDs(of: dataset, in: snapshot).reduce(0) { $0 + snapshot.count(matching: EncodedQuadPattern(graph: $1)) }
        }
    }

    private static func writeInSwift(
        _ snapshot: Snapshot, dataset: DumpDataset, format: GraphFormat, to sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        let graphs = graphIDs(of: dataset, in: snapshot)
        func eachQuad(_ body: (Quad) throws -> Void) throws {
            for graph in graphs {
                for encoded in snapshot.quads(matching: EncodedQuadPattern(graph: graph)) {
                    var quad = snapshot.quad(for: encoded)
                    // A graph's dump holds triples: JSON-LD would otherwise wrap them in a named graph object.
                    if dataset != .all { quad.graph = .defaultGraph }
                    try body(quad)
                }
            }
        }
        switch format {
        case .rdf(.ntriples), .rdf(.nquads):
            for graph in graphs {
                let name = graph == .defaultGraph ? GraphName.defaultGraph : GraphName(snapshot.term(for: graph)) ?? .defaultGraph
                try snapshot.writeNQuads(graph: name, graphNames: format == .rdf(.nquads), to: sink)
            }
        case .rdf(.turtle):
            let writer = TurtleStreamWriter(prefixes: prefixes, sink: sink)
            try eachQuad { try writer.write($0) }
            try writer.finish()
        case .jsonLD:
            let serializer = JSONLDSerializer(prefixes: prefixes, grouping: .consecutiveSubjects, sink: sink)
            try eachQuad { try serializer.write($0) }
            try serializer.finish()
        case .rdf(.trig), .rdf(.rdfxml):
            throw StoreError(.invalidData, "\(format.mediaType) is written by raptor, not here")
        }
    }
}

extension RDFSyntaxHost {
    /// The quads of `graphs` (in that order) written in `format` with raptor or the TriG writer, streamed to `sink`.
    func write(
        _ snapshot: Snapshot, graphs: [TermID], format: RDFFormat, prefixes: [String: String],
        to sink: @escaping @Sendable ([UInt8]) throws -> Void
    ) throws {
        let serializer = try RDFSerializer(format: format, world: try world(), prefixes: prefixes, sink: sink)
        for graph in graphs {
            for encoded in snapshot.quads(matching: EncodedQuadPattern(graph: graph)) { try serializer.write(snapshot.quad(for: encoded)) }
        }
        try serializer.finish()
    }
}
