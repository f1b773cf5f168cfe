import RDF
import Redland

extension StoreWriter {
    /// Serialises one snapshot with raptor on the Redland thread (raptor shares librdf's world, which is single-threaded).
    func serialize(
        _ snapshot: Snapshot, graph: GraphName?, format: RDFFormat, prefixes: [String: String],
        to sink: @escaping @Sendable ([UInt8]) throws -> Void
    ) throws {
        let serializer = try RDFSerializer(format: format, world: try world(), prefixes: prefixes, sink: sink)
        var pattern = EncodedQuadPattern()
        if let graph {
            guard let id = snapshot.id(of: graph) else { return try serializer.finish() }
            pattern.graph = id
        }
        for encoded in snapshot.quads(matching: pattern) { try serializer.write(snapshot.quad(for: encoded)) }
        try serializer.finish()
    }
}

extension StoreWriter {
    func serialize(
        _ quads: [Quad], format: RDFFormat, prefixes: [String: String], to sink: @escaping @Sendable ([UInt8]) throws -> Void
    ) throws {
        let serializer = try RDFSerializer(format: format, world: try world(), prefixes: prefixes, sink: sink)
        try serializer.write(contentsOf: quads)
        try serializer.finish()
    }
}
