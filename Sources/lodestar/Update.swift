import ArgumentParser
import Foundation
import RDF
import SPARQL
import Server
import Store

/// `lodestar update`: one SPARQL 1.1 Update request, applied atomically and durably.
struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply a SPARQL 1.1 Update request to the store (all of it, or nothing).")

    @OptionGroup var location: StoreLocation
    @OptionGroup var syncOption: SyncOption

    @Option(help: "Read the update from this file; its file: URI is the base IRI.")
    var file: String?

    @Argument(help: "The update text (or use --file).")
    var update: String?

    @Option(help: "Seconds a LOAD of an http(s) IRI may take, from connecting to the last byte.")
    var loadTimeout: Double = 60

    @Option(help: "The largest document a LOAD of an http(s) IRI reads, in bytes.")
    var loadMaxBytes: Int = LoadDocuments.maximumBytes

    func validate() throws {
        guard (update == nil) != (file == nil) else { throw ValidationError("give the update as an argument or with --file, not both") }
        guard loadTimeout > 0, loadMaxBytes > 0 else { throw ValidationError("--load-timeout and --load-max-bytes must be positive") }
    }

    func run() async throws {
        // Parsing and evaluation recurse over the update's tree: run them on a stack known to hold the tallest one.
        try await withTaskExecutorPreference(LargeStack.executor) { try await runOnLargeStack() }
    }

    private func runOnLargeStack() async throws {
        let source = try SPARQLText(argument: update, file: file)
        let (text, baseIRI) = (source.text, source.baseIRI)
        let parsed: SPARQL.Update
        do {
            parsed = try SPARQLParser.parseUpdate(text, baseIRI: baseIRI)
        } catch {
            Terminal.error("error: \(file ?? "update"): \(error)")
            throw ExitCode(2)
        }
        let store = try await location.open(syncOption)
        do {
            let remote = RemoteLoadPolicy(timeout: .milliseconds(Int(loadTimeout * 1000)), maximumBytes: loadMaxBytes)
            let report = try await StoreUpdates.apply(parsed, to: store, remoteLoads: remote)
            Terminal.print("\(report.inserted) quads inserted, \(report.deleted) deleted")
        } catch {
            Terminal.error("error: \(error)")
            try? await store.close()
            throw ExitCode.failure
        }
        try await store.close()
    }
}
