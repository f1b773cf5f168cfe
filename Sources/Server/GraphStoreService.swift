import Foundation
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
    package var format: GraphFormat
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
    package func negotiate(_ target: GraphTarget, accept: String?) throws(RequestError) -> GraphFormat {
        var offers = ResponseFormat.graphOffers
        if target == .store {
            // Only syntaxes with graph names; N-Quads first, since it streams.
            offers = [GraphFormat.rdf(.nquads), .rdf(.trig), .jsonLD].map { Offer($0.mediaType, aliases: $0.aliases, value: .graph($0)) }
        }
        guard let offer = ContentNegotiation.choose(from: offers, accept: accept), case .graph(let format) = offer.value else {
            var offered = ResponseFormat.mediaTypes(offers)
            if target == .store { offered.append("(or name a graph with ?graph=IRI or ?default for the triple formats)") }
            throw .notAcceptable(offered: offered)
        }
        return format
    }

    /// The content of `target` in `format`, from the latest snapshot.
    /// - Throws: `RequestError.notFound` for a named graph without triples.
    package func read(_ target: GraphTarget, format: GraphFormat) async throws -> GraphRead {
        let snapshot = store.snapshot()
        var pattern = EncodedQuadPattern()
        if let graph = target.graphName {
            guard exists(graph) else { throw RequestError.notFound("the graph \(graph) does not exist (it holds no triples)") }
            guard let id = snapshot.id(of: graph) else {
                return GraphRead(format: format, ready: [], complete: true, rest: ChunkStream(PrecomputedChunks([])))
            }
            pattern.graph = id
        }
        switch format {
        case .rdf(.ntriples), .rdf(.nquads), .jsonLD:
            let syntax: GraphChunks.Syntax =
                format == .jsonLD ? .jsonLD(prefixes: QuadStore.commonPrefixes) : .lines(graphNames: format == .rdf(.nquads))
            let stream = ChunkStream(GraphChunks(.snapshot(snapshot, snapshot.quads(matching: pattern)), syntax: syntax))
            let ready = try await limiter.withPermit(deadline: nil) { () throws -> [[UInt8]] in
                var ready: [[UInt8]] = []
                while ready.count < 2, let chunk = try stream.nextChunk() { ready.append(chunk) }
                return ready
            }
            return GraphRead(format: format, ready: ready, complete: ready.count < 2, rest: stream)
        case .rdf(let rdfFormat):
            let chunks = try await syntaxHost.serialize(snapshot, matching: pattern, format: rdfFormat, prefixes: QuadStore.commonPrefixes)
            return GraphRead(format: format, ready: chunks, complete: true, rest: ChunkStream(PrecomputedChunks([])))
        }
    }

    /// The triples of an uploaded body, all put in `graph`.
    /// - Throws: `RedlandError` or `JSONLDError` with the position of the first error (400).
    package func parse(_ body: [UInt8], format: GraphFormat, baseIRI: String, into graph: GraphName) async throws -> [Quad] {
        var quads: [Quad]
        switch format {
        case .jsonLD: quads = try JSONLDParser.parse(body, baseIRI: baseIRI, blankNodePrefix: BlankNodeLabeling.freshPrefix())
        case .rdf(let rdfFormat): quads = try await syntaxHost.parse(body, format: rdfFormat, baseIRI: baseIRI)
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
