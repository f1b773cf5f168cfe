import ArgumentParser
import Catalogue
import Foundation
import RDF
import Store

/// `lodestar import-eira`: one EIRA release (SKOS RDF/XML or ArchiMate exchange file) into its own graph, all-or-nothing.
struct ImportEIRA: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-eira",
        abstract: "Import an EIRA release (SKOS edition or ArchiMate exchange file) into its own named graph.",
        discussion: """
            The edition is told from the file's content, the release from its version (owl:versionInfo, or the model \
            name). Re-importing a release replaces its graph. PURI succession links (dcterms:isReplacedBy / replaces) \
            are recomputed over every imported release in \(EIRARelease.mappingGraph.value).
            """)

    @OptionGroup var location: StoreLocation

    @Argument(help: "The release file.")
    var file: String

    func run() async throws {
        // Read and convert before opening the store: a bad file never touches it.
        let document: EIRADocument
        do {
            document = try EIRADocument(file: file)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode.failure
        }
        let store = try await location.open()
        let report: EIRAImportReport
        do {
            report = try await EIRAImporter.import(document, into: store)
        } catch {
            try? await store.close()
            Terminal.error("error: \(file): \(error)")
            throw ExitCode.failure
        }
        try await store.close()
        Terminal.print("\(file): \(report.release)")
        Terminal.print("  graph: <\(report.graph.value)>")
        if report.elements != report.concepts {
            Terminal.print("  concepts: \(report.concepts) (from \(report.elements) elements with a PURI)")
        } else {
            Terminal.print("  concepts: \(report.concepts)")
        }
        Terminal.print("  relationships: \(report.relationships)")
        Terminal.print("  triples: \(report.triples)")
        Terminal.print("  succession links: \(report.successionLinks) in <\(EIRARelease.mappingGraph.value)>")
        Terminal.print("  time: \(String(format: "%.3f", report.seconds)) s")
    }
}
