import ArgumentParser
import RDF
import Redland
import Store

/// `lodestar dump`: the store, or one graph, to standard output.
struct Dump: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the store, or one graph, to standard output.")

    @OptionGroup var location: StoreLocation

    @Option(help: "Only this graph (an IRI, or 'default').")
    var graph: GraphArgument?

    @Option(help: "nquads (default), trig, turtle, ntriples or rdfxml.")
    var format: String = "nquads"

    func validate() throws {
        guard let format = RDFFormat(name: format) else { throw ValidationError("unknown format '\(self.format)'") }
        if graph == nil && !format.supportsGraphs {
            throw ValidationError("\(format.rawValue) cannot hold named graphs: pass --graph IRI (or --graph default)")
        }
    }

    func run() async throws {
        let store = try await location.open()
        do {
            try await store.dump(graph: graph?.name, format: RDFFormat(name: format)!) { try Terminal.write($0) }
        } catch {
            Terminal.error("error: \(error)")
            try await store.close()
            throw ExitCode.failure
        }
        try await store.close()
    }
}
