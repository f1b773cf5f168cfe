internal import CRedland
import RDF

/// A raptor serializer writing into a `SerializerOutput` through a raptor iostream.
final class RaptorWriter {
    private let world: RedlandWorld
    private let format: RDFFormat
    private let serializer: OpaquePointer
    private let handler: UnsafeMutablePointer<raptor_iostream_handler>
    private var iostream: OpaquePointer?

    init(world: RedlandWorld, format: RDFFormat, name: String, baseIRI: String?, prefixes: [(String, String)], output: SerializerOutput)
        throws
    {
        self.world = world
        self.format = format
        guard let serializer = raptor_new_serializer(world.raptor, name) else {
            throw RedlandError(.unsupported, "this raptor has no \(name) serializer")
        }
        self.serializer = serializer
        // raptor keeps a pointer to the handler for the stream's life, so it lives on the heap with this writer.
        handler = .allocate(capacity: 1)
        handler.initialize(
            to: raptor_iostream_handler(
                version: 2, init: nil, finish: nil, write_byte: Self.writeByte, write_bytes: Self.writeBytes, write_end: nil,
                read_bytes: nil, read_eof: nil))
        iostream = raptor_new_iostream_from_handler(world.raptor, Unmanaged.passUnretained(output).toOpaque(), handler)
        guard let iostream else { throw RedlandError(.io, "raptor could not make an output stream") }
        try world.log.check(.invalidData) {
            var base: OpaquePointer? = nil
            if let baseIRI {
                base = baseIRI.withCountedUTF8 { raptor_new_uri_from_counted_string(world.raptor, $0, $1) }
                guard base != nil else { throw RedlandError(.invalidData, "raptor refused the base IRI <\(baseIRI)>") }
            }
            defer { if let base { raptor_free_uri(base) } }
            guard raptor_serializer_start_to_iostream(serializer, base, iostream) == 0 else {
                throw RedlandError(.io, "raptor could not start the \(name) serializer")
            }
            for (prefix, namespace) in prefixes {
                guard let uri = namespace.withCountedUTF8({ raptor_new_uri_from_counted_string(world.raptor, $0, $1) }) else {
                    throw RedlandError(.invalidData, "raptor refused the namespace <\(namespace)>")
                }
                defer { raptor_free_uri(uri) }
                // An empty prefix is the default namespace, which raptor spells as NULL. Formats without prefixes
                // (N-Triples, N-Quads) answer non-zero, which is no error.
                if prefix.isEmpty {
                    raptor_serializer_set_namespace(serializer, uri, nil)
                } else {
                    _ = prefix.withCString {
                        raptor_serializer_set_namespace(serializer, uri, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
        }
    }

    deinit {
        raptor_free_serializer(serializer)
        if let iostream { raptor_free_iostream(iostream) }
        handler.deinitialize(count: 1)
        handler.deallocate()
    }

    func write(_ quad: Quad) throws {
        let subject = try world.makeNode(quad.subject)
        let predicate: TermPointer
        let object: TermPointer
        var graph: TermPointer? = nil
        do {
            predicate = try world.makeNode(quad.predicate)
        } catch {
            raptor_free_term(subject)
            throw error
        }
        do {
            object = try world.makeNode(quad.object)
            if format.supportsGraphs, let name = quad.graph.term { graph = try world.makeNode(name) }
        } catch {
            raptor_free_term(subject)
            raptor_free_term(predicate)
            throw error
        }
        // Takes the terms, and frees them itself if it fails.
        guard let statement = raptor_new_statement_from_nodes(world.raptor, subject, predicate, object, graph) else {
            throw RedlandError(.io, "raptor could not make a statement of \(quad)")
        }
        defer { raptor_free_statement(statement) }
        try world.log.check(.invalidData) {
            guard raptor_serializer_serialize_statement(serializer, statement) == 0 else {
                throw RedlandError(.invalidData, "raptor could not write \(quad)")
            }
        }
    }

    func finish() throws {
        try world.log.check(.invalidData) {
            guard raptor_serializer_serialize_end(serializer) == 0 else {
                throw RedlandError(.io, "raptor could not finish the \(format.raptorName) output")
            }
        }
    }

    private static let writeByte: raptor_iostream_write_byte_func = { context, byte in
        guard let context else { return 1 }
        Unmanaged<SerializerOutput>.fromOpaque(context).takeUnretainedValue().append(UInt8(truncatingIfNeeded: byte))
        return 0
    }

    /// Returns the number of items written, as raptor's `fwrite`-like contract asks.
    private static let writeBytes: raptor_iostream_write_bytes_func = { context, bytes, size, count in
        guard let context, let bytes else { return 0 }
        let output = Unmanaged<SerializerOutput>.fromOpaque(context).takeUnretainedValue()
        output.append(UnsafeRawBufferPointer(start: bytes, count: size * count))
        return Int32(truncatingIfNeeded: count)
    }
}
