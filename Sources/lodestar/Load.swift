import ArgumentParser
import Foundation
import RDF
import Redland
import Store

/// `lodestar load`: each file in one atomic, durable write.
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load RDF files (RDF/XML, Turtle, N-Triples, N-Quads, TriG) into the store, each all-or-nothing.")

    @OptionGroup var location: StoreLocation
    @OptionGroup var syncOption: SyncOption

    @Option(help: "The graph for the files' default-graph triples (an IRI, or 'default').")
    var graph: GraphArgument?

    @Option(help: "The format, when the file extension does not say (turtle, ntriples, nquads, trig, rdfxml).")
    var format: String?

    @Argument(help: "The files to load.")
    var files: [String]

    func validate() throws {
        if let format, RDFFormat(name: format) == nil { throw ValidationError("unknown format '\(format)'") }
        for file in files where format == nil && RDFFormat(fileName: file) == nil {
            throw ValidationError("cannot tell the format of \(file) from its extension; pass --format")
        }
    }

    func run() async throws {
        let store = try await location.open(syncOption)
        var failed = false
        for file in files {
            do {
                let report = try await store.load(
                    file: file, format: format.flatMap(RDFFormat.init(name:)), into: graph?.name ?? .defaultGraph)
                Terminal.print(
                    "\(file): \(report.inserted) triples loaded (\(report.parsed) parsed) in \(String(format: "%.3f", report.seconds)) s")
            } catch {
                Terminal.error("error: \(file): \(error)")
                failed = true
            }
        }
        try await store.close()
        if failed { throw ExitCode.failure }
    }
}
