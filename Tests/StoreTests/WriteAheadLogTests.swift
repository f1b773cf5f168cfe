import Foundation
import RDF
import Synchronization
import Testing

@testable import Store

/// The write-ahead log and group commit (issue 10): what a crash can leave in the log, and what the store makes of it.
@Suite("Write-ahead log")
struct WriteAheadLogTests {
    /// A closed store whose log then gains `records` after its checkpoint, as if the process had died after logging them.
    private func storeWithLoggedRecords(_ directory: TemporaryDirectory, _ records: [LogRecord]) async throws -> (path: String, bytes: [UInt8]) {
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quad("a", "p", "b")])
        try await store.close()
        var bytes = [UInt8]()
        for record in records { record.encode(into: &bytes) }
        let segment = directory.path + "/wal/" + WriteAheadLog.segmentName(2)
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        return (segment, bytes)
    }

    private let second = LogRecord(sequence: 2, insertions: [quad("x", "p", "y", graph: "g")], deletions: [quad("a", "p", "b")])
    private let third = LogRecord(sequence: 3, insertions: [quad("z", "p", "w")], deletions: [])

    @Test func loggedWritesAreReplayedOnOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try await storeWithLoggedRecords(directory, [second, third])
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == [quad("x", "p", "y", graph: "g"), quad("z", "p", "w")])
        #expect(reopened.snapshot().version == 3)
        try await reopened.close()
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(Set(again.snapshot().allQuads) == [quad("x", "p", "y", graph: "g"), quad("z", "p", "w")])
        try await again.close()
    }

    /// A record cut short by a crash was never acknowledged: it is dropped, and writes continue after it.
    @Test func aTornTailIsDropped() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (segment, bytes) = try await storeWithLoggedRecords(directory, [second, third])
        var first = [UInt8]()
        second.encode(into: &first)
        try Data(bytes.prefix(first.count + 30)).write(to: URL(fileURLWithPath: segment))
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().allQuads == [quad("x", "p", "y", graph: "g")])
        try await reopened.insert([quad("after", "p", "tear")])
        try await reopened.close()
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(Set(again.snapshot().allQuads) == [quad("x", "p", "y", graph: "g"), quad("after", "p", "tear")])
        try await again.close()
    }

    /// The active segment is zeroed ahead of its records: a record torn over those zeros (its sync never returned) is
    /// dropped like a short one, and the records before it are kept.
    @Test func aRecordTornOverTheZeroedTailIsDropped() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var (segment, bytes) = try await storeWithLoggedRecords(directory, [second, third])
        for index in bytes.count - 6..<bytes.count { bytes[index] = 0 }  // the last sector of `third` never arrived
        bytes += [UInt8](repeating: 0, count: 4096)
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == [quad("x", "p", "y", graph: "g")])
        #expect(reopened.snapshot().version == 2)
        try await reopened.insert([quad("after", "p", "o")])
        try await reopened.close()
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(Set(again.snapshot().allQuads) == [quad("x", "p", "y", graph: "g"), quad("after", "p", "o")])
        try await again.close()
    }

    /// A backup may copy a segment while it still has its zeroed tail, and the next segment after it is cut: the zeros
    /// end that segment, and the records go on in the next.
    @Test func aZeroedTailBeforeTheNextSegmentEndsItsSegment() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var (segment, bytes) = try await storeWithLoggedRecords(directory, [second])
        bytes += [UInt8](repeating: 0, count: 4096)
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        var next = [UInt8]()
        third.encode(into: &next)
        try Data(next).write(to: URL(fileURLWithPath: directory.path + "/wal/" + WriteAheadLog.segmentName(3)))
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == [quad("x", "p", "y", graph: "g"), quad("z", "p", "w")])
        #expect(reopened.snapshot().version == 3)
        try await reopened.close()
    }

    /// A damaged last record with no zeroed tail after it was not torn over zeros: refused, as one mid-log is.
    @Test func aDamagedLastRecordWithoutAZeroedTailRefusesToOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var (segment, bytes) = try await storeWithLoggedRecords(directory, [second, third])
        bytes[bytes.count - 3] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        await #expect(throws: StoreError.self) { try await QuadStore.open(.directory(directory.path)) }
    }

    /// A damaged record followed by good ones is not a torn tail: the store refuses to open, naming where.
    @Test func aFlippedByteMidLogRefusesToOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var (segment, bytes) = try await storeWithLoggedRecords(directory, [second, third])
        bytes[LogRecord.headerSize + 20] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        do {
            let store = try await QuadStore.open(.directory(directory.path))
            try await store.close()
            Issue.record("a damaged log opened")
        } catch let error as StoreError {
            #expect(error.message.contains("00000000000000000002.wal"), "\(error)")
            #expect(error.message.contains("offset 0"), "\(error)")
        }
    }

    /// A checkpoint cut short leaves its mark: Redland may hold part of it, so the next open rebuilds it from the log.
    @Test func anInterruptedCheckpointIsRebuiltFromTheLog() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try await storeWithLoggedRecords(directory, [second, third])
        try "1\n".write(toFile: directory.path + "/checkpoint.running", atomically: true, encoding: .utf8)
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == [quad("x", "p", "y", graph: "g"), quad("z", "p", "w")])
        try await reopened.close()
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/checkpoint.running"))
        #expect(try String(contentsOfFile: directory.path + "/checkpoint", encoding: .utf8) == "3\n")
    }

    /// Writers that arrive together share one flush; each is still atomic, acknowledged after its observer heard of it.
    @Test func concurrentWritersAreEachDurableAndObserved() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        let observer = VersionObserver()
        store.addCommitObserver(observer)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for i in 0..<25 {
                        let report = try await store.insert([quad("w\(writer)", "p", "o\(i)"), quad("w\(writer)", "q", "o\(i)")])
                        #expect(report.inserted == 2)
                        #expect(observer.versions.contains(report.version), "acknowledged before its observer was told")
                        #expect(store.snapshot().version >= report.version, "acknowledged before its snapshot was published")
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(store.snapshot().count == 400)
        #expect(store.snapshot().version == 200)
        #expect(observer.versions.sorted() == Array(1...200))
        #expect(observer.added == 400)
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().count == 400)
        try await reopened.close()
    }

    /// A failed sync fails its whole group and every write after it, until the store is reopened; nothing of the
    /// failed group survives.
    @Test func aFailedSyncTurnsWritesOff() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await storeWhoseNextSyncFails(in: directory)
        let failures = await 8 - acknowledgedInserts(8, into: store) { quad("lost\($0)", "p", "o") }
        #expect(failures == 8)
        #expect(store.snapshot().allQuads == [quad("kept", "p", "o")], "a failed group is never published")
        do {
            try await store.insert([quad("later", "p", "o")])
            Issue.record("a write succeeded after a failed sync")
        } catch let error as StoreError {
            #expect(error.description.contains("writes are off until the store is reopened"), "\(error)")
        }
        try? await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().allQuads.contains(quad("kept", "p", "o")))
        #expect(!reopened.snapshot().allQuads.contains(quad("later", "p", "o")))
        try await reopened.close()
    }

    @Test func transactReturnsTheBodysValue() async throws {
        let store = try await QuadStore.open(.memory)
        try await store.insert([quad("a", "p", "b")])
        let (report, seen) = try await store.transact { snapshot in (ChangeSet(insertions: [quad("c", "p", "d")]), snapshot.count) }
        #expect(seen == 1)
        #expect(report == WriteReport(inserted: 1, deleted: 0, version: 2))
    }
}

private final class VersionObserver: CommitObserver {
    private let state = Mutex<(versions: Set<UInt64>, added: Int)>(([], 0))
    var versions: Set<UInt64> { state.withLock { $0.versions } }
    var added: Int { state.withLock { $0.added } }
    func storeDidCommit(_ commit: CommittedWrite) {
        state.withLock {
            $0.versions.insert(commit.version)
            $0.added += commit.added.count
        }
    }
}
