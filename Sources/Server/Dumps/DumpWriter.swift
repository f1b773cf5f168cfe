package import RDF
package import Store

/// Writes a dataset of one snapshot in one syntax: the serialisation path that `/dumps` and `lodestar dump` share.
///
/// Every syntax is written by `RDFWriter` as quads are read (`Snapshot.write`), so memory stays at one chunk and dumps
/// in different syntaxes run at the same time.
package enum DumpWriter {
    /// Prefixes offered to the syntaxes that abbreviate.
    package static var prefixes: [String: String] { QuadStore.commonPrefixes }

    /// Writes `dataset` of `snapshot` as `format`, handing chunks of about 64 KiB to `sink`.
    /// - Parameters:
    ///   - compute: runs the writing (CPU-bound work); the server passes its `ComputeLimiter`, the command line runs it
    ///     where it is.
    /// - Throws: `StoreError(.invalidData)` for a triple syntax asked to hold the whole store; `RedlandError` when the
    ///   syntax cannot express the data (RDF/XML's predicates); what `sink` throws.
    package static func write(
        _ snapshot: Snapshot,
        dataset: DumpDataset,
        format: RDFFormat,
        compute: (@escaping @Sendable () throws -> Void) async throws -> Void = { try $0() },
        to sink: @escaping @Sendable ([UInt8]) throws -> Void
    ) async throws {
        if dataset == .all && (!format.supportsGraphs || format == .jsonLD) {
            throw StoreError(.invalidData, "a dump of the whole store is N-Quads or TriG; \(format.mediaType) holds one graph")
        }
        let graphs: [GraphName]? =
            switch dataset {
            case .all: nil
            case .graph(let graph): [graph]
            }
        // A graph's dump holds triples: JSON-LD would otherwise wrap them in a named graph object.
        let graphNames = dataset == .all || format != .jsonLD
        try await compute {
            try snapshot.write(graphs: graphs, format: format, graphNames: graphNames, prefixes: prefixes, to: sink)
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
}
