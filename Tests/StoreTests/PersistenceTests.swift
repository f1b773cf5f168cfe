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

    /// Checkpoints after every group: Redland ends up holding everything, the covered segments go, and the store
    /// reopens to the same content from Redland alone.
    @Test func checkpointsPutEveryWriteIntoRedland() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = StoreOptions(location: .directory(directory.path), deltaLimit: 8, checkpointBytes: 1)
        let store = try await QuadStore.open(options)
        try await store.insert((0..<100).map { quad("s\($0)", "p", "o") })
        try await store.insert((0..<5).map { quad("small\($0)", "p", "o") })
        try await store.apply(ChangeSet(deletions: (0..<10).map { quad("s\($0)", "p", "o") }, insertions: (0..<15).map { quad("copy\($0)", "p", "o", graph: "g") }))
        try await store.remove((10..<95).map { quad("s\($0)", "p", "o") })
        let expected = Set(store.snapshot().allQuads)
        let version = store.snapshot().version
        #expect(expected.count == 25)
        #expect(version == 4)
        try await store.close()
        #expect(try String(contentsOfFile: directory.path + "/checkpoint", encoding: .utf8) == "4\n")
        let segments = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/wal")
        #expect(segments == ["00000000000000000005.wal"], "only the empty segment after the checkpoint is left")
        let reopened = try await QuadStore.open(options)
        #expect(Set(reopened.snapshot().allQuads) == expected)
        #expect(reopened.snapshot().version == 4)
        try await reopened.close()
    }

    @Test func aSecondProcessCannotOpenAStoreInUse() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        await #expect(throws: StoreError.self) { _ = try await QuadStore.open(.directory(directory.path)) }
        try await store.close()
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
