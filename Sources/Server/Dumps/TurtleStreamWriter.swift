package import RDF

/// Writes Turtle as quads arrive, in chunks of about 64 KiB: each run of quads with the same subject becomes one
/// statement block (`;` between predicates, `,` between objects of one predicate). Graph names are ignored.
///
/// raptor's Turtle writer abbreviates by keeping every statement until the end, so a dump of a large graph would sit
/// whole in memory; this one holds one line. Terms are written in their N-Triples forms, which Turtle reads the same,
/// except IRIs that a declared prefix shortens to a plain local name. Feed it quads grouped by subject (a snapshot's
/// quads of one graph are) to get one block per subject; any order still gives correct Turtle.
///
/// Not `Sendable`: one writer belongs to one producer.
package final class TurtleStreamWriter {
    private let prefixedNames: PrefixedNames
    private let sink: ([UInt8]) throws -> Void
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var subject: Term?
    private var predicate: Term?

    /// Starts a document with `@prefix` lines for `prefixes` (name → namespace).
    package init(prefixes: [String: String], chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void) {
        let sorted = prefixes.sorted { $0.key < $1.key }
        prefixedNames = PrefixedNames(sorted.map { ($0.key, $0.value) })
        self.sink = sink
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + 4096)
        for (prefix, namespace) in sorted {
            buffer.append(contentsOf: Array("@prefix \(prefix): ".utf8))
            NTriples.append(.iri(namespace), to: &buffer)
            buffer.append(contentsOf: Array(" .\n".utf8))
        }
        if !sorted.isEmpty { buffer.append(UInt8(ascii: "\n")) }
    }

    /// Writes one triple (the quad's graph is ignored).
    /// - Throws: what the sink throws.
    package func write(_ quad: Quad) throws {
        if quad.subject == subject {
            if quad.predicate == predicate {
                buffer.append(contentsOf: Array(" ,\n        ".utf8))
            } else {
                buffer.append(contentsOf: Array(" ;\n    ".utf8))
                append(quad.predicate)
                buffer.append(UInt8(ascii: " "))
            }
        } else {
            if subject != nil { buffer.append(contentsOf: Array(" .\n".utf8)) }
            append(quad.subject)
            buffer.append(contentsOf: Array("\n    ".utf8))
            append(quad.predicate)
            buffer.append(UInt8(ascii: " "))
        }
        append(quad.object)
        subject = quad.subject
        predicate = quad.predicate
        if buffer.count >= chunkSize { try flush() }
    }

    /// Ends the last statement and hands the rest to the sink.
    package func finish() throws {
        if subject != nil { buffer.append(contentsOf: Array(" .\n".utf8)) }
        subject = nil
        predicate = nil
        try flush()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        try sink(chunk)
    }

    private func append(_ term: Term) {
        if case .iri(let iri) = term, let name = prefixedNames.name(for: iri.value) {
            buffer.append(contentsOf: Array(name.utf8))
        } else {
            NTriples.append(term, to: &buffer)
        }
    }
}
