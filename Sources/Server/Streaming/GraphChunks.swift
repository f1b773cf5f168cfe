import RDF
import Redland
import SPARQL
import Store

/// Where a graph body's quads come from: a CONSTRUCT or DESCRIBE result, or a range of one store snapshot.
enum QuadFeed {
    case triples(QueryTriples)
    case snapshot(Snapshot, QuadCursor)

    mutating func next() throws -> Quad? {
        switch self {
        case .triples(var triples):
            defer { self = .triples(triples) }
            return try triples.next().map { Quad($0, graph: .defaultGraph) }
        case .snapshot(let snapshot, var cursor):
            defer { self = .snapshot(snapshot, cursor) }
            return cursor.next().map(snapshot.quad(for:))
        }
    }
}

/// An RDF body in any syntax, written by `RDFWriter` as quads arrive, one chunk of about 64 KiB per call: memory stays
/// at one chunk whatever the size of the graph, and no lock is shared with other requests.
final class GraphChunks: ChunkSource {
    private var feed: QuadFeed
    private let format: RDFFormat
    private let graphNames: Bool
    private let output = PendingOutput()
    private var writer: RDFWriter?
    private var finished = false
    private let chunkSize = 1 << 16

    /// - Parameter graphNames: false writes every quad in the default graph (one graph's triples in a quad syntax).
    init(_ feed: QuadFeed, format: RDFFormat, graphNames: Bool = true) {
        self.feed = feed
        self.format = format
        self.graphNames = graphNames
    }

    func nextChunk() throws -> [UInt8]? {
        let writer = try self.writer ?? RDFWriter(format: format, prefixes: QuadStore.commonPrefixes, chunkSize: chunkSize, sink: output.sink)
        self.writer = writer
        while output.count < chunkSize && !finished {
            guard var quad = try feed.next() else {
                try writer.finish()
                finished = true
                break
            }
            if !graphNames { quad.graph = .defaultGraph }
            do {
                try writer.write(quad)
            } catch let error as RedlandError where error.code == .invalidData {
                // Before the first byte this is a 406; later it ends the body.
                throw RequestError.cannotRepresent(mediaType: format.mediaType, reason: error.message)
            }
        }
        return output.isEmpty ? nil : output.take()
    }
}
