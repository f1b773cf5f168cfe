import ArgumentParser

/// The `lodestar` command line: one subcommand per file in this folder.
@main
struct Lodestar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lodestar",
        abstract: "A linked-data server: a Redland-backed quad store with SPARQL, PURIs and dumps.",
        subcommands: [Serve.self, Load.self, Dump.self, Query.self, Update.self, ImportEIRA.self, Stats.self, Backup.self, Source.self, Harvest.self]
    )
}
