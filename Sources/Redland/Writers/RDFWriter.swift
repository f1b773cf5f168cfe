public import RDF
import JSONLD

/// Writes quads in any `RDFFormat`, handing the bytes to a sink in chunks of about 64 KiB: the one way Lodestar writes
/// RDF (query results, Graph Store reads, PURI documents, dumps, the command line).
///
/// Every syntax is written in Swift as quads arrive, with memory bounded by one chunk and one subject's run: nothing
/// is kept until `finish()`, and no shared state (raptor's world, a lock) is involved, so writers run concurrently on
/// any thread. Consecutive quads with the same subject share one block (Turtle `;`, one `rdf:Description`, one JSON-LD
/// node object); feed quads grouped by subject (a snapshot's are) for the most compact output. Triple formats ignore
/// graph names.
///
/// Not `Sendable`: one writer belongs to one producer.
///
/// ```swift
/// var bytes: [UInt8] = []
/// let writer = try RDFWriter(format: .turtle, prefixes: ["skos": SKOS.namespace]) { bytes += $0 }
/// for quad in quads { try writer.write(quad) }
/// try writer.finish()
/// ```
public final class RDFWriter {
    /// The syntax being written.
    public let format: RDFFormat
    private let chunkSize: Int
    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []
    private var backend: Backend
    private var finished = false

    private enum Backend {
        case lines(graphNames: Bool)
        case turtle(TurtleWriter)
        case rdfXML(RDFXMLWriter)
        case jsonLD(JSONLDSerializer)
    }

    /// Starts a document.
    /// - Parameters:
    ///   - prefixes: prefix → namespace IRI, for the syntaxes that abbreviate (Turtle, TriG, RDF/XML, JSON-LD). `""`
    ///     is the default namespace. Prefixes must be plain names: a letter, then letters, digits, `_` or `-`.
    ///   - chunkSize: about how many bytes each call of `sink` receives (the last may be shorter).
    ///   - sink: receives the output, in order. What it throws is rethrown by the `write` or `finish` that called it.
    /// - Throws: `RedlandError` (`.invalidData`) for a prefix that is not a plain name.
    public init(
        format: RDFFormat, prefixes: [String: String] = [:], chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        for prefix in prefixes.keys where !Self.isPlainPrefix(prefix) {
            throw RedlandError(.invalidData, "'\(prefix)' cannot be a prefix: use a letter, then letters, digits, '_' or '-'")
        }
        let sorted = prefixes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.format = format
        self.chunkSize = max(1, chunkSize)
        self.sink = sink
        buffer.reserveCapacity(self.chunkSize + 4096)
        switch format {
        case .ntriples: backend = .lines(graphNames: false)
        case .nquads: backend = .lines(graphNames: true)
        case .turtle: backend = .turtle(TurtleWriter(prefixes: sorted, graphs: false, to: &buffer))
        case .trig: backend = .turtle(TurtleWriter(prefixes: sorted, graphs: true, to: &buffer))
        case .rdfxml: backend = .rdfXML(RDFXMLWriter(prefixes: sorted, to: &buffer))
        case .jsonLD:
            // JSON-LD buffers and chunks its own output; it goes straight to the sink.
            backend = .jsonLD(JSONLDSerializer(prefixes: prefixes, grouping: .consecutiveSubjects, chunkSize: chunkSize, sink: sink))
        }
    }

    /// Writes one quad (its graph is ignored unless the format `supportsGraphs`).
    /// - Throws: `RedlandError` (`.invalidData`) for a quad that is not RDF or that the syntax cannot express (RDF/XML
    ///   needs a predicate IRI that ends in an XML name, and XML 1.0 characters); what the sink threw.
    public func write(_ quad: Quad) throws {
        guard !finished else { throw RedlandError(.io, "write after finish()") }
        guard quad.isValid else { throw RedlandError(.invalidData, "not an RDF statement: \(quad)") }
        switch backend {
        case .lines(let graphNames):
            if graphNames || quad.graph == .defaultGraph {
                NTriples.append(quad, to: &buffer)
            } else {
                var triple = quad
                triple.graph = .defaultGraph
                NTriples.append(triple, to: &buffer)
            }
        case .turtle(let writer): writer.write(quad, to: &buffer)
        case .rdfXML(let writer): try writer.write(quad, to: &buffer)
        case .jsonLD(let serializer):
            do {
                try serializer.write(quad)
            } catch let error as JSONLDError {
                throw RedlandError(.invalidData, error.description)
            }
        }
        if buffer.count >= chunkSize { try flush() }
    }

    /// Writes every quad of `quads`, in order.
    public func write(contentsOf quads: some Sequence<Quad>) throws {
        for quad in quads { try write(quad) }
    }

    /// Ends the document and hands the rest of the output to the sink. Later calls do nothing.
    /// - Throws: what the sink threw.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        switch backend {
        case .lines: break
        case .turtle(let writer): writer.finish(to: &buffer)
        case .rdfXML(let writer): writer.finish(to: &buffer)
        case .jsonLD(let serializer): try serializer.finish()
        }
        try flush()
    }

    /// The whole document for `quads`, for small outputs such as one resource's description.
    public static func serialize(_ quads: some Sequence<Quad>, format: RDFFormat, prefixes: [String: String] = [:]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let writer = try RDFWriter(format: format, prefixes: prefixes) { bytes += $0 }
        try writer.write(contentsOf: quads)
        try writer.finish()
        return bytes
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        try sink(chunk)
    }

    private static func isPlainPrefix(_ prefix: String) -> Bool {
        prefix.unicodeScalars.enumerated().allSatisfy { index, scalar in
            switch scalar {
            case "a"..."z", "A"..."Z": true
            case "0"..."9", "_", "-": index > 0
            default: false
            }
        }
    }
}
