import CompressNIO
import Foundation
import NIOCore
import RDF
import Redland
import Resolver
import Store
import Testing

@testable import Server

/// Dump production without HTTP: names, fingerprints, files on disk, paging.
@Suite struct DumpProductionTests {
    /// Issue 15: a killed writer's `*.part-*` files are removed at start, and a failed write removes its own.
    @Test func halfWrittenDumpFilesAreRemoved() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let leftover = directory + "/all.0123abcd.nq.part-1a2b3c4d"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data("<a> <b> <c> .".utf8)))
        let limiter = ComputeLimiter(permits: 1)
        let repository = DumpRepository(directory: directory, limiter: limiter)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        // RDF/XML cannot write a predicate that does not end in an XML name: the dump fails midway.
        let store = try await QuadStore.open(.memory)
        let data = (0..<5000).map { "<http://ex/s\($0)> <http://ex/p> \"\($0)\" .\n" }.joined() + "<http://ex/s> <http://ex/123> \"x\" .\n"
        try await store.load(bytes: Array(data.utf8), name: "d.nt", format: .ntriples, baseIRI: "http://example.org/")
        await #expect(throws: (any Error).self) {
            _ = try await repository.dump(DumpFile(dataset: .graph(.defaultGraph), format: .rdfxml, compressed: false), snapshot: store.snapshot())
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!names.contains { $0.contains(".part-") || $0.hasSuffix(".rdf") || $0.hasSuffix(".rdf.gz") }, "\(names)")
        await limiter.shutdown()
        try await store.close()
    }

    @Test func slugsAreStableReadableAndDistinct() {
        let http = GraphSlug.slug(for: .iri(IRI("http://data.europa.eu/dr8/")))
        #expect(http.hasPrefix("data-europa-eu-dr8-"))
        #expect(http == GraphSlug.slug(for: .iri(IRI("http://data.europa.eu/dr8/"))))
        let others = ["https://data.europa.eu/dr8/", "http://data.europa.eu/dr8", "http://Data.europa.eu/dr8/", "http://data.europa.eu/dr8#"]
        let slugs = Set([http] + others.map { GraphSlug.slug(for: .iri(IRI($0))) })
        #expect(slugs.count == 5)
        #expect(GraphSlug.slug(for: .defaultGraph) == "default")
        #expect(slugs.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
    }

    @Test func fingerprintsIgnoreOrderAndFollowEachGraph() async throws {
        let lines = pagedData(subjects: 50).split(separator: "\n").map(String.init)
        let forward = try await QuadStore.open(.memory)
        let backward = try await QuadStore.open(.memory)
        try await forward.load(bytes: Array(lines.joined(separator: "\n").utf8), name: "a.nq", format: .nquads, baseIRI: "http://x/")
        try await backward.load(bytes: Array(lines.reversed().joined(separator: "\n").utf8), name: "b.nq", format: .nquads, baseIRI: "http://x/")
        let before = GraphFingerprint.fingerprints(of: forward.snapshot())
        #expect(before == GraphFingerprint.fingerprints(of: backward.snapshot()))
        #expect(before[.graph(.iri(IRI("http://example.org/big")))]?.triples == 100)

        let g1 = GraphName.iri(IRI("http://example.org/g1"))
        try await forward.insert([Quad(.iri("http://example.org/carol"), .iri("http://xmlns.com/foaf/0.1/name"), .string("Carol"), graph: g1)])
        let after = GraphFingerprint.fingerprints(of: forward.snapshot())
        #expect(after[.graph(g1)] != before[.graph(g1)])
        #expect(after[.all] != before[.all])
        #expect(after[.graph(.iri(IRI("http://example.org/g2")))] == before[.graph(.iri(IRI("http://example.org/g2")))])
        #expect(after[.graph(.defaultGraph)] == before[.graph(.defaultGraph)])
        try await forward.close()
        try await backward.close()
    }

    @Test func everyDumpIsWrittenOnceAndParsesWithTheStoresCount() async throws {
        try await withRepository(data: pagedData(subjects: 30)) { store, repository, directory in
            let snapshot = store.snapshot()
            // Described before any is written: no sizes yet, and no file.
            let described = try await repository.descriptions(snapshot: snapshot)
            #expect(described.allSatisfy { $0.size == nil && !FileManager.default.fileExists(atPath: $0.path) })
            var dumps: [DumpInfo] = []
            for description in described { dumps.append(try await repository.dump(description.file, snapshot: snapshot)) }
            #expect(dumps.map(\.path) == described.map(\.path))
            // all: 2 syntaxes; default, g1, g2, big: 4 each; every one plain and gzip.
            #expect(dumps.count == (2 + 4 * 4) * 2)
            for dump in dumps {
                let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: dump.path)))
                let plain = dump.file.compressed ? try gunzip(bytes) : bytes
                #expect(dump.size == bytes.count)
                let expected = DumpWriter.tripleCount(of: dump.file.dataset, in: snapshot)
                #expect(dump.triples == expected)
                #expect(try parseRDF(plain, format: dump.file.format).count == expected, "\(dump.file.fileName)")
            }
            // Asked again: the same files, not rewritten.
            let modified = try dumps.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as! Date }
            let again = try await repository.descriptions(snapshot: store.snapshot())
            #expect(again.map(\.size) == dumps.map(\.size))
            #expect(again.map(\.path) == dumps.map(\.path))
            #expect(try again.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as! Date } == modified)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".part-") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func aWriteChangesThatGraphsDumpAndAllOnly() async throws {
        try await withRepository(data: TestServer.data) { store, repository, directory in
            let g1 = DumpDataset.graph(.iri(IRI("http://example.org/g1")))
            let g2 = DumpDataset.graph(.iri(IRI("http://example.org/g2")))
            func info(_ dataset: DumpDataset, _ format: RDFFormat) async throws -> DumpInfo {
                try await repository.dump(DumpFile(dataset: dataset, format: format, compressed: false), snapshot: store.snapshot())
            }
            let before = [try await info(g1, .ntriples), try await info(g2, .ntriples), try await info(.all, .nquads)]
            try await store.insert([
                Quad(
                    .iri("http://example.org/carol"), .iri("http://xmlns.com/foaf/0.1/name"), .string("Carol"),
                    graph: .iri(IRI("http://example.org/g1")))
            ])
            let after = [try await info(g1, .ntriples), try await info(g2, .ntriples), try await info(.all, .nquads)]
            #expect(after[0].entityTag != before[0].entityTag)
            #expect(after[1].entityTag == before[1].entityTag)
            #expect(after[1].path == before[1].path)
            #expect(after[2].entityTag != before[2].entityTag)
            #expect(after[0].triples == 2)
            // The old version's files are gone; the other graph's stay.
            #expect(!FileManager.default.fileExists(atPath: before[0].path))
            #expect(FileManager.default.fileExists(atPath: before[1].path))
            _ = directory
        }
    }

    @Test func concurrentRequestsShareOneWriter() async throws {
        try await withRepository(data: pagedData(subjects: 200)) { store, repository, _ in
            let snapshot = store.snapshot()
            let file = DumpFile(dataset: .graph(.iri(IRI("http://example.org/big"))), format: .turtle, compressed: true)
            let paths = try await withThrowingTaskGroup(of: DumpInfo.self) { group in
                for _ in 0..<8 { group.addTask { try await repository.dump(file, snapshot: snapshot) } }
                return try await group.reduce(into: [DumpInfo]()) { $0.append($1) }
            }
            #expect(Set(paths.map(\.path)).count == 1)
            #expect(Set(paths.map(\.size)).count == 1)
            let quads = try parseRDF(try gunzip(Array(Data(contentsOf: URL(fileURLWithPath: paths[0].path)))), format: .turtle)
            #expect(quads.count == 400)
        }
    }

    @Test func pagesHoldWholeSubjectsAndEveryTripleOnce() async throws {
        let store = try await QuadStore.open(.memory)
        try await store.load(bytes: Array(pagedData(subjects: 25).utf8), name: "p.nq", format: .nquads, baseIRI: "http://x/")
        let snapshot = store.snapshot()
        let big = GraphName.iri(IRI("http://example.org/big"))
        let pages = DumpPages(snapshot: snapshot, graph: big, maxSubjects: 10, maxTriples: 7)
        // 7 triples at most: three subjects of two triples each per page.
        #expect(pages.count == 9)
        var seen: [Quad] = []
        var subjectsSeen = Set<Term>()
        let url = "http://lodestar.test/dumps/big.ttl"
        for number in 1...pages.count {
            let quads = try parseRDF(try pages.page(number, of: snapshot, dumpURL: url), format: .turtle)
            let data = quads.filter { !$0.subject.description.contains("/dumps/") }
            let subjects = Set(data.map(\.subject))
            #expect(subjects.isDisjoint(with: subjectsSeen), "a subject is split over two pages")
            subjectsSeen.formUnion(subjects)
            seen += data
            let view = quads.filter { $0.subject == .iri("\(url)?page=\(number)") }
            #expect(view.contains { $0.predicate == .iri(DumpPages.hydra + "next") } == (number < pages.count))
            #expect(view.contains { $0.predicate == .iri(DumpPages.hydra + "previous") } == (number > 1))
        }
        #expect(Set(seen) == Set(snapshot.quads(in: big).map { Quad($0.subject, $0.predicate, $0.object) }))
        #expect(seen.count == 50)
        #expect(throws: DumpError.self) { try pages.page(10, of: snapshot, dumpURL: url) }
        try await store.close()
    }

    @Test func rangeHeaders() {
        #expect(ByteRangeRequest(header: nil, size: 100) == .whole)
        #expect(ByteRangeRequest(header: "bytes=0-9", size: 100) == .part(0...9))
        #expect(ByteRangeRequest(header: "bytes=90-", size: 100) == .part(90...99))
        #expect(ByteRangeRequest(header: "bytes=-10", size: 100) == .part(90...99))
        #expect(ByteRangeRequest(header: "bytes=50-500", size: 100) == .part(50...99))
        #expect(ByteRangeRequest(header: "bytes=100-", size: 100) == .unsatisfiable)
        #expect(ByteRangeRequest(header: "bytes=9-0", size: 100) == .whole)
        #expect(ByteRangeRequest(header: "bytes=0-1,5-6", size: 100) == .whole)
        #expect(ByteRangeRequest(header: "items=0-1", size: 100) == .whole)
        #expect(HTTPDate.parse(HTTPDate.format(Date(timeIntervalSince1970: 1_700_000_000))) == Date(timeIntervalSince1970: 1_700_000_000))
    }
}

/// Runs `body` with a store holding `data` (N-Quads) and a repository in a scratch folder.
func withRepository(data: String, _ body: (QuadStore, DumpRepository, String) async throws -> Void) async throws {
    let store = try await QuadStore.open(.memory)
    try await store.load(bytes: Array(data.utf8), name: "d.nq", format: .nquads, baseIRI: "http://example.org/")
    let directory = try scratchDirectory()
    let limiter = ComputeLimiter(permits: 2)
    let repository = DumpRepository(directory: directory, limiter: limiter)
    do {
        try await body(store, repository, directory)
    } catch {
        Issue.record(error)
    }
    await limiter.shutdown()
    try await store.close()
    try? FileManager.default.removeItem(atPath: directory)
}

/// The bytes a gzip file holds.
func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
    var buffer = ByteBuffer(bytes: bytes)
    let plain = try buffer.decompress(with: .gzip())
    return Array(plain.readableBytesView)
}
