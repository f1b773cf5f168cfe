import Foundation
import RDF
import Testing

@testable import Store

/// The log's record format (`LSW2`: a term table, then quads as indexes into it), records the committer writes from
/// dictionary keys, and logs written in the older `LSW1` (N-Quads) format.
@Suite("Log records")
struct LogRecordTests {
    private let varied: [Quad] = [
        quad("a", "p", "b"),
        quad("a", "p", "c", graph: "g"),
        Quad(iri("a"), iri("label"), .literal(Literal("héllo \"wörld\"\n\u{1F600}", language: "de-CH")), graph: .iri(IRI("http://example.org/g"))),
        Quad(.blankNode(BlankNode("b0")), iri("n"), .literal(Literal("42", datatype: IRI("http://www.w3.org/2001/XMLSchema#integer")))),
        Quad(iri("x"), iri("p"), .blankNode(BlankNode("b0")), graph: .blankNode(BlankNode("graph1"))),
        Quad(iri("x"), iri("empty"), .literal(Literal(""))),
    ]

    private func scanAll(_ bytes: [UInt8]) -> [LogRecord.Scan] {
        var scans = [LogRecord.Scan](), offset = 0
        while offset < bytes.count {
            let scan = LogRecord.scan(bytes, at: offset)
            scans.append(scan)
            guard case .record(_, let length) = scan else { break }
            offset += length
        }
        return scans
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let record = LogRecord(sequence: 7, insertions: varied, deletions: [quad("gone", "p", "b"), varied[2]])
        let empty = LogRecord(sequence: 8, insertions: [], deletions: [])
        var bytes = [UInt8]()
        record.encode(into: &bytes)
        empty.encode(into: &bytes)
        #expect(Array(bytes.prefix(4)) == Array("LSW2".utf8))
        let scans = scanAll(bytes)
        guard scans.count == 2, case .record(let first, _) = scans[0], case .record(let second, let length) = scans[1] else {
            Issue.record("scans: \(scans)")
            return
        }
        #expect(first == record)
        #expect(second == empty)
        #expect(length == LogRecord.headerSize + 3, "an empty record is its header, no terms and two zero counts")
    }

    /// Each term is spelt once per record, however many quads use it.
    @Test func aRepeatedTermIsSpeltOnce() {
        let long = String(repeating: "x", count: 1_000)
        let quads = (0..<100).map { Quad(iri("s\($0)"), iri("p"), .literal(Literal(long))) }
        var bytes = [UInt8]()
        LogRecord(sequence: 1, insertions: quads, deletions: []).encode(into: &bytes)
        #expect(bytes.count < 2 * long.utf8.count + 100 * 30)
    }

    /// A record cut short at any byte is incomplete (a torn tail), never a record and never a crash.
    @Test func everyPrefixOfARecordIsIncomplete() {
        var bytes = [UInt8]()
        LogRecord(sequence: 3, insertions: varied, deletions: [varied[0]]).encode(into: &bytes)
        for length in 0..<bytes.count {
            guard case .incomplete = LogRecord.scan(Array(bytes.prefix(length)), at: 0) else {
                Issue.record("a prefix of \(length) of \(bytes.count) bytes was not incomplete")
                return
            }
        }
    }

    /// A payload whose checksum holds but whose content is inconsistent is refused with the reason, not trusted.
    @Test func aPayloadThatDoesNotDecodeIsInvalid() {
        var payload = [UInt8]()
        LogRecord.appendVarint(1, to: &payload)  // one term
        payload += [2, 0, 0, 0, 0] + Array("a".utf8)  // an IRI "a" (kind 0)
        LogRecord.appendVarint(1, to: &payload)  // one insertion
        LogRecord.appendVarint(0, to: &payload)
        payload += [0, 0, 5, 0]  // object index 5: past the table
        let bytes = Self.record(magic: "LSW2", sequence: 1, payload: payload)
        guard case .invalid(let reason) = LogRecord.scan(bytes, at: 0) else {
            Issue.record("an out-of-range term index was accepted")
            return
        }
        #expect(reason.contains("term index 5"), "\(reason)")
    }

    @Test func anUnknownFormatIsRefusedByName() {
        let bytes = Self.record(magic: "LSW9", sequence: 1, payload: [0, 0, 0])
        guard case .invalid(let reason) = LogRecord.scan(bytes, at: 0) else {
            Issue.record("an LSW9 record was read")
            return
        }
        #expect(reason.contains("LSW9"), "\(reason)")
    }

    /// A log an older Lodestar wrote (`LSW1`, N-Quads), followed by records in today's format in the same segment, replays.
    @Test func anOldFormatLogIsReplayed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert([quad("a", "p", "b")])
        try await store.close()
        var bytes = Self.version1Record(sequence: 2, insertions: [varied[2], quad("x", "p", "y", graph: "g")], deletions: [quad("a", "p", "b")])
        LogRecord(sequence: 3, insertions: [quad("z", "p", "w")], deletions: [quad("x", "p", "y", graph: "g")]).encode(into: &bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: directory.path + "/wal/" + WriteAheadLog.segmentName(2)))
        let reopened = try await QuadStore.open(.directory(directory.path))
        #expect(Set(reopened.snapshot().allQuads) == [varied[2], quad("z", "p", "w")])
        #expect(reopened.snapshot().version == 3)
        try await reopened.insert([quad("after", "p", "o")])
        try await reopened.close()
        let again = try await QuadStore.open(.directory(directory.path))
        #expect(Set(again.snapshot().allQuads) == [varied[2], quad("z", "p", "w"), quad("after", "p", "o")])
        try await again.close()
    }

    /// What the committer logs from dictionary keys — terms from the index file and new ones, removals included —
    /// reads back as each write's net change.
    @Test func committedRecordsHoldEachWritesNetChange() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.insert(Array(varied.prefix(3)))
        try await store.close()  // a checkpoint: these terms are the index file's now
        let reopened = try await QuadStore.open(.directory(directory.path))
        try await reopened.apply(ChangeSet(deletions: [varied[0], quad("never", "p", "there")], insertions: Array(varied.suffix(3)) + [varied[1]]))
        let snapshot = reopened.snapshot()
        let dropped = try await reopened.transact { snapshot in
            let keyed = snapshot.quads(matching: EncodedQuadPattern(predicate: snapshot.id(of: iri("label"))))
            return (ChangeSet(encoded: EncodedChange(deletions: Array(keyed))), ())
        }.0
        #expect(dropped.deleted == 1)
        let log = try FileSystem.read(directory.path + "/wal/" + WriteAheadLog.segmentName(snapshot.version))
        let records = scanAll(log).compactMap { scan -> LogRecord? in
            if case .record(let record, _) = scan { return record }
            return nil
        }
        #expect(records.count == 2)
        #expect(records.first.map { Set($0.insertions) } == Set(varied.suffix(3)))
        #expect(records.first?.deletions == [varied[0]])
        #expect(records.last?.insertions == [])
        #expect(records.last?.deletions == [varied[2]])
        try await reopened.close()
    }

    // MARK: Building records by hand

    static func record(magic: String, sequence: UInt64, payload: [UInt8]) -> [UInt8] {
        let lengthAndSequence = LogRecord.bytes(of: UInt32(payload.count)) + LogRecord.bytes(of: sequence)
        var checksum = FNV1a()
        checksum.add(lengthAndSequence)
        checksum.add(payload)
        return Array(magic.utf8) + lengthAndSequence + LogRecord.bytes(of: checksum.value) + payload
    }

    /// A record as Lodestar wrote it before `LSW2`: the insertions' byte length, then insertions and deletions as N-Quads.
    static func version1Record(sequence: UInt64, insertions: [Quad], deletions: [Quad]) -> [UInt8] {
        var added = [UInt8](), removed = [UInt8]()
        for quad in insertions { NTriples.append(quad, to: &added) }
        for quad in deletions { NTriples.append(quad, to: &removed) }
        return record(magic: "LSW1", sequence: sequence, payload: LogRecord.bytes(of: UInt64(added.count)) + added + removed)
    }
}
