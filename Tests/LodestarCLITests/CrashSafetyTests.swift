import Foundation
import RDF
import Store
import Testing

/// DESIGN.md decision 4: a store killed in the middle of a bulk load reopens with all of that load or none of it.
@Suite("kill -9 during a load", .serialized)
struct CrashSafetyTests {
    @Test func aKilledLoadLeavesAllOrNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = directory.path + "/first.nt", second = directory.path + "/second.nt"
        try writeSyntheticNTriples(count: 20_000, prefix: "first", to: first)
        try writeSyntheticNTriples(count: 100_000, prefix: "second", to: second)

        // How long a whole load takes here, so the kills land early, midway and late.
        let timing = directory.path + "/timing"
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try CommandRunner.run(["load", "--store", timing, second]).status == 0)
        let duration = clock.now - started

        for (attempt, fraction) in [0.1, 0.35, 0.6, 0.85, 0.97].enumerated() {
            let store = directory.path + "/store\(attempt)"
            #expect(try CommandRunner.run(["load", "--store", store, first]).status == 0)
            let process = try CommandRunner.start(["load", "--store", store, second])
            try await Task.sleep(for: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let reopened = try await QuadStore.open(.directory(store))
            let count = reopened.snapshot().count
            try await reopened.close()
            print("kill -9 at \(Int(fraction * 100))% of \(duration): store reopened with \(count) quads")
            #expect(count == 20_000 || count == 120_000, "killed at \(fraction) of the load: \(count) quads is neither all nor none")
        }
    }
}
