import RDF
import Redland
import Store

/// The server's own raptor, on its own thread: parses uploaded RDF and writes the syntaxes raptor writes (Turtle,
/// RDF/XML, TriG), without queueing behind the store's writer on its Redland thread.
///
/// A separate world on a separate thread is safe (research/redland.md §3); the world is created on first use, on this
/// actor's thread, and stays there. Each call runs to the end without suspending, so one world's log collector never
/// sees two parses interleaved.
package actor RDFSyntaxHost {
    private nonisolated let thread: RedlandThread
    package nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private var cachedWorld: RedlandWorld?

    package init() {
        thread = RedlandThread(name: "lodestar-rdf-io")
    }

    func world() throws -> RedlandWorld {
        if let cachedWorld { return cachedWorld }
        let world = try RedlandWorld()
        cachedWorld = world
        return world
    }

    /// Every statement of `bytes`, with fresh blank nodes; nothing if the document has an error anywhere.
    /// - Throws: `RedlandError` with the line and column of the first problem.
    func parse(_ bytes: [UInt8], format: RDFFormat, baseIRI: String) throws -> [Quad] {
        var quads: [Quad] = []
        try RDFParser.parse(bytes, format: format, baseIRI: baseIRI, world: try world(), fileName: "the request body") { quads.append($0) }
        return quads
    }

    /// `quads` written in `format`, as chunks of about 64 KiB.
    /// - Throws: `RequestError.cannotRepresent` when the syntax cannot express the data (RDF/XML's predicates).
    func serialize(_ quads: [Quad], format: RDFFormat, prefixes: [String: String]) throws -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        let serializer = try RDFSerializer(format: format, world: try world(), prefixes: prefixes) { chunks.append($0) }
        try Self.representable(format) {
            try serializer.write(contentsOf: quads)
            try serializer.finish()
        }
        return chunks
    }

    /// The quads of `snapshot` matching `pattern`, written in `format`, as chunks of about 64 KiB.
    func serialize(
        _ snapshot: Snapshot,
        matching pattern: EncodedQuadPattern,
        format: RDFFormat,
        prefixes: [String: String]
    )
        throws -> [[UInt8]]
    {
        var chunks: [[UInt8]] = []
        let serializer = try RDFSerializer(format: format, world: try world(), prefixes: prefixes) { chunks.append($0) }
        try Self.representable(format) {
            for encoded in snapshot.quads(matching: pattern) { try serializer.write(snapshot.quad(for: encoded)) }
            try serializer.finish()
        }
        return chunks
    }

    /// Runs `body`, turning raptor's refusal of data it cannot write into `RequestError.cannotRepresent`.
    private static func representable(_ format: RDFFormat, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as RedlandError where error.code == .invalidData {
            throw RequestError.cannotRepresent(mediaType: format.mediaType, reason: error.message)
        }
    }

    /// Frees the world and ends the thread once queued work is done.
    package func close() {
        cachedWorld = nil
        thread.shutdown()
    }
}
