import RDF
import Redland
import Resolver
import Store
import Testing

/// Pages of any resource (`/resource?iri=…`): solutions, links, languages, cartography and replaced PURIs.
@Suite struct ResourcePageTests {
    let resolver = PURIResolver()
    let pages = PageRenderer(namespaces: PURINamespaces.standard)

    func page(_ iri: String, _ store: QuadStore, languages: String? = nil) throws -> String {
        let document = try resolver.document(of: IRI(iri), in: store.snapshot())
        return pages.page(for: document, languages: LanguagePreference(acceptLanguage: languages))
    }

    @Test func anyIRIInTheStoreHasADocumentAtItsResourcePath() async throws {
        try await Fixture.withStore(extra: CatalogueFixture.nquads) { store in
            let document = try resolver.document(of: IRI(CatalogueFixture.solution), in: store.snapshot())
            #expect(document.namespace == nil)
            #expect(document.path(for: .graph(.turtle)) == "/resource.ttl?iri=http%3A%2F%2Fexample.org%2Fsolution%2F2")
            #expect(document.path(for: nil) == "/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F2")
            // The distribution's own triples come along, so the page needs no second lookup.
            let distribution = Term.iri("http://example.org/solution/2/dist")
            #expect(document.quads.contains { $0.subject == distribution && $0.predicate == .iri(DCTerms.license) })
            // A predicate IRI used nowhere else still has a document: a sample of its uses.
            let keyword = try resolver.document(of: IRI("http://www.w3.org/ns/dcat#keyword"), in: store.snapshot())
            #expect(keyword.quads.filter { $0.predicate == .iri(IRI("http://www.w3.org/ns/dcat#keyword")) }.count == 2)
            // A graph name too.
            let graph = try resolver.document(of: IRI(CatalogueFixture.provenance), in: store.snapshot())
            #expect(!graph.quads.isEmpty)
        }
    }

    @Test func unknownIRIsAreRefusedWithLookAlikes() async throws {
        try await Fixture.withStore(extra: CatalogueFixture.nquads) { store in
            do {
                _ = try resolver.document(of: IRI("http://example.org/solution/3"), in: store.snapshot())
                Issue.record("an unknown IRI has no document")
            } catch ResolverError.unknownResource(let iri, let suggestions) {
                #expect(iri.value == "http://example.org/solution/3")
                // Described (typed or labelled by the index's predicates) IRIs under the same base, nearest first.
                #expect(suggestions.first?.value == "http://example.org/solution/2")
            }
            let html = pages.notFoundPage(forResource: IRI("http://example.org/<script>"), suggestions: [IRI("http://example.org/solution/1")])
            #expect(!html.contains("<script>") && html.contains("http://example.org/&lt;script&gt;"))
            #expect(html.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F1">"#))
        }
    }

    @Test func aSolutionPageShowsItsCatalogueRecord() async throws {
        try await Fixture.withStore(extra: CatalogueFixture.nquads) { store in
            let html = try page(CatalogueFixture.solution, store)
            #expect(html.contains("<h1>Open Data Portal</h1>"))
            #expect(html.contains("A portal for &lt;b&gt;open&lt;/b&gt; data.") && !html.contains("<b>open</b>"))
            #expect(html.contains(#"<tr><td>Publisher</td><td><a href="/resource?iri=http%3A%2F%2Fexample.org%2Fagency">Example Agency</a>"#))
            #expect(html.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fcontact">Help desk</a> <a class="email" href="mailto:help@example.org">help@example.org</a>"#))
            #expect(html.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F2%2Frelease%2F1">Release 1.0</a>"#))
            #expect(html.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F2%2Fdist">CSV export</a>"#))
            #expect(html.contains(#"licence: <a href="/resource?iri=http%3A%2F%2Fexample.org%2Flicence%2Feupl">EUPL 1.2</a>"#))
            #expect(html.contains(#"<a class="download" rel="nofollow" href="https://downloads.example.org/portal.csv">"#))
            #expect(html.contains(#"<span class="badge">open data</span>"#) && !html.contains(#"<span class="badge">données</span>"#))
            #expect(html.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Ftheme%2Fgov">Government</a>"#))
            // The blocks it implements, by label and identifier, at their current PURI pages: Old was replaced by Alpha,
            // and eira/Beta is dr8/Beta's other form.
            #expect(html.contains(#"<span class="badge"><a href="/dr8/Alpha">Alpha &lt;script&gt;alert(1)&lt;/script&gt;</a> <small>ABB1</small></span>"#))
            #expect(html.contains(#"<span class="badge"><a href="/dr8/Beta">Beta</a> <small>ABB2</small></span>"#))
            // (The table of statements further down still shows the triples as they are said.)
            let row = html.split(separator: "<td>EIRA building blocks</td>").dropFirst().first.map { String($0.prefix { $0 != "\n" }) } ?? ""
            #expect(!row.isEmpty && !row.contains("/dr8/Old") && !row.contains("eira%2FBeta"), "\(row)")
            // Where it was harvested from, and when.
            #expect(html.contains(#"From the source <a href="/sources/joinup">joinup</a>, last on 2026-12-01T10:00:00Z."#))
        }
    }

    @Test func onlyWebAndMailIRIsBecomeLinksElsewhere() async throws {
        try await Fixture.withStore(extra: CatalogueFixture.nquads) { store in
            let html = try page(CatalogueFixture.solution, store)
            #expect(!html.contains(#"href="javascript"#) && !html.lowercased().contains("href=\"javascript:"))
            #expect(html.contains(#"<span class="text-iri">javascript:alert(4)</span>"#))
            // The download link list leaves the javascript: access URL out.
            #expect(!html.contains("alert(2)</a>"))
            let hrefs = html.split(separator: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            let unsafe = hrefs.filter { !($0.hasPrefix("/") || $0.hasPrefix("https://") || $0.hasPrefix("http://") || $0.hasPrefix("mailto:")) }
            #expect(unsafe.isEmpty, "\(unsafe)")
        }
    }

    @Test func labelsFollowTheReadersLanguage() async throws {
        try await Fixture.withStore(extra: CatalogueFixture.nquads) { store in
            let french = try page(CatalogueFixture.solution, store, languages: "fr-BE, fr;q=0.9, en;q=0.5")
            #expect(french.contains("<h1>Portail de données ouvertes</h1>"))
            #expect(french.contains(#"<span class="badge">données</span>"#))
            let english = try page(CatalogueFixture.solution, store, languages: "de, en;q=0.8")
            #expect(english.contains("<h1>Open Data Portal</h1>"))
            let view = try page("http://data.europa.eu/dr8/view/TestView", store, languages: "fr")
            #expect(view.contains(#"<a href="/dr8/Beta">Bêta</a>"#))
            #expect(LanguagePreference(acceptLanguage: "en;q=0, *, fr;q=0.4, de").ranges == ["de", "fr"])
        }
    }

    @Test func aBlockListsTheSolutionsOfEveryNameItHad() async throws {
        try await Fixture.withStore(extra: CatalogueFixture.nquads) { store in
            // Alpha replaced Old; solution 2 names Old, solution 1 names Alpha.
            let alpha = try resolver.document(namespace: .dr8, local: "Alpha", in: store.snapshot())
            #expect(alpha.equivalents.contains(IRI("http://data.europa.eu/dr8/Old")))
            #expect(alpha.equivalents.contains(IRI("http://data.europa.eu/eira/Alpha")))
            #expect(alpha.solutionCounts[Fixture.iri("Alpha")] == 2)
            let html = pages.page(for: alpha)
            #expect(html.contains(#"<h2>Solutions implementing this building block <small>(2)</small></h2>"#))
            #expect(html.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F2">Open Data Portal</a> <small>· <a href="/resource?iri=http%3A%2F%2Fexample.org%2Fagency">Example Agency</a></small>"#))
            // Beta is named by its eira form.
            let beta = try resolver.document(namespace: .dr8, local: "Beta", in: store.snapshot())
            #expect(beta.solutionCounts[Fixture.iri("Beta")] == 1)
            // The view counts each member's solutions.
            let view = pages.page(for: try resolver.document(namespace: .dr8, local: "view/TestView", in: store.snapshot()))
            #expect(view.contains(#"<h2>Building blocks in this view <small>(2; 2 with solutions)</small></h2>"#))
            #expect(view.contains(#"<small class="solutions">· 2 solutions</small>"#) && view.contains(#"<small class="solutions">· 1 solution</small>"#))
        }
    }

    @Test func aPURIKnownOnlyAsReplacedLeadsToItsSuccessor() async throws {
        try await Fixture.withStore(extra: CatalogueFixture.nquads) { store in
            let html = try page("http://data.europa.eu/dr8/Forgotten", store)
            #expect(html.contains(#"<strong>Replaced.</strong>"#))
            #expect(html.contains(#"Replaced by <a class="replacement" href="/dr8/Beta">Beta <code>dr8/Beta</code></a>."#))
        }
    }

    @Test func aSolutionShowsEachBlockItNamesAsTheCurrentBlock() async throws {
        let solution = "http://example.org/solution/3"
        let graph = "<http://example.org/graph/solutions>"
        let types = ["eira/Beta", "dr8/Renamed", "eira/Forgotten", "eira/Old", "eira/Unknown"].map { name in
            "<\(solution)> <http://purl.org/dc/terms/type> <http://data.europa.eu/\(name)> \(graph) .\n"
        }
        let extra = CatalogueFixture.nquads + types.joined()
            + "<\(solution)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/adms#Asset> \(graph) .\n"
            + "<http://data.europa.eu/dr8/Older> <http://purl.org/dc/terms/isReplacedBy> <http://data.europa.eu/dr8/Old> \(graph) .\n"
            + "<\(solution)> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/Older> \(graph) .\n"
        try await Fixture.withStore(extra: extra) { store in
            let document = try resolver.document(of: IRI(solution), in: store.snapshot())
            // eira/Beta and Renamed (isReplacedBy) and Forgotten (replaced by Beta) are all Beta now; eira/Old and
            // Older (two steps back) are Alpha; an eira/ form no served PURI matches stays as it is.
            #expect(document.currentBlocks[IRI("http://data.europa.eu/eira/Beta")] == Fixture.iri("Beta"))
            #expect(document.currentBlocks[Fixture.iri("Renamed")] == Fixture.iri("Beta"))
            #expect(document.currentBlocks[IRI("http://data.europa.eu/eira/Forgotten")] == Fixture.iri("Beta"))
            #expect(document.currentBlocks[IRI("http://data.europa.eu/eira/Old")] == Fixture.iri("Alpha"))
            #expect(document.currentBlocks[Fixture.iri("Older")] == Fixture.iri("Alpha"))
            #expect(document.currentBlocks[IRI("http://data.europa.eu/eira/Unknown")] == nil)
            let french = pages.page(for: document, languages: LanguagePreference(acceptLanguage: "fr"))
            let row = french.split(separator: "<td>EIRA building blocks</td>").dropFirst().first.map { String($0.prefix { $0 != "\n" }) } ?? ""
            // The block's label in the reader's language, once, at its PURI page.
            #expect(row.ranges(of: #"<a href="/dr8/Beta">Bêta</a> <small>ABB2</small>"#).count == 1, "\(row)")
            #expect(row.ranges(of: #"<a href="/dr8/Alpha">"#).count == 1, "\(row)")
            #expect(row.contains(#"<a href="/resource?iri=http%3A%2F%2Fdata.europa.eu%2Feira%2FUnknown">Unknown</a>"#), "\(row)")
            #expect(!row.contains("Renamed") && !row.contains("Forgotten") && !row.contains("/dr8/Old"), "\(row)")
            // The eira/ form's own page leads to the block, by its label and PURI.
            let form = try page("http://data.europa.eu/eira/Forgotten", store)
            #expect(form.contains(#"Another name of the EIRA building block <a class="replacement" href="/dr8/Beta">Beta <code>dr8/Beta</code></a>."#))
            #expect(form.contains("<title>Beta · Lodestar</title>"), "titled by the block it names")
            #expect(!(try page("http://data.europa.eu/eira/Unknown", store)).contains("Another name"))
            // The entity tag follows the mapping, so a page cached before a replacement was loaded revalidates.
            var moved = document
            moved.currentBlocks[Fixture.iri("Renamed")] = Fixture.iri("Alpha")
            #expect(moved.entityTag(for: .html) != document.entityTag(for: .html))
        }
    }
}
