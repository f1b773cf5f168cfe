import ArgumentParser
import Federation
import Foundation
import Store

/// `lodestar source add|list`: the federation source registry.
struct Source: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Register and list ADMS-AP federation sources.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a source: a name and the URL of its ADMS-AP dump.")

        @OptionGroup var location: StoreLocation
        @Option(help: "The syntax, when neither the Content-Type nor the extension says (turtle, rdfxml, ntriples…).")
        var format: String?
        @Option(help: "A human-readable title.")
        var title: String?
        @Argument(help: "The source's name (letters, digits, '-', '_').") var name: String
        @Argument(help: "The URL of its dump (http, https or file:).") var url: String

        func run() async throws {
            let store = try await location.open()
            do {
                try await SourceRegistry.add(HarvestSource(name: name, url: url, format: format, title: title), to: store)
                Terminal.print("source \(name) registered: \(url)")
            } catch {
                Terminal.error("error: \(error)")
                try? await store.close()
                throw ExitCode.failure
            }
            try await store.close()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered sources.")

        @OptionGroup var location: StoreLocation

        func run() async throws {
            let store = try await location.open()
            let sources = try SourceRegistry.list(in: store.snapshot())
            for source in sources {
                Terminal.print([source.name, source.url, source.format ?? "-", source.title ?? ""].joined(separator: "\t"))
            }
            try await store.close()
        }
    }
}
