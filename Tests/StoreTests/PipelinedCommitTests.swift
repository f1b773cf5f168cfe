import RDF
import Testing

@testable import Store

/// The pipelined group commit (issue 10): writes whose bodies run while an earlier group is being synced.
@Suite("Pipelined group commit")
struct PipelinedCommitTests {
    /// A write that finds its quad already inserted by a write still waiting for its sync changes nothing, but its answer
    /// rests on that write: when the sync fails, it fails too, never succeeds.
    @Test func aWriteThatChangesNothingFailsWithTheWriteItSaw() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await storeWhoseNextSyncFails(in: directory)
        let successes = await acknowledgedInserts(8, into: store) { _ in quad("lost", "p", "o") }
        #expect(successes == 0, "a write was acknowledged on a state that never became durable")
        #expect(store.snapshot().allQuads == [quad("kept", "p", "o")])
        try? await store.close()
    }

    /// Many writers, small delta layers: folds land while groups are in flight and every write's state is rebased; the
    /// store then reads, and reopens to, exactly what the acknowledged writes left.
    @Test func concurrentWritersAcrossFoldsLeaveExactlyTheirWrites() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var options = StoreOptions.directory(directory.path)
        options.deltaLimit = 2
        let store = try await QuadStore.open(options)
        let writers = 8, writes = 60
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<writes {
                        // Each writer also removes its write before last, so the layers hold removals as well.
                        let removals = index >= 2 ? [quad("w\(writer)", "p", "\(index - 2)")] : []
                        _ = try? await store.apply(ChangeSet(deletions: removals, insertions: [quad("w\(writer)", "p", "\(index)")]))
                    }
                }
            }
        }
        var expected = Set<Quad>()
        for writer in 0..<writers {
            expected.formUnion([quad("w\(writer)", "p", "\(writes - 2)"), quad("w\(writer)", "p", "\(writes - 1)")])
        }
        await store.committer.waitForFold()
        #expect(Set(store.snapshot().allQuads) == expected)
        #expect(store.snapshot().version == UInt64(writers * writes))
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == expected)
        try await reopened.close()
    }

    /// Writers past the log's bound wait for checkpoints (the flush goes on in a task), and bulk writes among them take
    /// the log to themselves: every write lands, in one order of versions, and the store reopens to them all.
    @Test func writersPastTheLogBoundAndBulkWritesAmongThemAllLand() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var options = StoreOptions.directory(directory.path, sync: .os)
        options.checkpointBytes = 1 << 30  // no checkpoint but those backpressure forces
        options.checkpointInterval = .seconds(3600)
        options.logLimitBytes = 1  // every logged write passes the bound
        let store = try await QuadStore.open(options)
        let writers = 4, writes = 12
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<writes {
                        if writer == 0 && index % 4 == 3 {
                            _ = try? await store.transact(.bulk) { _ in (ChangeSet(insertions: [quad("bulk", "p", "\(index)")]), ()) }
                        } else {
                            _ = try? await store.insert([quad("w\(writer)", "p", "\(index)")])
                        }
                    }
                }
            }
        }
        let expected = Set((0..<writers).flatMap { writer in
            (0..<writes).map { index in writer == 0 && index % 4 == 3 ? quad("bulk", "p", "\(index)") : quad("w\(writer)", "p", "\(index)") }
        })
        #expect(Set(store.snapshot().allQuads) == expected)
        #expect(store.snapshot().version == UInt64(writers * writes))
        // Without backpressure all the logged writes would wait for the close's checkpoint.
        #expect(await store.committer.checkpoints.changes.count < writers * writes / 2)
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == expected)
        try await reopened.close()
    }
}
