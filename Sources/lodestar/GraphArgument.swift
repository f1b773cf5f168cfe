import ArgumentParser
import RDF

/// `--graph IRI`, or `--graph default` for the default graph.
struct GraphArgument: ExpressibleByArgument {
    let name: GraphName

    init?(argument: String) {
        if argument == "default" {
            name = .defaultGraph
        } else if argument.hasPrefix("_:") {
            name = .blankNode(BlankNode(String(argument.dropFirst(2))))
        } else if argument.contains(":") {
            name = .iri(IRI(argument.hasPrefix("<") && argument.hasSuffix(">") ? String(argument.dropFirst().dropLast()) : argument))
        } else {
            return nil
        }
    }
}
