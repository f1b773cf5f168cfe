import RDF
import Redland
import Resolver
import Store
import Testing

@Suite struct DocumentTests {
    let resolver = PURIResolver()

    @Test func holdsOwnAndInboundTriplesInEveryGraphGroupedByGraph() async throws {
        try await Fixture.withStore { store in
            let document = try resolver.document(namespace: .dr8, local: "Alpha", in: store.snapshot())
            let alpha = Term.iri(Fixture.iri("Alpha"))
            let graphs = Set(document.quads.filter { $0.subject == alpha || $0.object == alpha }.map(\.graph))
            #expect(graphs == Set([Fixture.skos, Fixture.archimate, Fixture.mappings, Fixture.solutions].map { GraphName.iri(IRI($0)) }))
            #expect(
                document.quads.contains(
                    Quad(
                        alpha,
                        .iri(RDFVocabulary.type),
                        .iri("https://w3id.org/lodestar/archimate#BusinessObject"),
                        graph: .iri(IRI(Fixture.archimate))
                    )
                )
            )
            #expect(document.quads.contains { $0.subject == .iri(Fixture.iri("Delta")) && $0.object == alpha })
            // Grouped: once a graph's quads end, that graph does not come back.
            var finished: Set<GraphName> = []
            var current: GraphName?
            for quad in document.quads where quad.graph != current {
                #expect(!finished.contains(quad.graph), "graph \(quad.graph) appears in two runs")
                if let current { finished.insert(current) }
                current = quad.graph
            }
            #expect(Set(document.quads).count == document.quads.count)
        }
    }

    @Test func followsBlankNodesToTheEnd() async throws {
        try await Fixture.withStore { store in
            let document = try resolver.document(namespace: .dr8, local: "Alpha", in: store.snapshot())
            let texts = document.quads.filter { $0.predicate == .iri("http://example.org/text") }.compactMap(\.object.literal?.lexicalForm)
            #expect(Set(texts) == ["first note", "second note"])
        }
    }

    @Test func carriesTheLabelsOfLinkedIRIsButNotTheirOtherTriples() async throws {
        try await Fixture.withStore { store in
            let document = try resolver.document(namespace: .dr8, local: "Alpha", in: store.snapshot())
            func labels(_ local: String) -> [String] {
                document.quads.filter { $0.subject == .iri(Fixture.iri(local)) && $0.predicate != .iri(DCTerms.identifier) }.compactMap(
                    \.object.literal?.lexicalForm
                )
            }
            #expect(Set(labels("Beta")) == ["Beta", "Bêta"])
            #expect(labels("Gamma") == ["Gamma"])
            #expect(labels("Delta").contains("Delta"))
            #expect(labels("view/TestView") == ["Test view"])
            #expect(!document.quads.contains { $0.object.literal?.lexicalForm == "Gamma's own definition" })
            #expect(!document.quads.contains { $0.object.literal?.lexicalForm == "not in Alpha's document" })
            #expect(document.quads.contains { $0.object.literal?.lexicalForm == "Solution One" })
        }
    }

    @Test func tripleFormatsGetEachTripleOnceInTheDefaultGraph() async throws {
        try await Fixture.withStore { store in
            let document = try resolver.document(namespace: .dr8, local: "Alpha", in: store.snapshot())
            let triples = document.quads(for: .graph(.turtle))
            #expect(triples.allSatisfy { $0.graph == .defaultGraph })
            #expect(Set(triples.map(\.triple)) == Set(document.quads.map(\.triple)))
            #expect(Set(triples).count == triples.count)
            #expect(document.quads(for: .graph(.nquads)) == document.quads)
        }
    }

    @Test func theNamespaceDocumentIsTheWholeScheme() async throws {
        try await Fixture.withStore { store in
            let document = try resolver.document(namespace: .dr8, local: "", in: store.snapshot())
            #expect(document.iri == IRI("http://data.europa.eu/dr8"))
            let subjects = Set(document.quads.compactMap(\.subject.iri))
            for local in ["Alpha", "Beta", "Gamma", "Delta", "Old", "view/TestView"] { #expect(subjects.contains(Fixture.iri(local)), "\(local)") }
            #expect(subjects.contains(IRI("http://data.europa.eu/dr8")))
            #expect(!subjects.contains(IRI("http://example.org/solution/1")))
        }
    }

    @Test func unknownPURIsSuggestTheNearest() async throws {
        try await Fixture.withStore { store in
            #expect(throws: ResolverError.self) { try resolver.document(namespace: .dr8, local: "Alpah", in: store.snapshot()) }
            do {
                _ = try resolver.document(namespace: .dr8, local: "Alpah", in: store.snapshot())
            } catch let error as ResolverError {
                guard case .unknownPURI(let iri, let suggestions) = error else {
                    Issue.record("\(error)")
                    return
                }
                #expect(iri == Fixture.iri("Alpah"))
                #expect(suggestions.first == Fixture.iri("Alpha"))
                #expect(suggestions.count == 5)
                #expect(error.description.contains("did you mean: http://data.europa.eu/dr8/Alpha"))
            }
            #expect(resolver.suggestions(for: "view/TestVeiw", in: .dr8, snapshot: store.snapshot(), limit: 1) == [Fixture.iri("view/TestView")])
            #expect(resolver.knownPURIs(in: .dr8, snapshot: store.snapshot()).count == 7)  // Alpha, Beta, Gamma, Delta, Old, Renamed, view/TestView
        }
    }

    @Test func entityTagsFollowTheContentAndTheRepresentation() async throws {
        try await Fixture.withStore { store in
            let before = try resolver.document(namespace: .dr8, local: "Beta", in: store.snapshot())
            let again = try resolver.document(namespace: .dr8, local: "Beta", in: store.snapshot())
            #expect(before.entityTag(for: .html) == again.entityTag(for: .html))
            #expect(before.entityTag(for: .html) != before.entityTag(for: .graph(.turtle)))
            #expect(before.entityTag(for: .html).hasPrefix("\"") && before.entityTag(for: .html).hasSuffix("\""))
            try await store.apply(
                ChangeSet(insertions: [Quad(.iri(Fixture.iri("Beta")), .iri(SKOS.altLabel), .string("B"), graph: .iri(IRI(Fixture.skos)))])
            )
            let after = try resolver.document(namespace: .dr8, local: "Beta", in: store.snapshot())
            #expect(after.entityTag(for: .html) != before.entityTag(for: .html))
            // A write elsewhere leaves the tag alone.
            try await store.apply(ChangeSet(insertions: [Quad(.iri("http://example.org/x"), .iri(RDFS.label), .string("x"))]))
            #expect(try resolver.document(namespace: .dr8, local: "Beta", in: store.snapshot()).entityTag(for: .html) == after.entityTag(for: .html))
        }
    }

    @Test func knownPURIsAreThoseTheStoreStillMentions() async throws {
        try await Fixture.withStore { store in
            try resolver.checkKnown(namespace: .dr8, local: "Gamma", in: store.snapshot())
            try resolver.checkKnown(namespace: .dr8, local: "", in: store.snapshot())
            #expect(throws: ResolverError.self) { try resolver.checkKnown(namespace: .dr8, local: "Gama", in: store.snapshot()) }
            let gamma = store.snapshot().allQuads.filter { $0.subject == .iri(Fixture.iri("Gamma")) || $0.object == .iri(Fixture.iri("Gamma")) }
            try await store.apply(ChangeSet(deletions: gamma))
            #expect(throws: ResolverError.self) { try resolver.checkKnown(namespace: .dr8, local: "Gamma", in: store.snapshot()) }
            #expect(throws: ResolverError.self) { try resolver.document(namespace: .dr8, local: "Gamma", in: store.snapshot()) }
        }
    }
}
