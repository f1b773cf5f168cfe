import Foundation
package import NIOCore
package import RDF
import Redland
package import Resolver
import SPARQL
package import Store

/// What a Graph Store request acts on (https://www.w3.org/TR/sparql11-http-rdf-update/#graph-identification).
package enum GraphTarget: Sendable, Equatable {
    /// `?default`.
    case defaultGraph
    /// `?graph=IRI`, or a graph URL under `/graphs/` (direct identification).
    case named(IRI)
    /// Neither: the whole store (GET), or a new graph (POST).
    case store

    /// The graph's name; `nil` for the whole store.
    var graphName: GraphName? {
        switch self {
        case .defaultGraph: .defaultGraph
        case .named(let iri): .iri(iri)
        case .store: nil
        }
    }
}

/// A Graph Store read, ready to stream.
package struct GraphRead: Sendable {
    package var format: RDFFormat
    package var ready: [[UInt8]]
    package var complete: Bool
    package var rest: ChunkStream
}

/// The SPARQL 1.1 Graph Store HTTP Protocol over the store: read, replace, merge and delete whole graphs.
///
/// Uploads are parsed completely before anything is written, and each write is one atomic store write, so a malformed
/// body changes nothing.
package struct GraphStoreService: Sendable {
    package let store: QuadStore
    let syntaxHost: RDFSyntaxHost
    package let limiter: ComputeLimiter
    /// The server's public URL, for minted graph IRIs and the base IRI of uploads to the default graph.
    package let baseURL: String

    /// True if `graph` holds at least one triple (the default graph always exists).
    package func exists(_ graph: GraphName) -> Bool {
        guard graph != .defaultGraph else { return true }
        let snapshot = store.snapshot()
        guard let id = snapshot.id(of: graph) else { return false }
        return snapshot.count(matching: EncodedQuadPattern(graph: id)) > 0
    }

    /// The representation chosen for reading `target` with `accept`.
    /// - Throws: `RequestError.notAcceptable`; for the whole store, only syntaxes that carry graph names are offered.
    package func negotiate(_ target: GraphTarget, accept: String?) throws(RequestError) -> RDFFormat {
        let offers = target == .store ? ResponseFormat.storeOffers : ResponseFormat.graphOffers
        guard let offer = ContentNegotiation.choose(from: offers, accept: accept), case .graph(let format) = offer.value else {
            var offered = ResponseFormat.mediaTypes(offers)
            if target == .store { offered.append("(or name a graph with ?graph=IRI or ?default for the triple formats)") }
            throw .notAcceptable(offered: offered)
        }
        return format
    }

    /// The content of `target` in `format`, from the latest snapshot.
    /// - Throws: `RequestError.notFound` for a named graph without triples.
    package func read(_ target: GraphTarget, format: RDFFormat) async throws -> GraphRead {
        let snapshot = store.snapshot()
        var pattern = EncodedQuadPattern()
        if let graph = target.graphName {
            guard exists(graph) else { throw RequestError.notFound("the graph \(graph) does not exist (it holds no triples)") }
            guard let id = snapshot.id(of: graph) else {
                return GraphRead(format: format, ready: [], complete: true, rest: ChunkStream(PrecomputedChunks([])))
            }
            pattern.graph = id
        }
        // One graph's triples stay triples in JSON-LD (no named graph object around them); the quad syntaxes keep the name.
        let graphNames = target == .store || format != .jsonLD
        let stream = ChunkStream(GraphChunks(.snapshot(snapshot, snapshot.quads(matching: pattern)), format: format, graphNames: graphNames))
        let ready = try await limiter.withPermit(deadline: nil) { () throws -> [[UInt8]] in
            var ready: [[UInt8]] = []
            while ready.count < 2, let chunk = try stream.nextChunk() { ready.append(chunk) }
            return ready
        }
        return GraphRead(format: format, ready: ready, complete: ready.count < 2, rest: stream)
    }

    /// The triples of an uploaded body, all put in `graph`.
    /// - Throws: `RedlandError` or `JSONLDError` with the position of the first error (400).
    package func parse(_ body: [UInt8], format: RDFFormat, baseIRI: String, into graph: GraphName) async throws -> [Quad] {
        var quads = try await syntaxHost.parse(body, format: format, baseIRI: baseIRI)
        for index in quads.indices { quads[index].graph = graph }
        return quads
    }

    /// The triples of an uploaded body parsed chunk by chunk as it arrives (nothing of it is kept but the statements),
    /// all put in `graph`. Nothing is written to the store here: the caller hands the result to one store write.
    /// - Parameters:
    ///   - declaredLength: the `Content-Length`, refused at once past `limit`.
    ///   - limit: the most bytes accepted.
    /// - Throws: `RequestError.bodyTooLarge` (413) past `limit`; `RedlandError` or `JSONLDError` with the position of
    ///   the first error (400); what reading the body throws.
    package func parse<Body: AsyncSequence>(
        streaming body: Body, declaredLength: Int?, limit: Int, format: RDFFormat, baseIRI: String, into graph: GraphName
    ) async throws -> [Quad] where Body.Element == ByteBuffer {
        if let declaredLength, declaredLength > limit { throw RequestError.bodyTooLarge(limit: limit) }
        let upload = try await syntaxHost.begin(format: format, baseIRI: baseIRI)
        var quads: [Quad]
        do {
            var received = 0
            for try await buffer in body {
                received += buffer.readableBytes
                guard received <= limit else { throw RequestError.bodyTooLarge(limit: limit) }
                try await syntaxHost.feed(upload, Array(buffer.readableBytesView))
            }
            quads = try await syntaxHost.finish(upload)
        } catch {
            await syntaxHost.cancel(upload)
            throw error
        }
        for index in quads.indices { quads[index].graph = graph }
        return quads
    }

    /// Replaces the content of `graph` (PUT). - Returns: true if the graph did not exist before.
    package func replace(_ graph: GraphName, with quads: [Quad]) async throws -> Bool {
        let existed = exists(graph)
        try await store.replace(graph: graph, with: quads)
        return !existed && !quads.isEmpty
    }

    /// Adds `quads` to `graph` (POST). - Returns: true if the graph did not exist before.
    package func merge(_ graph: GraphName, with quads: [Quad]) async throws -> Bool {
        let existed = exists(graph)
        try await store.apply(ChangeSet(insertions: quads))
        return !existed && !quads.isEmpty
    }

    /// Removes every triple of `graph` (DELETE).
    /// - Throws: `RequestError.notFound` for a named graph that holds nothing.
    package func delete(_ graph: GraphName) async throws {
        guard exists(graph) else { throw RequestError.notFound("the graph \(graph) does not exist (it holds no triples)") }
        try await store.replace(graph: graph, with: [])
    }

    /// A fresh graph IRI under `/graphs/`, for POST to the store itself.
    package func newGraphIRI() -> IRI { IRI(baseURL + "/graphs/" + UUID().uuidString.lowercased()) }
}
