import Foundation
import RDF
import Redland
import Search
import Store
import Testing

/// The full-text index: prefix, accents, ranking, language, class filter, and staying in step with writes.
@Suite struct SearchIndexTests {
    static let data = """
        <http://example.org/policy> <http://www.w3.org/2004/02/skos/core#prefLabel> "Public Policy"@en <http://example.org/g/eira> .
        <http://example.org/policy> <http://www.w3.org/2004/02/skos/core#prefLabel> "Politique publique"@fr <http://example.org/g/eira> .
        <http://example.org/policy> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> <http://example.org/g/eira> .
        <http://example.org/act> <http://www.w3.org/2004/02/skos/core#prefLabel> "Legal Act"@en <http://example.org/g/eira> .
        <http://example.org/act> <http://www.w3.org/2004/02/skos/core#definition> "A legal act implements a public policy through binding rules."@en <http://example.org/g/eira> .
        <http://example.org/portal> <http://purl.org/dc/terms/title> "Portail de Données ouvertes"@fr <http://example.org/g/solutions> .
        <http://example.org/portal> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> <http://example.org/g/solutions> .
        <http://example.org/hub> <http://purl.org/dc/terms/description> "An interoperability hub for <script>alert(1)</script> services." <http://example.org/g/solutions> .

        """

    func withIndex(_ body: (QuadStore, SearchIndex) async throws -> Void) async throws {
        let store = try await QuadStore.open(.memory)
        do {
            try await store.load(bytes: Array(Self.data.utf8), name: "search.nq", format: .nquads, baseIRI: "http://example.org/")
            let index = try SearchIndex.attach(to: store)
            try await body(store, index)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    @Test func prefixesMatchAndCaseFolds() async throws {
        try await withIndex { store, index in
            let hits = try index.search("INTEROP*", in: store.snapshot())
            #expect(hits.map(\.subject.value) == ["http://example.org/hub"])
            #expect(hits.first?.snippet.contains("[interoperability]") == true)
            #expect(try index.search("interop", in: store.snapshot()).isEmpty)
        }
    }

    @Test func accentsFold() async throws {
        try await withIndex { store, index in
            let folded = try index.search("donnees", in: store.snapshot())
            let accented = try index.search("DONNÉES", in: store.snapshot())
            #expect(folded.map(\.subject.value) == ["http://example.org/portal"])
            #expect(accented.map(\.subject.value) == ["http://example.org/portal"])
        }
    }

    @Test func greekAndCyrillicAccentsFoldTooAndSnippetsKeepThem() async throws {
        try await withIndex { store, index in
            let graph = GraphName.iri(IRI("http://example.org/g/cities"))
            let label = IRI("http://www.w3.org/2000/01/rdf-schema#label")
            let description = IRI("http://purl.org/dc/terms/description")
            let athens = Term.iri(IRI("http://example.org/athens"))
            try await store.insert([
                Quad(athens, .iri(label), .literal(Literal("Αθήνα", language: "el")), graph: graph),
                Quad(athens, .iri(description), .literal(Literal("Η Ἀθῆναι είναι η πρωτεύουσα της Ελλάδας και του δήμου Αθηναίων.", language: "el")), graph: graph),
                Quad(.iri(IRI("http://example.org/tree")), .iri(label), .literal(Literal("ёлка", language: "ru")), graph: graph),
            ])
            let snapshot = store.snapshot()
            for query in ["Αθηνα", "αθήνα", "ΑΘΗΝΑ"] {
                let hits = try index.search(query, in: snapshot)
                #expect(hits.map(\.subject.value) == ["http://example.org/athens"], "\(query)")
                // The snippet shows the label as written, accents and all.
                #expect(hits.first?.snippet == "[Αθήνα]", "\(query)")
            }
            // Polytonic Greek (psili, perispomeni) folds as well; the snippet keeps them.
            let polytonic = try index.search("αθηναι πρωτευουσα", in: snapshot)
            #expect(polytonic.first?.snippet.contains("[Ἀθῆναι]") == true, "\(polytonic.first?.snippet ?? "")")
            #expect(polytonic.first?.snippet.contains("[πρωτεύουσα]") == true, "\(polytonic.first?.snippet ?? "")")
            #expect(try index.search("елка", in: snapshot).map(\.subject.value) == ["http://example.org/tree"])
            // A long text's snippet is cut around the match (an ellipsis where it was cut) and still shows the accents.
            let long = (1...40).map { "λέξη\($0)" }.joined(separator: " ") + " Δελφοί " + (41...80).map { "λέξη\($0)" }.joined(separator: " ")
            try await store.insert([Quad(.iri(IRI("http://example.org/delphi")), .iri(description), .literal(Literal(long, language: "el")), graph: graph)])
            let cut = try index.search("δελφοι", in: store.snapshot()).first?.snippet ?? ""
            #expect(cut.hasPrefix("…λέξη") && cut.hasSuffix("…") && cut.contains("[Δελφοί]"), "\(cut)")
            // Removing a folded text finds its row by the literal as written.
            try await store.replace(graph: graph, with: [])
            #expect(try index.search("Αθηνα", in: store.snapshot()).isEmpty)
            #expect(try index.search("елка", in: store.snapshot()).isEmpty)
        }
    }

    @Test func anExactLabelRanksAboveAMentionInADefinition() async throws {
        try await withIndex { store, index in
            let hits = try index.search("public polic*", in: store.snapshot())
            #expect(hits.map(\.subject.value) == ["http://example.org/policy", "http://example.org/act"])
            #expect(hits[0].score > hits[1].score)
        }
    }

    @Test func languageAndClassFilter() async throws {
        try await withIndex { store, index in
            let french = try index.search("publique", in: store.snapshot(), language: "fr")
            #expect(french.map(\.subject.value) == ["http://example.org/policy"] && french.first?.language == "fr")
            #expect(try index.search("publique", in: store.snapshot(), language: "en").isEmpty)
            let datasets = try index.search("portail", in: store.snapshot(), classes: [IRI("http://www.w3.org/ns/dcat#Dataset")])
            #expect(datasets.map(\.subject.value) == ["http://example.org/portal"])
            #expect(try index.search("policy", in: store.snapshot(), classes: [IRI("http://www.w3.org/ns/dcat#Dataset")]).isEmpty)
        }
    }

    @Test func aWriteIsFoundAtOnceAndDroppingItsGraphRemovesIt() async throws {
        try await withIndex { store, index in
            let before = store.snapshot()
            let quad = Quad(
                .iri(IRI("http://example.org/new")), .iri(IRI("http://www.w3.org/2000/01/rdf-schema#label")),
                .literal(Literal("Zanzibar registry", language: "en")), graph: .iri(IRI("http://example.org/g/new")))
            try await store.insert([quad])
            let found = try index.search("zanzib*", in: store.snapshot())
            #expect(found.map(\.subject.value) == ["http://example.org/new"])
            #expect(index.version == store.snapshot().version)
            // A reader on the older snapshot does not see it.
            #expect(try index.search("zanzib*", in: before).isEmpty)
            try await store.replace(graph: .iri(IRI("http://example.org/g/new")), with: [])
            #expect(try index.search("zanzib*", in: store.snapshot()).isEmpty)
            try await store.replace(graph: .iri(IRI("http://example.org/g/solutions")), with: [])
            #expect(try index.search("donnees", in: store.snapshot()).isEmpty)
        }
    }

    @Test func aWriteWithoutIndexedTextMovesTheVersionAndKeepsTheRows() async throws {
        try await withIndex { store, index in
            let graph = GraphName.iri(IRI("http://example.org/g/plain"))
            let link = Quad(.iri(IRI("http://example.org/a")), .iri(IRI("http://example.org/next")), .iri(IRI("http://example.org/b")), graph: graph)
            try await store.insert([link])
            #expect(index.version == store.snapshot().version)
            #expect(try index.search("policy", in: store.snapshot()).first?.subject.value == "http://example.org/policy")
            let label = Quad(.iri(IRI("http://example.org/a")), .iri(RDFS.label), .literal(Literal("Wombat atlas")), graph: graph)
            try await store.insert([label])
            try await store.remove([link])
            #expect(index.version == store.snapshot().version)
            #expect(try index.search("wombat", in: store.snapshot()).map(\.subject.value) == ["http://example.org/a"])
        }
    }

    @Test func operatorsAndPunctuationAreWordsNeverErrors() async throws {
        try await withIndex { store, index in
            for text in ["\"", "AND OR NOT", "(public", "policy)", "NEAR(a b)", "*", "-", "public:policy", "^x", ""] {
                _ = try index.search(text, in: store.snapshot())
            }
            #expect(try index.search("public-policy", in: store.snapshot()).first?.subject.value == "http://example.org/policy")
        }
    }

    @Test func aStaleIndexFileIsRebuilt() async throws {
        let path = "/tmp/lodestar-search-test-\(UInt64.random(in: 0...UInt64.max)).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withIndex { store, _ in
            let first = try SearchIndex(path: path, snapshot: store.snapshot())
            #expect(first.version == store.snapshot().version)
            try await store.insert([
                Quad(.iri(IRI("http://example.org/late")), .iri(RDFS.label), .literal(Literal("Quokka")), graph: .iri(IRI("http://example.org/g")))
            ])
            // Reopened at a newer store version, the file is stale: it is rebuilt and finds the new label.
            let reopened = try SearchIndex(path: path, snapshot: store.snapshot())
            #expect(try reopened.search("quokka", in: store.snapshot()).count == 1)
        }
    }
}

