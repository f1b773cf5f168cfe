import Foundation
import RDF
import Search
import Store
import Testing

/// The index's static order (labels before longer texts, shorter before longer) with the batched candidate reading:
/// the best hit is found however many weaker matches were written before it, filters reach past the first batch, and
/// a cut list says so.
@Suite struct SearchOrderTests {
    static let description = IRI("http://purl.org/dc/terms/description")
    static let dataset = IRI("http://www.w3.org/ns/dcat#Dataset")

    /// `count` resources whose descriptions mention "zebra", then one whose label is "Zebra", all in graph `g`.
    func store(mentions count: Int, typedLast: Bool = false) async throws -> QuadStore {
        let store = try await QuadStore.open(.memory)
        let graph = GraphName.iri(IRI("http://example.org/g"))
        var quads = (0..<count).map { n in
            Quad(.iri(IRI("http://example.org/m/\(n)")), .iri(Self.description), .literal(Literal("A long text \(n) that mentions a zebra in passing.", language: "en")), graph: graph)
        }
        quads.append(Quad(.iri(IRI("http://example.org/zebra")), .iri(RDFS.label), .literal(Literal("Zebra", language: "en")), graph: graph))
        if typedLast {
            quads.append(Quad(.iri(IRI("http://example.org/m/\(count - 1)")), .iri(RDFVocabulary.type), .iri(Self.dataset), graph: graph))
        }
        try await store.insert(quads)
        return store
    }

    @Test func anExactLabelWrittenLastBeatsManyEarlierMentions() async throws {
        let store = try await store(mentions: 700)
        let index = try SearchIndex.attach(to: store)
        let hits = try index.search("zebra", in: store.snapshot(), limit: 10)
        #expect(hits.first?.subject.value == "http://example.org/zebra")
        #expect(hits.count == 10)
        #expect(hits.more)
        // A write after the index was built takes its tier's place too.
        try await store.insert([Quad(.iri(IRI("http://example.org/zebras")), .iri(SKOS.prefLabel), .literal(Literal("Zebras")), graph: .defaultGraph)])
        #expect(try index.search("zebra*", in: store.snapshot(), limit: 3).prefix(2).map(\.subject.value).sorted()
            == ["http://example.org/zebra", "http://example.org/zebras"])
        try await store.close()
    }

    @Test func aLimitThatHoldsEveryMatchSaysThereIsNoMore() async throws {
        let store = try await store(mentions: 600)
        let index = try SearchIndex.attach(to: store)
        let all = try index.search("zebra", in: store.snapshot(), limit: 500, offset: 200)
        #expect(all.count == 401)
        #expect(!all.more)
        let page = try index.search("zebra", in: store.snapshot(), limit: 100, offset: 100)
        #expect(page.count == 100)
        #expect(page.more)
        try await store.close()
    }

    @Test func aClassFilterFindsAHitPastTheFirstBatches() async throws {
        let store = try await store(mentions: 1_500, typedLast: true)
        let index = try SearchIndex.attach(to: store)
        let hits = try index.search("zebra", in: store.snapshot(), classes: [Self.dataset])
        #expect(hits.map(\.subject.value) == ["http://example.org/m/1499"])
        #expect(!hits.more)
        try await store.close()
    }

    @Test func removingOneOfTwoEqualTextsKeepsTheOther() async throws {
        let store = try await QuadStore.open(.memory)
        let subject = Term.iri(IRI("http://example.org/twin"))
        let one = Quad(subject, .iri(RDFS.label), .literal(Literal("Okapi")), graph: .iri(IRI("http://example.org/one")))
        let two = Quad(subject, .iri(RDFS.label), .literal(Literal("Okapi")), graph: .iri(IRI("http://example.org/two")))
        try await store.insert([one, two])
        let index = try SearchIndex.attach(to: store)
        try await store.remove([one])
        #expect(try index.search("okapi", in: store.snapshot()).count == 1)
        try await store.remove([two])
        #expect(try index.search("okapi", in: store.snapshot()).isEmpty)
        try await store.close()
    }

    /// Searches on several threads at once while writes land: each search answers, and a search that starts after a
    /// write was acknowledged finds it.
    @Test func searchesRunAlongsideWrites() async throws {
        let store = try await store(mentions: 300)
        let index = try SearchIndex.attach(to: store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<20 {
                        let hits = try index.search("zebra", in: store.snapshot(), limit: 20)
                        #expect(hits.count == 20)
                    }
                }
            }
            group.addTask {
                for n in 0..<20 {
                    let quad = Quad(.iri(IRI("http://example.org/new/\(n)")), .iri(RDFS.label), .literal(Literal("Quagga \(n)")), graph: .defaultGraph)
                    try await store.insert([quad])
                    let found = try index.search("quagga \(n)", in: store.snapshot())
                    #expect(found.map(\.subject.value) == ["http://example.org/new/\(n)"])
                }
            }
            try await group.waitForAll()
        }
        try await store.close()
    }

    /// Queries a reader might type that are FTS5 syntax, or no words at all: none is an error, operators are words.
    @Test func oddQueriesAnswerWithoutError() async throws {
        let store = try await QuadStore.open(.memory)
        let graph = GraphName.iri(IRI("http://example.org/g"))
        try await store.insert([
            Quad(.iri(IRI("http://example.org/near")), .iri(RDFS.label), .literal(Literal("NEAR and OR not title")), graph: graph),
            Quad(.iri(IRI("http://example.org/greek")), .iri(RDFS.label), .literal(Literal("Δημόσια Πολιτική", language: "el")), graph: graph),
            Quad(.iri(IRI("http://example.org/cjk")), .iri(RDFS.label), .literal(Literal("公共政策", language: "zh")), graph: graph),
            Quad(.iri(IRI("http://example.org/cafe")), .iri(RDFS.label), .literal(Literal("Café Crème")), graph: graph),
        ])
        let index = try SearchIndex.attach(to: store)
        let snapshot = store.snapshot()
        for text in ["", "   ", "*", "**", "\"", "\"\"", "AND", "OR NOT", "NEAR(a b)", "title:x", "{label}: x", "^near", "-near", "(", ")",
            "a*b", "'", "\\", "\u{0}", String(repeating: "word ", count: 5_000), String(repeating: "x", count: 100_000)] {
            _ = try index.search(text, in: snapshot)
        }
        #expect(try index.search("near OR", in: snapshot).map(\.subject.value) == ["http://example.org/near"])
        #expect(try index.search("NEAR(near title)", in: snapshot).map(\.subject.value) == ["http://example.org/near"])
        #expect(try index.search("label:near", in: snapshot).isEmpty)
        // Quotes make a phrase: its words in that order, side by side; an unclosed quote runs to the end.
        #expect(try index.search("\"near and\"", in: snapshot).map(\.subject.value) == ["http://example.org/near"])
        #expect(try index.search("\"and near\"", in: snapshot).isEmpty)
        #expect(try index.search("and near", in: snapshot).map(\.subject.value) == ["http://example.org/near"])
        #expect(try index.search("title \"near an*", in: snapshot).map(\.subject.value) == ["http://example.org/near"])
        #expect(try index.search("ΔΗΜΌΣΙΑ", in: snapshot).map(\.subject.value) == ["http://example.org/greek"])
        #expect(try index.search("ΠΟΛΙΤ*", in: snapshot, language: "el").map(\.subject.value) == ["http://example.org/greek"])
        #expect(try index.search("公共政策", in: snapshot).map(\.subject.value) == ["http://example.org/cjk"])
        #expect(try index.search("creme cafe", in: snapshot).map(\.subject.value) == ["http://example.org/cafe"])
        #expect(try index.search("c*", in: snapshot).map(\.subject.value) == ["http://example.org/cafe"])
        try await store.close()
    }
}
