public import RDF

/// A parser fed with bytes as they arrive, for request bodies (STYLE.md §8): the same checks, formats and errors as
/// `RDFReader`, one chunk at a time. Not `Sendable`: it belongs to its world's actor.
///
/// ```swift
/// let parser = try RDFReader(format: .nquads, baseIRI: "http://example.org/", world: world) { quads.append($0) }
/// for try await chunk in body { try parser.feed(chunk) }
/// try parser.finish()
/// ```
///
/// As with `RDFReader`, `handle` may already have received statements when a call throws; discard them then. After
/// an error, or after `finish()`, the parser takes no more input.
public final class RDFReader {
    private var input: ParseInput?

    /// Starts a parse.
    /// - Parameters:
    ///   - baseIRI: the IRI that relative IRIs resolve against; must be absolute.
    ///   - fileName: the name errors give as their file, if any.
    ///   - blankNodes: how blank nodes are labelled; by default uniquely for this parse.
    ///   - handle: receives each quad; what it throws ends the parse and is rethrown.
    /// - Throws: `RedlandError` (`.unsupported`) if raptor lacks the parser.
    public init(
        format: RDFFormat, baseIRI: String, world: RedlandWorld, fileName: String? = nil, blankNodes: BlankNodeLabeling = .unique,
        handle: @escaping (Quad) throws -> Void
    ) throws {
        input = try ParseInput(format: format, baseIRI: baseIRI, world: world, file: fileName, blankNodes: blankNodes, handle: handle)
    }

    deinit { input?.close() }

    /// Parses the next bytes; a chunk may end anywhere, even inside a UTF-8 sequence.
    /// - Throws: `RedlandError` with the position of the first problem, or what `handle` threw.
    public func feed(_ bytes: [UInt8]) throws {
        try run { try $0.feed(bytes, isLast: false) }
    }

    /// Ends the input and reports anything the parser held back (raptor parses Turtle and TriG only here).
    /// - Throws: `RedlandError` with the position of the first problem, or what `handle` threw.
    public func finish() throws {
        try run { try $0.feed([], isLast: true) }
        input?.close()
        input = nil
    }

    private func run(_ body: (inout ParseInput) throws -> Void) throws {
        guard var current = input else { throw RedlandError(.io, "the parse has already ended") }
        do {
            try body(&current)
            input = current
        } catch {
            current.close()
            input = nil
            throw error
        }
    }
}
