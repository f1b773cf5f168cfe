import ArgumentParser
import Foundation
import RDF
import Redland
import SPARQL
import Store

/// `lodestar query`: one SPARQL query against the store, results to standard output.
struct Query: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a SPARQL 1.1 query against the store.")

    @OptionGroup var location: StoreLocation

    @Option(help: "json, xml, csv or tsv for SELECT/ASK; turtle, ntriples, nquads, rdfxml or jsonld for CONSTRUCT/DESCRIBE.")
    var format: String?

    @Option(help: "Read the query from this file; its file: URI is the base IRI.")
    var file: String?

    @Option(help: "Stop the query after this many seconds.")
    var timeout: Double?

    @Flag(help: "Make the default graph the union of all graphs.")
    var unionDefaultGraph = false

    @Argument(help: "The query text (or use --file).")
    var query: String?

    func validate() throws {
        guard (query == nil) != (file == nil) else { throw ValidationError("give the query as an argument or with --file, not both") }
        if let format, !QueryOutput.isKnown(format) { throw ValidationError("unknown format '\(format)'") }
    }

    func run() async throws {
        // Parsing and evaluation recurse over the query's tree: run them on a stack known to hold the tallest one.
        try await withTaskExecutorPreference(LargeStack.executor) { try await runOnLargeStack() }
    }

    private func runOnLargeStack() async throws {
        let source = try SPARQLText(argument: query, file: file)
        let (text, baseIRI) = (source.text, source.baseIRI)
        let parsed: SPARQL.Query
        do {
            parsed = try SPARQLParser.parseQuery(text, baseIRI: baseIRI)
        } catch {
            Terminal.error("error: \(file ?? "query"): \(error)")
            throw ExitCode(2)
        }
        let store = try await location.open()
        var options = QueryOptions(unionDefaultGraph: unionDefaultGraph, baseIRI: baseIRI)
        if let timeout { options.deadline = .now + .milliseconds(Int(timeout * 1000)) }
        do {
            let result = try QueryEvaluator(options: options).evaluate(parsed, in: store.snapshot())
            try await QueryOutput.write(result, format: format, store: store)
        } catch {
            Terminal.error("error: \(error)")
            try? await store.close()
            throw ExitCode.failure
        }
        try await store.close()
    }
}
