public import RDF

extension Snapshot {
    /// Streams quads as N-Quads (or N-Triples when `graphNames` is false), grouped by graph, in ~64 KiB chunks.
    /// - Parameters:
    ///   - graph: one graph, or `nil` for every graph.
    ///   - graphNames: false writes triples only (for one graph, or to merge).
    ///   - sink: receives each chunk; what it throws ends the dump.
    public func writeNQuads(graph: GraphName?, graphNames: Bool = true, to sink: ([UInt8]) throws -> Void) throws {
        var pattern = EncodedQuadPattern()
        if let graph {
            guard let id = id(of: graph) else { return }
            pattern.graph = id
        }
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 16 + 4096)
        var cache = TermTextCache()
        for quad in quads(matching: pattern) {
            cache.append(quad.subject, in: self, to: &buffer)
            buffer.append(UInt8(ascii: " "))
            cache.append(quad.predicate, in: self, to: &buffer)
            buffer.append(UInt8(ascii: " "))
            cache.append(quad.object, in: self, to: &buffer)
            if graphNames && quad.graph != .defaultGraph {
                buffer.append(UInt8(ascii: " "))
                cache.append(quad.graph, in: self, to: &buffer)
            }
            buffer.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "\n")])
            if buffer.count >= 1 << 16 {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink(buffer) }
    }
}

/// Remembers the N-Triples text of recently written terms: predicates and graph names repeat on almost every line.
struct TermTextCache {
    private var slots = [(TermID, [UInt8])](repeating: (TermID(rawValue: UInt32.max), []), count: 256)

    mutating func append(_ id: TermID, in snapshot: Snapshot, to buffer: inout [UInt8]) {
        let slot = Int(id.rawValue & 255)
        if slots[slot].0 != id {
            var text = [UInt8]()
            NTriples.append(snapshot.term(for: id), to: &text)
            slots[slot] = (id, text)
        }
        buffer.append(contentsOf: slots[slot].1)
    }
}
