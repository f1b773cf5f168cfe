import RDF
import Redland
import Store

/// The server's own raptor, on its own thread: parses uploaded RDF without queueing behind the store's writer on its
/// Redland thread. (Writing needs no raptor: `RDFWriter` runs anywhere.)
///
/// A separate world on a separate thread is safe (research/redland.md §3); worlds are created on this actor's thread
/// and stay there. A whole-body parse runs to the end without suspending; an upload parsed as it arrives (`begin`,
/// `feed`, `finish`) gets a world of its own when raptor reads its syntax, so uploads arriving at the same time
/// interleave chunk by chunk and one world's log collector never sees two parses.
package actor RDFSyntaxHost {
    private nonisolated let thread: RedlandThread
    package nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private var cachedWorld: RedlandWorld?
    private var uploads: [Int: Upload] = [:]
    private var nextUpload = 0

    /// One upload being parsed: its reader, and the quads read so far.
    private final class Upload {
        let world: RedlandWorld
        var reader: RDFReader?
        var quads: [Quad] = []

        init(world: RedlandWorld) { self.world = world }
    }

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
        try RDFReader.parse(bytes, format: format, baseIRI: baseIRI, world: try world(), fileName: "the request body") { quads.append($0) }
        return quads
    }

    /// Starts parsing an upload that arrives in chunks; returns its number for `feed`, `finish` and `cancel`.
    /// - Throws: `RedlandError` if raptor lacks the parser.
    func begin(format: RDFFormat, baseIRI: String) throws -> Int {
        // N-Triples, N-Quads and JSON-LD are parsed in Swift and never touch the world's log: they share one world.
        let upload = Upload(world: format.isReadBySwift ? try world() : try RedlandWorld())
        upload.reader = try RDFReader(format: format, baseIRI: baseIRI, world: upload.world, fileName: "the request body") { [unowned upload] in
            upload.quads.append($0)
        }
        nextUpload += 1
        uploads[nextUpload] = upload
        return nextUpload
    }

    /// Parses the next chunk of upload `id`. After an error the upload is gone.
    /// - Throws: `RedlandError` with the line and column of the first problem.
    func feed(_ id: Int, _ bytes: [UInt8]) throws {
        guard let reader = uploads[id]?.reader else { throw RedlandError(.io, "no upload \(id) is being parsed") }
        do {
            try reader.feed(bytes)
        } catch {
            uploads[id] = nil
            throw error
        }
    }

    /// Ends upload `id` and returns every statement it held.
    /// - Throws: `RedlandError` with the line and column of the first problem.
    func finish(_ id: Int) throws -> [Quad] {
        guard let upload = uploads.removeValue(forKey: id), let reader = upload.reader else {
            throw RedlandError(.io, "no upload \(id) is being parsed")
        }
        try reader.finish()
        upload.reader = nil
        return upload.quads
    }

    /// Drops upload `id` (the client went away, or the body was too large).
    func cancel(_ id: Int) { uploads[id] = nil }

    /// Frees the world and ends the thread once queued work is done.
    package func close() {
        cachedWorld = nil
        uploads = [:]
        thread.shutdown()
    }
}

extension RDFFormat {
    /// True for the syntaxes `RDFReader` parses in Swift, without raptor.
    fileprivate var isReadBySwift: Bool { self == .ntriples || self == .nquads || self == .jsonLD }
}
