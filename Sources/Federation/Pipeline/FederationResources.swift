import Foundation

/// The shipped rule and update files (`Ontologies/federation/`), read from disk at run time so that a moderator can
/// read and review exactly what runs.
public struct FederationResources: Sendable {
    /// The `Ontologies/federation` directory.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$LODESTAR_ONTOLOGIES/federation` if set; else the first `Ontologies/federation` found walking up from the
    /// working directory, then from the executable (a checkout runs `.build/debug/lodestar`).
    public static func locate() throws -> FederationResources {
        let environment = ProcessInfo.processInfo.environment
        if let root = environment["LODESTAR_ONTOLOGIES"] { return FederationResources(directory: root + "/federation") }
        let starts = [FileManager.default.currentDirectoryPath, URL(fileURLWithPath: CommandLine.arguments.first ?? "/").deletingLastPathComponent().path]
        for start in starts {
            var url = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                let candidate = url.appendingPathComponent("Ontologies/federation").path
                if FileManager.default.fileExists(atPath: candidate + "/rules/adms-ap.csv") { return FederationResources(directory: candidate) }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        throw FederationError(.configuration, "cannot find Ontologies/federation (set LODESTAR_ONTOLOGIES to the Ontologies directory)")
    }

    func read(_ relativePath: String) throws -> String {
        let path = directory + "/" + relativePath
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FederationError(.configuration, "cannot read \(path)")
        }
        return text
    }

    /// The files with `suffix` in a subdirectory, sorted by name (their order of application).
    func files(in subdirectory: String, suffix: String) throws -> [(name: String, text: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + subdirectory)) ?? []
        return try names.filter { $0.hasSuffix(suffix) }.sorted().map { ($0, try read(subdirectory + "/" + $0)) }
    }
}
