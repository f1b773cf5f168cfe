import Foundation
import RDF
import Testing

@testable import Store

/// A whole-graph replacement among concurrent single writes, with checkpoints running all along, is whole in the
/// live snapshot and after a reopen (the scenario of ServerCrashTests, in one process).
@Suite struct GraphReplacementTests {
    @Test func aReplacedGraphAmongSingleWritesSurvivesReopen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-replace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await QuadStore.open(StoreOptions(location: .directory(directory), checkpointBytes: 2000))
        let graph = GraphName.iri(IRI("urn:put"))
        let put = (0..<5_000).map { Quad(.iri(IRI("urn:s:\($0)")), .iri(IRI("urn:p")), .string("v\($0)")) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for i in 0..<60 { try await store.insert([Quad(.iri(IRI("urn:w\(writer):\(i)")), .iri(IRI("urn:p")), .string("1"))]) }
                }
            }
            group.addTask { try await store.replace(graph: graph, with: put) }
            try await group.waitForAll()
        }
        #expect(store.snapshot().quads(in: graph).count == 5_000)
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory))
        #expect(reopened.snapshot().quads(in: graph).count == 5_000)
        #expect(reopened.snapshot().count == 5_240)
        try await reopened.close()
    }
}
