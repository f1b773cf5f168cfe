import Federation
import Foundation
import RDF
import Store
import Testing

/// `lodestar source` and `lodestar harvest` as a user runs them: exit statuses, summaries, and kill -9 mid-harvest.
@Suite(.serialized) struct HarvestCommandTests {
    static let executable: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lodestar").path
        return FileManager.default.isExecutableFile(atPath: besideTests) ? besideTests : FederationFixtures.repository + "/.build/debug/lodestar"
    }()

    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LODESTAR_ONTOLOGIES"] = FederationFixtures.repository + "/Ontologies"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let (process, output) = try start(arguments)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func exitStatusesAndSummaries() throws {
        guard let valid = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf"),
            let invalid = FederationFixtures.shared("joinup-federation-fixtures/invalid_adms.rdf")
        else { return }
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("federation-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        #expect(try Self.run(["source", "add", "--store", store, "joinup", "http://127.0.0.1:1/dump.rdf", "--title", "Joinup"]).status == 0)
        #expect(try Self.run(["source", "list", "--store", store]).stdout == "joinup\thttp://127.0.0.1:1/dump.rdf\t-\tJoinup\n")
        let published = try Self.run(["harvest", "--store", store, "joinup", "--file", valid])
        #expect(published.status == 0)
        #expect(published.stdout.hasPrefix("joinup run 1: published;"))
        let rejected = try Self.run(["harvest", "--store", store, "joinup", "--file", invalid])
        #expect(rejected.status == 2)
        #expect(rejected.stdout.contains("error 1 dcat:Dataset dcat:contactPoint <http://example.com/solution/1>"))
        let unreachable = try Self.run(["harvest", "--store", store, "joinup", "--timeout", "2"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stdout.contains("fetch failed"))
        #expect(try Self.run(["harvest", "--store", store, "nosuch"]).status == 1)
        let rolledBack = try Self.run(["harvest", "--store", store, "--rollback", "joinup"])
        #expect(rolledBack.status == 0 && rolledBack.stdout.contains("rolled-back"))
        // --all runs every source and exits with the worst status: `local` publishes, `joinup` cannot be fetched.
        #expect(try Self.run(["source", "add", "--store", store, "local", "file://" + valid]).status == 0)
        let all = try Self.run(["harvest", "--store", store, "--all", "--timeout", "2"])
        #expect(all.status == 1)
        #expect(all.stdout.contains("joinup run 5: failed") && all.stdout.contains("local run 1: published"), "\(all.stdout)")
    }

    /// The publish is one store write: killed at any moment, the source graph is the old version or the new one.
    @Test func killNineInMidHarvestLeavesTheOldOrTheNewVersion() async throws {
        guard let valid = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf") else { return }
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("federation-kill-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        #expect(try Self.run(["source", "add", "--store", store, "joinup", "http://127.0.0.1:1/dump.rdf"]).status == 0)
        #expect(try Self.run(["harvest", "--store", store, "joinup", "--file", valid]).status == 0)
        let text = try String(contentsOfFile: valid, encoding: .utf8)
        var current = "This solution 3."
        for round in 1...4 {
            let new = "Revision \(round)."
            let file = try FederationFixtures.write(text.replacingOccurrences(of: "This solution 3.", with: new), name: "valid_adms.rdf")
            let (process, _) = try Self.start(["harvest", "--store", store, "joinup", "--file", file])
            // Where the kill lands varies with the delay; what is checked does not depend on it.
            try await Task.sleep(for: .milliseconds(300 * round))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let opened = try await QuadStore.open(.directory(store))
            let descriptions = opened.snapshot().quads(in: .iri(FederationGraphs.source("joinup")))
                .filter { $0.subject == .iri("http://example.com/solution/3") && $0.predicate == .iri("http://purl.org/dc/terms/description") }
                .map(\.object)
            try await opened.close()
            #expect(descriptions == [.string(current)] || descriptions == [.string(new)], "round \(round): \(descriptions)")
            if descriptions == [.string(new)] { current = new }
        }
    }
}
