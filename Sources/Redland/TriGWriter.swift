import RDF

/// Writes TriG in Swift, because raptor 2.0.15 has a TriG parser but no TriG serializer.
///
/// Streams: each run of consecutive quads in one graph becomes one block (`{ … }` for the default graph,
/// `<g> { … }` for a named one), and within it consecutive statements share their subject (`;`) and predicate (`,`).
/// Terms are written in their N-Triples forms, which Turtle and TriG accept, except IRIs that a declared prefix
/// shortens safely. Relative IRIs are never written, so the base IRI is not needed.
///
/// raptor's TriG parser cannot read a blank node as a graph name (`_:g { … }`, valid TriG); this writer writes it all
/// the same, so other parsers get the data right.
final class TriGWriter {
    private let output: SerializerOutput
    /// Prefixes, longest namespace first so the most specific one wins.
    private let prefixes: [(prefix: String, namespace: String)]
    private var graph: GraphName?
    private var subject: Term?
    private var predicate: Term?

    init(prefixes: [(String, String)], output: SerializerOutput) {
        self.output = output
        self.prefixes = prefixes.map { (prefix: $0.0, namespace: $0.1) }.sorted { $0.namespace.utf8.count > $1.namespace.utf8.count }
        for (prefix, namespace) in prefixes {
            output.append("@prefix \(prefix): \(NTriples.iri(namespace)) .\n")
        }
        if !prefixes.isEmpty { output.append("\n") }
    }

    func write(_ quad: Quad) {
        var text = ""
        if quad.graph != graph {
            if graph != nil { text += " .\n}\n\n" }
            graph = quad.graph
            subject = nil
            predicate = nil
            if let name = quad.graph.term { text += write(name) + " " }
            text += "{\n"
        }
        if quad.subject == subject {
            if quad.predicate == predicate {
                text += " ,\n        " + write(quad.object)
            } else {
                text += " ;\n    " + write(quad.predicate) + " " + write(quad.object)
            }
        } else {
            if subject != nil { text += " .\n" }
            text += "  " + write(quad.subject) + "\n    " + write(quad.predicate) + " " + write(quad.object)
        }
        subject = quad.subject
        predicate = quad.predicate
        output.append(text)
    }

    func finish() {
        if graph != nil { output.append(" .\n}\n") }
        graph = nil
    }

    private func write(_ term: Term) -> String {
        if case .iri(let iri) = term, let name = prefixedName(iri.value) { return name }
        return term.description
    }

    /// `prefix:local` when a declared namespace starts `iri` and the rest is a plain name (letters, digits, `_`, `-`,
    /// not starting with `-`): a subset of PN_LOCAL that every Turtle parser reads the same way.
    private func prefixedName(_ iri: String) -> String? {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.utf8.dropFirst(namespace.utf8.count)
            let isPlain = local.enumerated().allSatisfy { index, byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): index > 0
                default: false
                }
            }
            if isPlain { return prefix + ":" + String(decoding: local, as: UTF8.self) }
        }
        return nil
    }
}
