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
    private let prefixedNames: PrefixedNames
    private var graph: GraphName?
    private var subject: Term?
    private var predicate: Term?

    init(prefixes: [(String, String)], output: SerializerOutput) {
        self.output = output
        prefixedNames = PrefixedNames(prefixes)
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
        if case .iri(let iri) = term, let name = prefixedNames.name(for: iri.value) { return name }
        return term.description
    }
}
