import Foundation
import RDF
import Store
import Synchronization
import Testing

/// Issue 10: `lodestar backup` of a store under concurrent writes (and checkpoints) opens, and holds exactly the
/// writes up to one the writer had acknowledged or was committing.
@Suite("lodestar backup of a live store", .serialized)
struct BackupTests {
    @Test func aBackupUnderWritesEqualsAnAcknowledgedVersion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/store"
        let store = try await QuadStore.open(StoreOptions(location: .directory(path), checkpointBytes: 2_000))
        let acknowledged = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        let writer = Task {
            var i = 0
            while !stop.load(ordering: .relaxed) {
                i += 1
                try await store.insert([Quad(.iri(IRI("urn:s:\(i)")), .iri(IRI("urn:p")), .string("\(i)"))])
                acknowledged.store(i, ordering: .relaxed)
            }
        }
        while acknowledged.load(ordering: .relaxed) < 50 { try await Task.sleep(for: .milliseconds(20)) }
        var results = [(floor: Int, ceiling: Int, target: String)]()
        for round in 0..<3 {
            let target = directory.path + "/backup\(round)"
            let floor = acknowledged.load(ordering: .relaxed)
            // Polled rather than waited for, so the writer keeps committing while the copy runs.
            let backup = try CommandRunner.start(["backup", "--store", path, target])
            while backup.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            #expect(backup.terminationStatus == 0)
            results.append((floor, acknowledged.load(ordering: .relaxed) + 1, target))
        }
        stop.store(true, ordering: .relaxed)
        try await writer.value
        try await store.close()

        for (floor, ceiling, target) in results {
            let copy = try await QuadStore.open(.directory(target))
            let numbers = Set(copy.snapshot().allQuads.compactMap { quad -> Int? in
                guard case .iri(let subject) = quad.subject else { return nil }
                return Int(subject.value.dropFirst("urn:s:".count))
            })
            let count = numbers.count
            try await copy.close()
            print("backup holds writes 1...\(count); \(floor) were acknowledged when it started")
            #expect(numbers == Set(1...max(count, 1)).filter { _ in count > 0 }, "the backup is not a prefix of the writes")
            #expect(count >= floor && count <= ceiling, "backup holds \(count) writes, outside \(floor)...\(ceiling)")
        }
    }
}
