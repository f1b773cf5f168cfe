import Foundation
import RDF
import Store
import Testing

@Suite("QuadStore on disk")
struct PersistenceTests {
    @Test func writesSurviveReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quad("a", "p", "b"), quad("a", "p", "c", graph: "g"), Quad(.blankNode(BlankNode("x")), iri("p"), .string("v\n\"q\""))])
        try await store.remove([quad("a", "p", "b")])
        let expected = Set(store.snapshot().allQuads)
        try await store.close()

        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == expected)
        #expect(reopened.snapshot().count == 2)
        try await reopened.close()
    }

    /// Small writes go into the live Redland files; larger ones into a copy of them, or into a storage built afresh
    /// when they rival the store in size. Every path must leave the same content behind.
    @Test func everyRedlandWritePathSurvivesReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = StoreOptions(location: .directory(directory.path), deltaLimit: 8, inPlaceWriteLimit: 10)
        let store = try await QuadStore.open(options)
        try await store.insert((0..<100).map { quad("s\($0)", "p", "o") })  // rebuilt afresh
        try await store.insert((0..<5).map { quad("small\($0)", "p", "o") })  // in place
        try await store.apply(ChangeSet(deletions: (0..<10).map { quad("s\($0)", "p", "o") }, insertions: (0..<15).map { quad("copy\($0)", "p", "o", graph: "g") }))  // copied
        // Removals walk their graph in librdf's contexts index: removing most of a graph rebuilds instead.
        try await store.remove((10..<95).map { quad("s\($0)", "p", "o") })
        let expected = Set(store.snapshot().allQuads)
        #expect(expected.count == 25)
        try await store.close()
        let reopened = try await QuadStore.open(options)
        #expect(Set(reopened.snapshot().allQuads) == expected)
        try await reopened.close()
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/redland.rebuilt"))
    }

    @Test func aSecondProcessCannotOpenAStoreInUse() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        await #expect(throws: StoreError.self) { _ = try await QuadStore.open(.directory(directory.path)) }
        try await store.close()
    }

    /// A crash after the journal was written but before Redland held the write: the next open replays it.
    @Test func aCommittedJournalRecordIsReplayedOnOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quad("a", "p", "b")])
        try await store.close()
        try JournalFixture.writeCommitted(
            insertions: [quad("x", "p", "y", graph: "g"), quad("a", "p", "b")], deletions: [quad("a", "p", "b")],
            to: directory.path + "/journal")

        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == [quad("x", "p", "y", graph: "g"), quad("a", "p", "b")])
        try await reopened.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/journal")).isEmpty, "the journal is emptied after replay")
    }

    /// A crash while the journal record was being written: the write was never acknowledged and is dropped.
    @Test func aTornJournalRecordIsIgnored() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quad("a", "p", "b")])
        try await store.close()
        var torn = [UInt8](repeating: 0, count: 32)
        torn += Array("<http://example.org/x> <http://example.org/p> <http://example.org/y> .\n".utf8)
        try Data(torn).write(to: URL(fileURLWithPath: directory.path + "/journal"))

        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.snapshot().allQuads == [quad("a", "p", "b")])
        try await reopened.close()
    }

    @Test func aBrokenFileLoadsNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/broken.ttl"
        try "@prefix e: <http://example.org/> .\ne:a e:p e:b .\ne:c e:p \"unterminated .\n".write(toFile: file, atomically: true, encoding: .utf8)
        let store = try await QuadStore.open(.directory(directory.path + "/store"))
        try await store.insert([quad("keep", "p", "me")])
        await #expect(throws: StoreError.self) { try await store.load(file: file) }
        #expect(store.snapshot().allQuads == [quad("keep", "p", "me")])
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path + "/store"))
        #expect(reopened.snapshot().allQuads == [quad("keep", "p", "me")])
        try await reopened.close()
    }

    @Test func aLoadGoesIntoTheGivenGraph() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/data.nt"
        try "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n".write(toFile: file, atomically: true, encoding: .utf8)
        let store = try await QuadStore.open(.memory)
        let report = try await store.load(file: file, into: .iri(IRI("http://example.org/g")))
        #expect(report.inserted == 1)
        #expect(store.snapshot().allQuads == [quad("a", "p", "b", graph: "g")])
    }
}

/// Writes journal records the way `Journal.commit()` does, to simulate a crash between journal and Redland.
enum JournalFixture {
    static func writeCommitted(insertions: [Quad], deletions: [Quad], to path: String) throws {
        let inserted = Array(insertions.map { $0.description + "\n" }.joined().utf8)
        let deleted = Array(deletions.map { $0.description + "\n" }.joined().utf8)
        var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in inserted + deleted {
            checksum ^= UInt64(byte)
            checksum &*= 0x100_0000_01b3
        }
        func le(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let header = Array("LSJ1".utf8) + le(UInt64(inserted.count)) + le(UInt64(deleted.count)) + le(checksum) + Array("DONE".utf8)
        try Data(header + inserted + deleted).write(to: URL(fileURLWithPath: path))
    }
}
