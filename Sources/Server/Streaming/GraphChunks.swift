import RDF
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

/// An RDF body in a syntax written in Swift as quads arrive: N-Triples, N-Quads, or JSON-LD (streamed, one node
/// object per run of quads with the same subject; a snapshot's quads come grouped by graph and subject).
final class GraphChunks: ChunkSource {
    enum Syntax {
        /// N-Triples (`graphNames: false`) or N-Quads.
        case lines(graphNames: Bool)
        case jsonLD(prefixes: [String: String])
    }

    private var feed: QuadFeed
    private let output = PendingOutput()
    private let jsonLD: JSONLDSerializer?
    private let graphNames: Bool
    private var finished = false
    private let chunkSize = 1 << 16

    init(_ feed: QuadFeed, syntax: Syntax) {
        self.feed = feed
        switch syntax {
        case .lines(let graphNames):
            self.graphNames = graphNames
            jsonLD = nil
        case .jsonLD(let prefixes):
            graphNames = false
            jsonLD = JSONLDSerializer(prefixes: prefixes, grouping: .consecutiveSubjects, chunkSize: chunkSize, sink: output.sink)
        }
    }

    func nextChunk() throws -> [UInt8]? {
        var line: [UInt8] = []
        while output.count < chunkSize && !finished {
            guard var quad = try feed.next() else {
                try jsonLD?.finish()
                finished = true
                break
            }
            if !graphNames { quad.graph = .defaultGraph }
            if let jsonLD {
                try jsonLD.write(quad)
            } else {
                line.removeAll(keepingCapacity: true)
                NTriples.append(quad, to: &line)
                output.append(line)
            }
        }
        return output.isEmpty ? nil : output.take()
    }
}
