import RDF

/// Writes Turtle, or TriG with `graphs`, as quads arrive: each run of quads with the same subject becomes one statement
/// block (`;` between predicates, `,` between objects of one predicate), and in TriG each run of quads in one graph one
/// block (`{ … }` for the default graph, `<g> { … }` for a named one).
///
/// Terms are written in their N-Triples forms, which Turtle and TriG read the same, except IRIs that a declared prefix
/// shortens to a plain local name (`PrefixedNames`). Relative IRIs are never written, so no base is needed. It holds
/// only the last subject, predicate and graph, so memory does not grow with the output.
///
/// raptor's TriG parser cannot read a blank node as a graph name (`_:g { … }`, valid TriG); this writer writes it all
/// the same, so other parsers get the data right.
final class TurtleWriter {
    private let prefixedNames: PrefixedNames
    private let graphs: Bool
    private var graph: GraphName?
    private var subject: Term?
    private var predicate: Term?

    /// Starts a document with `@prefix` lines for `prefixes` (name → namespace).
    init(prefixes: [(String, String)], graphs: Bool, to buffer: inout [UInt8]) {
        prefixedNames = PrefixedNames(prefixes)
        self.graphs = graphs
        for (prefix, namespace) in prefixes {
            buffer.append(contentsOf: "@prefix \(prefix): ".utf8)
            NTriples.append(.iri(namespace), to: &buffer)
            buffer.append(contentsOf: " .\n".utf8)
        }
        if !prefixes.isEmpty { buffer.append(UInt8(ascii: "\n")) }
    }

    func write(_ quad: Quad, to buffer: inout [UInt8]) {
        if graphs && quad.graph != graph {
            endStatement(&buffer)
            if graph != nil { buffer.append(contentsOf: "}\n\n".utf8) }
            graph = quad.graph
            if let name = quad.graph.term {
                append(name, to: &buffer)
                buffer.append(UInt8(ascii: " "))
            }
            buffer.append(contentsOf: "{\n".utf8)
        }
        let indent = graphs ? "  " : ""
        if quad.subject == subject {
            if quad.predicate == predicate {
                buffer.append(contentsOf: " ,\n\(indent)        ".utf8)
            } else {
                buffer.append(contentsOf: " ;\n\(indent)    ".utf8)
                append(quad.predicate, to: &buffer)
                buffer.append(UInt8(ascii: " "))
            }
        } else {
            endStatement(&buffer)
            buffer.append(contentsOf: indent.utf8)
            append(quad.subject, to: &buffer)
            buffer.append(contentsOf: "\n\(indent)    ".utf8)
            append(quad.predicate, to: &buffer)
            buffer.append(UInt8(ascii: " "))
        }
        append(quad.object, to: &buffer)
        subject = quad.subject
        predicate = quad.predicate
    }

    /// Ends the last statement (and graph block).
    func finish(to buffer: inout [UInt8]) {
        endStatement(&buffer)
        if graph != nil { buffer.append(contentsOf: "}\n".utf8) }
        graph = nil
    }

    private func endStatement(_ buffer: inout [UInt8]) {
        if subject != nil { buffer.append(contentsOf: " .\n".utf8) }
        subject = nil
        predicate = nil
    }

    private func append(_ term: Term, to buffer: inout [UInt8]) {
        if case .iri(let iri) = term, let name = prefixedNames.name(for: iri.value) {
            buffer.append(contentsOf: name.utf8)
        } else {
            NTriples.append(term, to: &buffer)
        }
    }
}
