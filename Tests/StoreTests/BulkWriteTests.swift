import Foundation
import RDF
import Synchronization
import Testing

@testable import Store

/// Issue 10: loads and whole-graph replacements skip the per-quad log. Redland is rebuilt with the change and swapped
/// in with its version; the log gets one record naming it. Observers still see the net quads, and a swap cut short by a
/// crash at any step reopens to the old store or the whole write.
@Suite("bulk writes", .serialized)
struct BulkWriteTests {
    private static func nTriples(_ count: Int, prefix: String) -> [UInt8] {
        Array((0..<count).map { "<http://example.org/\(prefix)\($0)> <http://example.org/p> \"\($0)\" .\n" }.joined().utf8)
    }

    private static func logBytes(_ store: String) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: store + "/wal").reduce(0) { total, name in
            total + ((try FileManager.default.attributesOfItem(atPath: store + "/wal/" + name)[.size] as? Int) ?? 0)
        }
    }

    @Test func aLoadGoesIntoRedlandAndTheLogNamesOnlyItsVersion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        let observer = RecordingObserver()
        store.addCommitObserver(observer)
        try await store.insert([quad("before", "p", "o")])  // logged, then covered by the bulk write's new storage
        let report = try await store.load(bytes: Self.nTriples(2_000, prefix: "s"), name: "a.nt", format: .ntriples, baseIRI: "http://x/")
        #expect(report.inserted == 2_000)
        #expect(store.snapshot().version == 2)
        #expect(try String(contentsOfFile: directory.path + "/checkpoint", encoding: .utf8) == "2\n", "the swap is the checkpoint")
        #expect(try Self.logBytes(directory.path) < 100, "the log holds no quad of the load")
        #expect(observer.commits.withLock { $0.map(\.added.count) } == [1, 2_000])
        let expected = Set(store.snapshot().allQuads)
        try await store.close()

        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().version == 2)
        #expect(reopened.openReport.indexes == .mapped, "the bulk write leaves its checkpoint's index file")
        #expect(Set(reopened.snapshot().allQuads) == expected)
        try await reopened.insert([quad("after", "p", "o")])  // the log goes on from the bulk write's version
        #expect(reopened.snapshot().version == 3)
        try await reopened.close()
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(again.snapshot().version == 3 && again.snapshot().count == 2_002)
        try await again.close()
    }

    @Test func aGraphReplacementTellsObserversTheNetChange() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        let observer = RecordingObserver()
        store.addCommitObserver(observer)
        let graph = GraphName.iri(IRI("http://example.org/g"))
        try await store.replace(graph: graph, with: [quad("a", "p", "1"), quad("b", "p", "2")])
        try await store.replace(graph: graph, with: [quad("b", "p", "2"), quad("c", "p", "3")])
        let last = try #require(observer.commits.withLock { $0.last })
        #expect(last.added == [quad("c", "p", "3", graph: "g")])
        #expect(last.removed == [quad("a", "p", "1", graph: "g")])
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().quads(in: graph)) == [quad("b", "p", "2", graph: "g"), quad("c", "p", "3", graph: "g")])
        try await reopened.close()
    }

    /// The on-disk states a crash can leave mid-swap, made by hand from a finished store: each reopens to the whole write.
    @Test(arguments: ["renamed, checkpoint not yet recorded", "old storage moved aside, new one not yet renamed in"])
    func aSwapCutShortReopensToTheWholeWrite(state: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quad("before", "p", "o")])
        try await store.load(bytes: Self.nTriples(500, prefix: "s"), name: "a.nt", format: .ntriples, baseIRI: "http://x/")
        let expected = Set(store.snapshot().allQuads)
        try await store.close()
        let live = directory.path + "/redland"
        try "1\n".write(toFile: directory.path + "/checkpoint", atomically: true, encoding: .utf8)  // the record before the swap
        if state.hasPrefix("renamed") {
            try "2\n".write(toFile: live + "/complete", atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.moveItem(atPath: live, toPath: directory.path + "/redland.rebuilt")
            try "2\n".write(toFile: directory.path + "/redland.rebuilt/complete", atomically: true, encoding: .utf8)
        }
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().version == 2, "\(state)")
        #expect(Set(reopened.snapshot().allQuads) == expected, "\(state)")
        try await reopened.close()
        #expect(!FileManager.default.fileExists(atPath: live + "/complete"))
    }

    /// A bulk write writes its index file under the temporary name while Redland is built, and renames it in only after
    /// the swap. The states a crash leaves between those steps, made by hand from two finished stores (before and after
    /// the load): built and indexed but not swapped reopens to the old store from its own index file; swapped but with
    /// the index file not yet renamed in reopens to the whole write, read from Redland.
    @Test(arguments: [false, true])
    func aCrashBetweenTheIndexFileAndTheSwapKeepsOneVersion(swapped: Bool) async throws {
        let before = try TemporaryDirectory(), after = try TemporaryDirectory()
        defer { before.remove(); after.remove() }
        for directory in [before, after] {
            let store = try await QuadStore.open(.directory(directory.path))
            try await store.insert([quad("before", "p", "o")])
            try await store.close()
        }
        let store = try await QuadStore.open(.directory(after.path))
        try await store.load(bytes: Self.nTriples(500, prefix: "s"), name: "a.nt", format: .ntriples, baseIRI: "http://x/")
        let loaded = Set(store.snapshot().allQuads)
        try await store.close()

        let index = "/checkpoint.index"
        let directory = swapped ? after : before
        if swapped {
            try FileManager.default.moveItem(atPath: after.path + index, toPath: after.path + index + ".tmp")
            try FileManager.default.copyItem(atPath: before.path + index, toPath: after.path + index)
        } else {
            try FileManager.default.copyItem(atPath: after.path + index, toPath: before.path + index + ".tmp")
            try FileManager.default.copyItem(atPath: after.path + "/redland", toPath: before.path + "/redland.rebuilt")
        }
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().version == (swapped ? 2 : 1))
        #expect(Set(reopened.snapshot().allQuads) == (swapped ? loaded : [quad("before", "p", "o")]))
        if swapped {
            #expect(reopened.openReport.indexes != .mapped, "the old index file is not the swapped storage's")
        } else {
            #expect(reopened.openReport.indexes == .mapped, "the old store's own index file is still good")
        }
        try await reopened.insert([quad("next", "p", "o")])
        try await reopened.close()
        #expect(!FileManager.default.fileExists(atPath: directory.path + index + ".tmp"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/redland.rebuilt"))
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(again.openReport.indexes == .mapped)
        #expect(again.snapshot().count == (swapped ? 502 : 2))
        try await again.close()
    }

    /// A rebuilt storage without its completion mark is a build cut short: it goes, and the old store stays.
    @Test func anIncompleteBuildIsDiscarded() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quad("a", "p", "o")])
        try await store.close()
        try FileManager.default.copyItem(atPath: directory.path + "/redland", toPath: directory.path + "/redland.rebuilt")
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().allQuads == [quad("a", "p", "o")])
        try await reopened.close()
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/redland.rebuilt"))
    }

    /// Writes never fold the major layer into the base themselves: a background fold does, and the snapshot reads the
    /// same before and after it lands.
    @Test func foldsLandInTheBackground() async throws {
        let store = try await QuadStore.open(StoreOptions(location: .memory, deltaLimit: 2))
        var expected = Set<Quad>()
        for round in 0..<40 {
            let batch = (0..<7).map { quad("s\(round)-\($0)", "p", "o\(round % 3)", graph: round % 2 == 0 ? nil : "g") }
            try await store.insert(batch)
            expected.formUnion(batch)
            if round % 5 == 4, let victim = expected.first {
                try await store.remove([victim])
                expected.remove(victim)
            }
            #expect(Set(store.snapshot().allQuads) == expected, "round \(round)")
        }
        await store.committer.waitForFold()
        let snapshot = store.snapshot()
        #expect(snapshot.base.count > 0, "a fold landed")
        #expect(snapshot.delta.major.size <= Delta.majorLimit(baseCount: snapshot.base.count, deltaLimit: 2))
        #expect(Set(snapshot.allQuads) == expected && snapshot.count == expected.count)
        try await store.close()
    }
}

private final class RecordingObserver: CommitObserver {
    let commits = Mutex<[CommittedWrite]>([])
    func storeDidCommit(_ commit: CommittedWrite) { commits.withLock { $0.append(commit) } }
}
