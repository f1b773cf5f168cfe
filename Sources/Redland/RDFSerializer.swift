public import RDF

/// Writes quads in an RDF syntax, handing the bytes to a sink in chunks of about 64 KiB so that dumps stream.
///
/// Turtle, N-Triples, N-Quads and RDF/XML are written by raptor; TriG by `TriGWriter`, since raptor 2.0.15 cannot.
/// N-Triples, N-Quads and TriG go out as quads come in. raptor's Turtle and RDF/XML writers abbreviate (nesting blank
/// nodes, grouping by subject), so they keep every statement until `finish()` and write then: use N-Triples or
/// N-Quads for very large dumps. Triple formats ignore graph names.
///
/// Not `Sendable`; it belongs to its world's actor. The sink is called on that actor, synchronously.
///
/// ```swift
/// var bytes: [UInt8] = []
/// let serializer = try RDFSerializer(format: .turtle, world: world, prefixes: ["skos": SKOS.namespace]) { bytes += $0 }
/// for quad in quads { try serializer.write(quad) }
/// try serializer.finish()
/// ```
public final class RDFSerializer {
    /// The syntax being written.
    public let format: RDFFormat
    private let output: SerializerOutput
    private let backend: Backend
    private var finished = false

    private enum Backend {
        case raptor(RaptorWriter)
        case trig(TriGWriter)
    }

    /// Starts a document.
    /// - Parameters:
    ///   - baseIRI: written as the document's base where the syntax has one (raptor then writes IRIs relative to it).
    ///   - prefixes: prefix → namespace IRI, for the syntaxes that abbreviate (Turtle, TriG, RDF/XML). `""` is the
    ///     default namespace. Prefixes must be plain names: a letter, then letters, digits, `_` or `-`.
    ///   - chunkSize: about how many bytes each call of `sink` receives (the last may be shorter).
    ///   - sink: receives the output, in order. What it throws is rethrown by the next `write` or `finish`.
    /// - Throws: `RedlandError` (`.invalidData`) for a prefix that is not a plain name or an IRI raptor refuses.
    public init(
        format: RDFFormat, world: RedlandWorld, baseIRI: String? = nil, prefixes: [String: String] = [:],
        chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        for prefix in prefixes.keys where !Self.isPlainPrefix(prefix) {
            throw RedlandError(.invalidData, "'\(prefix)' cannot be a prefix: use a letter, then letters, digits, '_' or '-'")
        }
        let sorted = prefixes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.format = format
        output = SerializerOutput(chunkSize: chunkSize, sink: sink)
        if let name = format.raptorSerializerName {
            backend = .raptor(
                try RaptorWriter(world: world, format: format, name: name, baseIRI: baseIRI, prefixes: sorted, output: output))
        } else {
            backend = .trig(TriGWriter(prefixes: sorted, output: output))
        }
        try output.check()
    }

    /// Writes one quad (its graph is ignored unless the format `supportsGraphs`).
    /// - Throws: `RedlandError` (`.invalidData`) for a quad that is not RDF or that the syntax cannot express (raptor's
    ///   RDF/XML writer, for one, cannot write a predicate IRI that does not end in an XML name); what the sink threw.
    public func write(_ quad: Quad) throws {
        guard !finished else { throw RedlandError(.io, "write after finish()") }
        guard quad.isValid else { throw RedlandError(.invalidData, "not an RDF statement: \(quad)") }
        switch backend {
        case .raptor(let writer): try writer.write(quad)
        case .trig(let writer): writer.write(quad)
        }
        try output.check()
    }

    /// Writes every quad of `quads`, in order.
    public func write(contentsOf quads: some Sequence<Quad>) throws {
        for quad in quads { try write(quad) }
    }

    /// Ends the document and hands the rest of the output to the sink. Call it once; the serializer is done after it.
    /// - Throws: `RedlandError` if raptor fails to finish (an abbreviating writer reports its errors here); what the
    ///   sink threw.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        switch backend {
        case .raptor(let writer): try writer.finish()
        case .trig(let writer): writer.finish()
        }
        output.flush()
        try output.check()
    }

    /// The whole document for `quads`, for small outputs such as one resource's description.
    public static func serialize(
        _ quads: some Sequence<Quad>, format: RDFFormat, world: RedlandWorld, baseIRI: String? = nil,
        prefixes: [String: String] = [:]
    ) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let serializer = try RDFSerializer(format: format, world: world, baseIRI: baseIRI, prefixes: prefixes) { bytes += $0 }
        try serializer.write(contentsOf: quads)
        try serializer.finish()
        return bytes
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
