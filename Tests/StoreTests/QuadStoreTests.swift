import Foundation
import RDF
import Store
import Testing
import TestKit

@Suite("QuadStore in memory")
struct QuadStoreTests {
    @Test func insertRemoveAndCount() async throws {
        let store = try await QuadStore.open(.memory)
        let report = try await store.insert([quad("a", "p", "b"), quad("a", "p", "b"), quad("a", "p", "c", graph: "g")])
        #expect(report.inserted == 2)
        #expect(store.snapshot().count == 2)
        let removal = try await store.remove([quad("a", "p", "b"), quad("x", "p", "y")])
        #expect(removal.deleted == 1)
        #expect(store.snapshot().allQuads == [quad("a", "p", "c", graph: "g")])
    }

    @Test func snapshotsAreIsolatedFromLaterWrites() async throws {
        let store = try await QuadStore.open(.memory)
        try await store.insert([quad("a", "p", "b")])
        let before = store.snapshot()
        try await store.insert([quad("a", "p", "c")])
        try await store.remove([quad("a", "p", "b")])
        #expect(Set(before.allQuads) == [quad("a", "p", "b")])
        #expect(before.id(of: iri("c")) == nil, "a term issued after the snapshot is not the snapshot's")
        #expect(Set(store.snapshot().allQuads) == [quad("a", "p", "c")])
    }

    @Test func deleteThenInsertInOneChangeKeepsTheQuad() async throws {
        let store = try await QuadStore.open(.memory)
        try await store.insert([quad("a", "p", "b")])
        let report = try await store.apply(ChangeSet(deletions: [quad("a", "p", "b")], insertions: [quad("a", "p", "b")]))
        #expect(report == WriteReport(inserted: 0, deleted: 0, version: 1))
        #expect(store.snapshot().count == 1)
    }

    @Test func replaceGraphIsAtomic() async throws {
        let store = try await QuadStore.open(.memory)
        try await store.insert([quad("a", "p", "b", graph: "g"), quad("a", "p", "c", graph: "g"), quad("z", "p", "z")])
        try await store.replace(graph: .iri(IRI("http://example.org/g")), with: [quad("n", "p", "n")])
        let snapshot = store.snapshot()
        #expect(Set(snapshot.quads(in: .iri(IRI("http://example.org/g")))) == [quad("n", "p", "n", graph: "g")])
        #expect(snapshot.quads(in: .defaultGraph) == [quad("z", "p", "z")])
    }

    @Test func namedGraphsListOnlyGraphsWithQuads() async throws {
        let store = try await QuadStore.open(.memory)
        try await store.insert([quad("a", "p", "b", graph: "g1"), quad("a", "p", "b", graph: "g2"), quad("a", "p", "b")])
        try await store.remove([quad("a", "p", "b", graph: "g1")])
        let snapshot = store.snapshot()
        #expect(snapshot.namedGraphs.map { snapshot.term(for: $0) } == [iri("g2")])
    }

    @Test func refusesLiteralSubjectsAndHugeIRIs() async throws {
        let store = try await QuadStore.open(.memory)
        await #expect(throws: StoreError.self) {
            try await store.insert([Quad(.string("x"), iri("p"), iri("o"))])
        }
        await #expect(throws: StoreError.self) {
            try await store.insert([Quad(.iri(IRI("http://e/" + String(repeating: "a", count: 70_000))), iri("p"), iri("o"))])
        }
        #expect(store.snapshot().count == 0)
    }

    /// Every pattern shape, with and without a graph, against a brute-force filter, across base and delta and removals.
    @Test(arguments: [4, 100_000])
    func everyPatternShapeMatchesBruteForce(deltaLimit: Int) async throws {
        let store = try await QuadStore.open(StoreOptions(location: .memory, deltaLimit: deltaLimit))
        var generator = SplitMix(seed: 7)
        var all = Set<Quad>()
        for round in 0..<6 {
            var batch = [Quad]()
            for _ in 0..<40 {
                batch.append(
                    quad("s\(generator.next() % 6)", "p\(generator.next() % 3)", "o\(generator.next() % 6)",
                        graph: generator.next() % 3 == 0 ? nil : "g\(generator.next() % 3)"))
            }
            if round % 2 == 1 {
                let removals = Array(all.prefix(15))
                try await store.remove(removals)
                all.subtract(removals)
            }
            try await store.insert(batch)
            all.formUnion(batch)
        }
        let snapshot = store.snapshot()
        #expect(Set(snapshot.allQuads) == all)
        #expect(snapshot.count == all.count)
        let terms = [nil] + (0..<6).map { Optional(iri("s\($0)")) } + (0..<3).map { Optional(iri("p\($0)")) } + [Optional(iri("o1"))]
        let graphs: [GraphName?] = [nil, .defaultGraph, .iri(IRI("http://example.org/g1")), .iri(IRI("http://example.org/g2"))]
        for s in terms.prefix(4) {
            for p in [nil, iri("p0"), iri("p2")] {
                for o in [nil, iri("o1"), iri("o3")] {
                    for g in graphs {
                        let expected = all.filter {
                            (s == nil || $0.subject == s) && (p == nil || $0.predicate == p) && (o == nil || $0.object == o)
                                && (g == nil || $0.graph == g)
                        }
                        let unknown = [s, p, o, g?.term].contains { term in term.map { snapshot.id(of: $0) == nil } ?? false }
                        if unknown {
                            #expect(expected.isEmpty)
                            continue
                        }
                        let pattern = EncodedQuadPattern(
                            subject: s.flatMap(snapshot.id(of:)), predicate: p.flatMap(snapshot.id(of:)),
                            object: o.flatMap(snapshot.id(of:)), graph: g.flatMap(snapshot.id(of:)))
                        let found = Set(snapshot.quads(matching: pattern).map(snapshot.quad(for:)))
                        #expect(found == expected, "pattern \(String(describing: s)) \(String(describing: p)) \(String(describing: o)) \(String(describing: g))")
                        #expect(snapshot.count(matching: pattern) == expected.count)
                        #expect(snapshot.estimatedCount(matching: pattern) >= expected.count)
                    }
                }
            }
        }
    }
}
