import ArgumentParser
import RDF
import Store

/// `lodestar stats`: quads, graphs with their sizes, distinct terms.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the number of quads, each graph's size, and distinct terms.")

    @OptionGroup var location: StoreLocation

    func run() async throws {
        let store = try await location.open()
        let statistics = store.snapshot().statistics
        try await store.close()
        Terminal.print("quads: \(statistics.quads)")
        Terminal.print("graphs: \(statistics.graphs.count)")
        for (graph, count) in statistics.graphs {
            Terminal.print("  \(graph): \(count)")
        }
        Terminal.print("distinct terms: \(statistics.distinctTerms)")
    }
}
