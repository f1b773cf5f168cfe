public import RDF
import Redland

extension Snapshot {
    /// Streams this snapshot's quads in `format` through `RDFWriter`, grouped by graph and subject, in ~64 KiB chunks,
    /// in content order (`ContentOrder`): the same quads give the same bytes on every server. Runs on the caller's thread;
    /// memory holds one graph's encoded quads (16 bytes each) and one chunk.
    /// - Parameters:
    ///   - graphs: the graphs to write, in order; `nil` for every graph (the default graph first, then by name).
    ///   - graphNames: false writes every quad in the default graph (one graph's triples, even in N-Quads or JSON-LD).
    ///   - prefixes: for the syntaxes that abbreviate.
    ///   - sink: receives each chunk; what it throws ends the dump.
    /// - Throws: `RedlandError(.invalidData)` for data the syntax cannot express (RDF/XML's predicates); what `sink` threw.
    public func write(
        graphs: [GraphName]? = nil, format: RDFFormat, graphNames: Bool = true, prefixes: [String: String],
        to sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        let writer = try RDFWriter(format: format, prefixes: prefixes, sink: sink)
        let ids = graphs.map { $0.compactMap { (graph: GraphName) in id(of: graph) } } ?? graphsInContentOrder
        for graph in ids {
            for encoded in contentOrderedQuads(in: graph) {
                var quad = quad(for: encoded)
                if !graphNames { quad.graph = .defaultGraph }
                try writer.write(quad)
            }
        }
        try writer.finish()
    }
}
