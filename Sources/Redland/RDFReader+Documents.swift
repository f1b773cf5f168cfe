import Foundation
public import RDF

/// Reads RDF: Turtle, TriG and RDF/XML with raptor directly, N-Triples and N-Quads with the RDF module's `NQuadsParser`.
///
/// Why not librdf's parser: librdf 1.0.17 drops the graph names of N-Quads and TriG; raptor keeps them.
/// Why not raptor for N-Triples and N-Quads: raptor's N-Triples parser takes time quadratic in a line's length (a 4 MB
/// literal: 6 s, 50 MB: over 10 minutes) and returns success after a syntax error. `NQuadsParser` is linear and
/// strict, so every `.nt` and `.nq` input goes through it, whatever its line lengths.
///
/// Every input is checked before a parser sees it: invalid UTF-8 is refused (raptor accepts it silently) with the
/// line and column of the first bad byte; a term longer than librdf can store is refused (see `RedlandLimits`); a
/// statement that is not RDF (a literal graph name) is refused. Blank node labels get a prefix unique to the parse
/// (see `BlankNodeLabeling`), so separate documents never share blank nodes. Graph names of N-Quads and TriG are kept;
/// triples of the other formats are in `.defaultGraph`.
///
/// **Statements are delivered as they are parsed**, so that a large file needs no large buffer. (N-Triples, N-Quads
/// and RDF/XML stream; raptor 2.0.15 buffers Turtle and TriG and parses them when the input ends, so those cost about
/// their size in memory and deliver everything at the end.) A thrown error means the input is invalid *as a whole*:
/// the caller must discard every statement `handle` received in that call (the Store collects them into one
/// transaction and drops it). Errors carry the file and the 1-based line (and column where the parser knows it) of
/// the first problem; raptor warnings that mean data was skipped count as errors.
///
/// ```swift
/// var quads: [Quad] = []
/// try RDFReader.parse(file: "data/eira.rdf", world: world) { quads.append($0) }
/// ```
extension RDFReader {
    /// Bytes read from a file at a time.
    static let chunkSize = 1 << 20

    /// Parses `data` in `format`, calling `handle` with each statement in document order.
    /// - Parameters:
    ///   - baseIRI: the IRI that relative IRIs resolve against; must be absolute.
    ///   - fileName: the name errors give as their file, if any.
    ///   - blankNodes: how blank nodes are labelled; by default uniquely for this call.
    ///   - handle: receives each quad; what it throws ends the parse and is rethrown.
    /// - Throws: `RedlandError` (`.syntax` or `.invalidData`, with position), or what `handle` threw. Discard what
    ///   `handle` received when this throws.
    public static func parse(
        _ data: [UInt8], format: RDFFormat, baseIRI: String, world: RedlandWorld, fileName: String? = nil,
        blankNodes: BlankNodeLabeling = .unique, handle: (Quad) throws -> Void
    ) throws {
        try withoutActuallyEscaping(handle) { handle in
            var input = try ParseInput(
                format: format, baseIRI: baseIRI, world: world, file: fileName, blankNodes: blankNodes, handle: handle)
            defer { input.close() }
            try input.feed(data, isLast: true)
        }
    }

    /// Parses the file at `path`, streaming it in 1 MiB chunks, calling `handle` with each statement in document order.
    /// - Parameters:
    ///   - format: the syntax; by default chosen by the file's extension (`RDFFormat(fileName:)`).
    ///   - baseIRI: by default the `file://` IRI of the file's absolute path.
    ///   - blankNodes: how blank nodes are labelled; by default uniquely for this call.
    ///   - handle: receives each quad; what it throws ends the parse and is rethrown.
    /// - Throws: `RedlandError`: `.unsupported` if the format cannot be told from the extension, `.io` if the file cannot
    ///   be read, `.syntax` or `.invalidData` with the file, line and column; or what `handle` threw. Discard what
    ///   `handle` received when this throws.
    public static func parse(
        file path: String, format: RDFFormat? = nil, baseIRI: String? = nil, world: RedlandWorld,
        blankNodes: BlankNodeLabeling = .unique, handle: (Quad) throws -> Void
    ) throws {
        guard let format = format ?? RDFFormat(fileName: path) else {
            throw RedlandError(.unsupported, "cannot tell the RDF syntax of '\(path)' from its extension", file: path)
        }
        let url = URL(fileURLWithPath: path)
        let fileHandle: FileHandle
        do {
            fileHandle = try FileHandle(forReadingFrom: url)
        } catch {
            throw RedlandError(.io, "cannot open the file: \(error.localizedDescription)", file: path)
        }
        defer { try? fileHandle.close() }
        try withoutActuallyEscaping(handle) { handle in
            var input = try ParseInput(
                format: format, baseIRI: baseIRI ?? url.absoluteURL.absoluteString, world: world, file: path,
                blankNodes: blankNodes, handle: handle)
            defer { input.close() }
            while true {
                let chunk: Data
                do {
                    chunk = try fileHandle.read(upToCount: chunkSize) ?? Data()
                } catch {
                    throw RedlandError(.io, "cannot read the file: \(error.localizedDescription)", file: path)
                }
                if chunk.isEmpty { break }
                try input.feed(Array(chunk), isLast: false)
            }
            try input.feed([], isLast: true)
        }
    }
}

/// A syntax parser fed with chunks of checked UTF-8.
protocol ChunkParser: AnyObject {
    /// Parses the next chunk; `isLast` marks the end of input.
    func feed(_ chunk: [UInt8], isLast: Bool) throws
    /// Releases what the parser holds; called once, whether parsing succeeded or not.
    func close()
}

/// One parse: strips a byte-order mark, validates UTF-8, and passes chunks on to the parser for the format.
struct ParseInput {
    private var validator = UTF8Validator()
    private var atStart = true
    private let format: RDFFormat
    private let file: String?
    private let parser: any ChunkParser
    /// RDF/XML only: refuses nesting that would make raptor's parse time grow with its square.
    private var depthGuard: XMLDepthGuard?

    init(
        format: RDFFormat, baseIRI: String, world: RedlandWorld, file: String?, blankNodes: BlankNodeLabeling,
        handle: @escaping (Quad) throws -> Void
    ) throws {
        self.format = format
        self.file = file
        let prefix = blankNodes.prefixForOneParse
        switch format {
        case .ntriples, .nquads:
            parser = NQuadsChunkParser(allowsGraphs: format == .nquads, file: file, blankPrefix: prefix, handle: handle)
        case .jsonLD:
            parser = JSONLDChunkParser(baseIRI: baseIRI, file: file, blankPrefix: prefix, handle: handle)
        case .turtle, .trig, .rdfxml:
            if format == .rdfxml { depthGuard = XMLDepthGuard(file: file) }
            parser = try RaptorParseSession(
                world: world, format: format, baseIRI: baseIRI, file: file, blankPrefix: prefix, handle: handle)
        }
    }

    mutating func feed(_ chunk: [UInt8], isLast: Bool) throws {
        var chunk = chunk
        if atStart, !chunk.isEmpty {
            atStart = false
            if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) }
        }
        do {
            try chunk.withUnsafeBufferPointer { (buffer) throws(UTF8Validator.Failure) in try validator.validate(buffer, file: file) }
            if isLast { try validator.finish(file: file) }
        } catch {
            throw firstError(before: error, in: chunk)
        }
        try depthGuard?.scan(chunk)
        try parser.feed(chunk, isLast: isLast)
    }

    /// The first error of the document when UTF-8 validation failed: a syntax error in the lines before the bad one
    /// comes first (a file with a typo on line 22 and Latin-1 text on line 59 fails at line 22, as it would in a
    /// parser that read it in order).
    private func firstError(before failure: UTF8Validator.Failure, in chunk: [UInt8]) -> any Error {
        let badLine = failure.error.line ?? Int.max
        let before = Array(chunk[..<failure.lineStart])
        do {
            try parser.feed(before, isLast: true)
        } catch let error as RedlandError {
            // N-Triples and N-Quads are cut after whole lines, so any error there is real. The raptor formats see an
            // end of input where a statement may have been cut (a Turtle statement spanning lines, an open XML
            // element), which fails at the last line or two: only an error clearly before those is a real one.
            let limit = format == .ntriples || format == .nquads ? badLine : badLine - 1
            if let line = error.line, line < limit { return error }
        } catch {
            return error
        }
        return failure.error
    }

    func close() { parser.close() }
}

extension Quad {
    /// This quad with `prefix` before each blank node label, and each label made a valid N-Triples label
    /// (`NTriples.safeBlankNodeLabel`: an RDF/XML `rdf:nodeID` may end in `.`, a caller's prefix may hold a space), so
    /// that whatever a parse delivers can be stored, written and read back as the same node.
    func prefixingBlankNodes(with prefix: String) -> Quad {
        guard subject.isBlankNode || object.isBlankNode || graph.term?.isBlankNode == true else { return self }
        func relabel(_ node: BlankNode) -> BlankNode { BlankNode(NTriples.safeBlankNodeLabel(prefix + node.id)) }
        func relabel(_ term: Term) -> Term {
            if case .blankNode(let node) = term { return .blankNode(relabel(node)) }
            return term
        }
        var graph = self.graph
        if case .blankNode(let node) = graph { graph = .blankNode(relabel(node)) }
        return Quad(relabel(subject), predicate, relabel(object), graph: graph)
    }
}
