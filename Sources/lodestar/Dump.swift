import ArgumentParser
import RDF
import Resolver
import Server
import Store

/// `lodestar dump`: the store, or one graph, to standard output, written by the same code as the server's `/dumps`.
struct Dump: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the store, or one graph, to standard output.")

    @OptionGroup var location: StoreLocation

    @Option(help: "Only this graph (an IRI, or 'default').")
    var graph: GraphArgument?

    @Option(help: "nquads (default), trig, turtle, ntriples, rdfxml or jsonld.")
    var format: String = "nquads"

    /// The syntax `--format` names.
    private var graphFormat: RDFFormat? { RDFFormat(name: format) }

    func validate() throws {
        guard let format = graphFormat else { throw ValidationError("unknown format '\(self.format)'") }
        if graph == nil && (!format.supportsGraphs || format == .jsonLD) {
            throw ValidationError("\(self.format) cannot hold the whole store: pass --graph IRI (or --graph default), or use nquads or trig")
        }
    }

    func run() async throws {
        let store = try await location.open()
        do {
            let dataset: DumpDataset = graph.map { .graph($0.name) } ?? .all
            try await DumpWriter.write(store.snapshot(), dataset: dataset, format: graphFormat!) { try Terminal.write($0) }
        } catch {
            Terminal.error("error: \(error)")
            try await store.close()
            throw ExitCode.failure
        }
        try await store.close()
    }
}
