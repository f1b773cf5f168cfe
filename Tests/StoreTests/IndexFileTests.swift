import Foundation
import RDF
import Testing

@testable import Store

/// The index file written at each checkpoint and mapped on open (issue 10: reopen ≤ 0.5 s at 1M triples): used only
/// when it is Redland's checkpoint's and whole, rebuilt from Redland otherwise, never a source of wrong answers.
@Suite("Index file")
struct IndexFileTests {
    /// Terms of every kind, in the default graph and a named one.
    private let quads: [Quad] = [
        quad("a", "p", "b"),
        Quad(iri("a"), iri("label"), .literal(Literal("Ångström ✓", language: "EN-gb")), graph: .iri(IRI("http://example.org/g"))),
        Quad(iri("a"), iri("count"), .literal(Literal("42", datatype: XSD.integer))),
        Quad(.blankNode(BlankNode("n1")), iri("p"), .literal(Literal(""))),
        Quad(iri("c"), iri("p"), .blankNode(BlankNode("n1")), graph: .blankNode(BlankNode("graph1"))),
    ]

    private func indexPath(_ directory: TemporaryDirectory) -> String { directory.path + "/checkpoint.index" }

    /// Every term the store holds maps to an ID and back, and every pattern shape over them finds the same quads.
    private func expectAnswers(_ store: QuadStore, equal expected: [Quad]) {
        let snapshot = store.snapshot()
        #expect(Set(snapshot.allQuads) == Set(expected))
        #expect(snapshot.count == expected.count)
        for quad in expected {
            guard let s = snapshot.id(of: quad.subject), let p = snapshot.id(of: quad.predicate), let o = snapshot.id(of: quad.object) else {
                Issue.record("a term of \(quad) has no ID")
                continue
            }
            #expect(snapshot.term(for: s) == quad.subject && snapshot.term(for: o) == quad.object)
            #expect(snapshot.quads(matching: EncodedQuadPattern(subject: s, predicate: p, object: o)).map(snapshot.quad(for:)).contains(quad))
            #expect(Set(snapshot.quads(matching: EncodedQuadPattern(object: o)).map(snapshot.quad(for:)))
                == Set(expected.filter { $0.object == quad.object }))
        }
        #expect(snapshot.id(of: iri("never-stored")) == nil)
    }

    @Test func aReopenMapsTheCheckpointsIndexFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        guard case .rebuilt(let reason) = store.openReport.indexes else { Issue.record("a new store mapped a file"); return }
        #expect(reason.contains("does not exist"), "\(reason)")
        try await store.insert(quads)
        try await store.close()

        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.openReport.indexes == .mapped)
        #expect(reopened.openReport.replayedRecords == 0)
        expectAnswers(reopened, equal: quads)
        // New terms go into memory beside the mapped ones, and the next checkpoint writes them all.
        let more = Quad(iri("d"), iri("p"), .literal(Literal("new", language: "fr")))
        try await reopened.insert([more])
        try await reopened.remove([quads[0]])
        expectAnswers(reopened, equal: Array(quads.dropFirst()) + [more])
        try await reopened.close()

        let again = try await QuadStore.open(.directory(directory.path))
        #expect(again.openReport.indexes == .mapped)
        expectAnswers(again, equal: Array(quads.dropFirst()) + [more])
        try await again.close()
    }

    @Test func anIndexFileOfAnotherCheckpointIsRebuiltFromRedland() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quads[0]])
        try await store.close()
        let first = try Data(contentsOf: URL(fileURLWithPath: indexPath(directory)))
        let reopened = try await QuadStore.open(.directory(directory.path))
        try await reopened.insert(Array(quads.dropFirst()))
        try await reopened.close()
        try first.write(to: URL(fileURLWithPath: indexPath(directory)))  // the file of checkpoint 1; Redland holds 2

        let rebuilt = try await QuadStore.open(.directory(directory.path))
        guard case .rebuilt(let reason) = rebuilt.openReport.indexes else { Issue.record("another checkpoint's file was used"); return }
        #expect(reason.contains("checkpoint 1") && reason.contains("checkpoint 2"), "\(reason)")
        expectAnswers(rebuilt, equal: quads)
        try await rebuilt.close()
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(again.openReport.indexes == .mapped)
        expectAnswers(again, equal: quads)
        try await again.close()
    }

    enum Damage: String, CaseIterable, Sendable { case truncated, flippedKeyByte, flippedTermByte, flippedHeaderByte, empty }

    @Test(arguments: Damage.allCases)
    func aDamagedIndexFileIsRebuiltWithTheSameAnswers(_ damage: Damage) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert(quads)
        try await store.close()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: indexPath(directory))))
        func field(_ offset: Int) -> Int { Int(bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
        let layout = IndexFile.Layout(sequence: 1, termCount: field(16), tableCapacity: field(24), termBytesCount: field(32), quadCount: field(40))
        #expect(layout.size == bytes.count && layout.quadCount == quads.count)
        switch damage {
        case .truncated: bytes.removeLast(bytes.count / 3)
        case .flippedKeyByte: bytes[layout.keys(.posg) + 21] ^= 0x04
        case .flippedTermByte: bytes[layout.bytesAt + 30] ^= 0x01
        case .flippedHeaderByte: bytes[20] ^= 0x80
        case .empty: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: indexPath(directory)))

        let reopened = try await QuadStore.open(.directory(directory.path))
        guard case .rebuilt(let reason) = reopened.openReport.indexes else { Issue.record("a damaged file was used"); return }
        #expect(!reason.isEmpty)
        expectAnswers(reopened, equal: quads)
        try await reopened.close()
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(again.openReport.indexes == .mapped)
        expectAnswers(again, equal: quads)
        try await again.close()
    }

    /// A crash during a checkpoint's index write: before the rename (a whole or partial temporary file beside the old
    /// one), or after the rename but before Redland's checkpoint number was written. Either way the store reopens to
    /// the same content.
    @Test func aCrashAroundTheIndexFilesRenameKeepsTheContent() async throws {
        let expected = [quads[1], quads[2]]
        // The file a finished checkpoint 2 writes, made in a second store that reached the same state.
        let finished = try TemporaryDirectory()
        defer { finished.remove() }
        let other = try await QuadStore.open(.directory(finished.path))
        try await other.insert([quads[0]])
        try await other.apply(ChangeSet(deletions: [quads[0]], insertions: expected))
        try await other.close()
        let secondFile = try Data(contentsOf: URL(fileURLWithPath: indexPath(finished)))

        for renamed in [false, true] {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let store = try await QuadStore.open(.directory(directory.path))
            try await store.insert([quads[0]])
            try await store.close()
            // The process logged write 2, then died in checkpoint 2 while writing its index file.
            var record = [UInt8]()
            LogRecord(sequence: 2, insertions: expected, deletions: [quads[0]]).encode(into: &record)
            try Data(record).write(to: URL(fileURLWithPath: directory.path + "/wal/" + WriteAheadLog.segmentName(2)))
            if renamed {
                try secondFile.write(to: URL(fileURLWithPath: indexPath(directory)))
            } else {
                try secondFile.prefix(secondFile.count / 2).write(to: URL(fileURLWithPath: indexPath(directory) + ".tmp"))
            }

            let reopened = try await QuadStore.open(.directory(directory.path))
            #expect(reopened.openReport.indexes == .mapped || renamed, "the old file of checkpoint 1 is still good")
            #expect(reopened.openReport.replayedRecords == 1)
            expectAnswers(reopened, equal: expected)
            #expect(!FileManager.default.fileExists(atPath: indexPath(directory) + ".tmp"))
            try await reopened.close()
            let again = try await QuadStore.open(.directory(directory.path))
            #expect(again.openReport.indexes == .mapped)
            expectAnswers(again, equal: expected)
            try await again.close()
        }
    }

    /// Thousands of terms in the file's hash table (so probes pass colliding slots) each map to their ID and back,
    /// and terms issued after the open continue the file's IDs.
    @Test func everyMappedTermFindsItsID() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let many = (0..<3000).map { Quad(iri("s\($0 % 700)"), iri("p\($0 % 7)"), .literal(Literal("value \($0)", language: "en"))) }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert(many)
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.openReport.indexes == .mapped)
        let snapshot = reopened.snapshot()
        var ids = Set<TermID>()
        for quad in many {
            for term in [quad.subject, quad.predicate, quad.object] {
                guard let id = snapshot.id(of: term) else {
                    Issue.record("\(term) has no ID")
                    continue
                }
                #expect(snapshot.term(for: id) == term)
                ids.insert(id)
            }
        }
        #expect(ids.count == 700 + 7 + 3000)
        try await reopened.insert([Quad(iri("fresh"), iri("p0"), iri("s1"))])
        let after = reopened.snapshot()
        let fresh = try #require(after.id(of: iri("fresh")))
        #expect(Int(fresh.rawValue) >= snapshot.termCount && after.term(for: fresh) == iri("fresh"))
        #expect(after.id(of: iri("p0")) == snapshot.id(of: iri("p0")))
        try await reopened.close()
    }

    /// Disk holds one Redland storage, the log and the index file: no copy of Redland from a rebuilding checkpoint (one
    /// that removes quads), no temporary index file.
    @Test func checkpointsLeaveOneRedlandCopyBehind() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert(quads)
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory.path))
        try await reopened.remove([quads[0]])
        try await reopened.close()
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries == ["checkpoint", "checkpoint.index", "lock", "redland", "wal"])
        let redland = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/redland").sorted()
        #expect(redland == ["lodestar-contexts.db", "lodestar-po2s.db", "lodestar-so2p.db", "lodestar-sp2o.db"])
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(again.openReport.indexes == .mapped)
        expectAnswers(again, equal: Array(quads.dropFirst()))
        try await again.close()
    }

    /// A backup carries the index file, so it opens as fast as the store it copies.
    @Test func aBackupOpensFromItsIndexFile() async throws {
        let directory = try TemporaryDirectory(), target = try TemporaryDirectory()
        defer { directory.remove(); target.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert(quads)
        try await store.backup(to: target.path + "/copy")
        try await store.close()
        let copy = try await QuadStore.open(.directory(target.path + "/copy"))
        #expect(copy.openReport.indexes == .mapped)
        expectAnswers(copy, equal: quads)
        try await copy.close()
    }

    /// The checksum is XXH64: libxxhash's values (seed 0) for 32 zero bytes, the bytes 0...63, and nothing.
    @Test func theChecksumIsXXH64() {
        #expect([UInt8](repeating: 0, count: 32).withUnsafeBytes { Checksum.of($0) } == 0xF6E9_BE5D_7063_2CF5)
        #expect((0..<64).map { UInt8($0) }.withUnsafeBytes { Checksum.of($0) } == 0xF7C6_7301_DB67_13F0)
        #expect([UInt8]().withUnsafeBytes { Checksum.of($0) } == 0xEF46_DB37_51D8_E999)
    }
}

/// `Snapshot.withSpelling(of:)` reads a mapped term's bytes in place and an in-memory term's strings: either way the
/// spelling is the decoded term's, which the SPARQL JSON writer relies on to write stored terms without decoding them.
@Suite("Term spelling")
struct TermSpellingTests {
    private struct Spelt: Equatable {
        var kind: TermSpelling.Kind, value: [UInt8], qualifier: [UInt8], isXSDString: Bool
        init(_ spelling: TermSpelling) {
            (kind, value, qualifier, isXSDString) = (spelling.kind, Array(spelling.value), Array(spelling.qualifier), spelling.isXSDString)
        }
    }

    private let terms: [Term] = [
        iri("a"), .literal(Literal("Ångström ✓", language: "EN-gb")), .literal(Literal("42", datatype: XSD.integer)),
        .blankNode(BlankNode("n1")), .literal(Literal("")), .literal(Literal("plain \"q\"\n")), iri(""),
    ]

    private func expectSpellings(_ store: QuadStore, _ terms: [Term]) {
        let snapshot = store.snapshot()
        for term in terms {
            guard let id = snapshot.id(of: term) else { Issue.record("\(term) has no ID"); continue }
            var stored: Spelt?, decoded: Spelt?
            snapshot.withSpelling(of: id) { stored = Spelt($0) }
            term.withSpelling { decoded = Spelt($0) }
            #expect(stored != nil && stored == decoded, "\(term)")
        }
    }

    @Test func mappedAndInMemoryTermsSpellAsTheirDecodedTerms() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        let quads = terms.map { Quad(iri("s"), iri("p"), $0) }
        try await store.insert(quads)
        expectSpellings(store, terms)  // in memory
        try await store.close()

        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(reopened.openReport.indexes == .mapped)
        let later: [Term] = [.literal(Literal("later", language: "fr")), .literal(Literal("7", datatype: XSD.integer))]
        try await reopened.insert(later.map { Quad(iri("t"), iri("p"), $0) })
        expectSpellings(reopened, terms + later)  // mapped from the file, then in memory
        var plain = false
        let snapshot = reopened.snapshot()
        snapshot.withSpelling(of: snapshot.id(of: .literal(Literal("")))!) { plain = $0.isXSDString }
        #expect(plain)
        try await reopened.close()
    }
}
