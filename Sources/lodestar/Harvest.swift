import ArgumentParser
import Federation
import Foundation
import Store

/// `lodestar harvest`: run the federation pipeline for one source, or all of them.
struct Harvest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Harvest ADMS-AP sources: fetch, upgrade v1→v2, validate, publish what changed, record provenance.",
        discussion: "Exit status: 0 published or unchanged, 2 rejected by validation, 1 fetch or parse failure.")

    @OptionGroup var location: StoreLocation
    @Flag(help: "Harvest every registered source.") var all = false
    @Option(help: "Harvest this local file instead of fetching the source's URL.") var file: String?
    @Flag(help: "Put back the version the last publish replaced.") var rollback = false
    @Flag(help: "Publish even if more than half of the source's solutions would be removed.") var allowMassRemoval = false
    @Option(help: "The reference vocabularies (default: $LODESTAR_SHARED/data/joinup-vocabularies when present).")
    var vocabularies: String?
    @Option(help: "Give up on a fetch after this many seconds.") var timeout: Int = 60
    @Argument(help: "The source's name.") var name: String?

    func validate() throws {
        guard all != (name != nil) else { throw ValidationError("name one source, or pass --all") }
        if all && (file != nil || rollback) { throw ValidationError("--file and --rollback take one source") }
    }

    func run() async throws {
        let store = try await location.open()
        var status: Int32 = 0
        do {
            let harvester = try Harvester(
                store: store, resources: try FederationResources.locate(), vocabularyDirectory: vocabularies ?? Harvester.defaultVocabularyDirectory(),
                fetcher: Fetcher(timeoutSeconds: Int64(timeout)))
            let names = all ? try SourceRegistry.list(in: store.snapshot()).map(\.name) : [name!]
            for name in names {
                let report = rollback
                    ? try await harvester.rollback(name)
                    : try await harvester.harvest(name, options: .init(file: file, allowMassRemoval: allowMassRemoval))
                Terminal.print(report.summary)
                for violation in report.violations {
                    let subject = violation.subject.map { " <\($0)>" + (violation.object.map { " → \($0)" } ?? "") } ?? ""
                    Terminal.print("  \(violation.severity.rawValue) \(violation.rule) \(violation.className) \(violation.property)\(subject): \(violation.message)")
                }
                status = max(status, Self.exitStatus(report.outcome))
            }
        } catch {
            Terminal.error("error: \(error)")
            status = 1
        }
        try await store.close()
        if status != 0 { throw ExitCode(status) }
    }

    static func exitStatus(_ outcome: HarvestReport.Outcome) -> Int32 {
        switch outcome {
        case .published, .unchanged, .rolledBack: 0
        case .rejected: 2
        case .failed: 1
        }
    }
}
