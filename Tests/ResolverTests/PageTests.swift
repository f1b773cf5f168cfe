import RDF
import Redland
import Resolver
import Store
import Testing

@Suite struct PageTests {
    let resolver = PURIResolver()
    let pages = PageRenderer(namespaces: PURINamespaces.standard)

    func page(_ local: String, _ store: QuadStore) throws -> String {
        pages.page(for: try resolver.document(namespace: .dr8, local: local, in: store.snapshot()))
    }

    @Test func literalsShowAsTextNeverAsMarkup() async throws {
        try await Fixture.withStore { store in
            let html = try page("Alpha", store)
            #expect(!html.contains("<script>"))
            #expect(html.contains("<h1>Alpha &lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
            // The view page lists Alpha by its label: escaped there too.
            let view = try page("view/TestView", store)
            #expect(!view.contains("<script>"))
            #expect(view.contains("Alpha &lt;script&gt;"))
            // Absent values leave no trace (an optional printed as "nil" once did).
            #expect(!view.contains("nil") && !view.contains("badge id"))
        }
    }

    @Test func anABBPageShowsItsIdentifierDefinitionAndLinks() async throws {
        try await Fixture.withStore { store in
            let html = try page("Alpha", store)
            #expect(html.contains(#"<span class="badge id">ABB1</span>"#))
            #expect(html.contains("<h3>Description</h3><p>First line of A.<br>Second line of A.<br></p><p>Another paragraph.<br></p>"))
            #expect(html.contains("<h3>Interoperability saliency</h3><p>Salient &amp; important.<br></p>"))
            #expect(html.contains("<h3>Examples</h3><p>An example.<br></p>"))
            #expect(html.contains(#"<a href="/dr8/Beta">Beta</a> <small>ABB2</small>"#))
            #expect(html.contains(#"<h2>Views <small>(1)</small></h2>"#))
            #expect(html.contains(#"<a href="/dr8/view/TestView">Test view</a>"#))
            #expect(html.contains(#"<h2>Broader <small>(1)</small></h2>"#) && html.contains(#"<a href="/dr8/Gamma">Gamma</a>"#))
            #expect(html.contains(#"<h2>Related <small>(1)</small></h2>"#) && html.contains(#"<a href="/dr8/Beta">Beta</a>"#))
            #expect(html.contains(#"<h2>Solutions implementing this building block <small>(1)</small></h2>"#))
            #expect(html.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F1">Solution One</a>"#))
            #expect(html.contains(#"<h2>Replaces <small>(1)</small></h2>"#) && html.contains(#"<a href="/dr8/Old">Old block</a>"#))
            #expect(!html.contains("Deprecated."))
        }
    }

    @Test func archiMateRelationsAreGroupedByType() async throws {
        try await Fixture.withStore { store in
            let html = try page("Alpha", store)
            #expect(html.contains(#"<span class="badge"><a href="/resource?iri=https%3A%2F%2Fw3id.org%2Flodestar%2Farchimate%23BusinessObject">BusinessObject</a></span>"#))
            #expect(html.contains(#"<h3>aggregation</h3>"#) && html.contains(#"<li>→ <a href="/dr8/Beta">Beta</a> <small>ABB2</small></li>"#))
            #expect(html.contains(#"<h3>serving</h3>"#) && html.contains(#"<li>← <a href="/dr8/Delta">Delta</a></li>"#))
        }
    }

    @Test func deprecatedPagesLinkTheirReplacement() async throws {
        try await Fixture.withStore { store in
            let html = try page("Old", store)
            #expect(html.contains(#"<div class="deprecated" role="note"><strong>Replaced.</strong>"#))
            #expect(html.contains(#"Replaced by <a class="replacement" href="/dr8/Alpha">Alpha &lt;script&gt;alert(1)&lt;/script&gt; <code>dr8/Alpha</code></a>."#))
        }
    }

    /// A PURI that a later release renamed (the importer's mapping graph) is deprecated without `owl:deprecated`.
    @Test func renamedPURIsAreMarkedDeprecatedWithTheirSuccessor() async throws {
        try await Fixture.withStore { store in
            let html = try page("Renamed", store)
            #expect(html.contains(#"<div class="deprecated" role="note"><strong>Replaced.</strong>"#))
            #expect(html.contains(#"Replaced by <a class="replacement" href="/dr8/Beta">Beta <code>dr8/Beta</code></a>."#))
            #expect(!(try page("Beta", store)).contains(#"<div class="deprecated""#))
        }
    }

    @Test func pagesLinkEveryFormatAndTheSPARQLQuery() async throws {
        try await Fixture.withStore { store in
            let html = try page("view/TestView", store)
            for ext in ["ttl", "rdf", "nt", "jsonld", "nq", "trig"] { #expect(html.contains(#"href="/doc/dr8/view/TestView.\#(ext)""#)) }
            #expect(html.contains(#"href="/sparql?query=SELECT%20%3Fgraph"#))
            #expect(html.contains(#"<h2>Building blocks in this view <small>(2; 1 with solutions)</small></h2>"#))
            // Nothing from other sites and no script: the one stylesheet is our own (the CSP allows no inline style).
            #expect(!html.contains("http://fonts.") && !html.contains("<script"))
            #expect(html.contains(#"<link rel="stylesheet" href="/assets/page.css">"#) && !html.contains(#"<link rel="stylesheet" href="http"#))
        }
    }

    @Test func theNamespacePageListsTheViews() async throws {
        try await Fixture.withStore { store in
            let html = try page("", store)
            #expect(html.contains("<h1>EIRA test scheme</h1>"))
            #expect(html.contains(#"<li><a href="/dr8/view/TestView">Test view</a> <small>2 building blocks</small></li>"#))
            #expect(html.contains(#"<a href="/dr8/Old">Old block</a> <small>(deprecated)</small>"#))
        }
    }

    @Test func theNotFoundPageSuggestsPURIs() async throws {
        try await Fixture.withStore { store in
            let suggestions = resolver.suggestions(for: "Alpah", in: .dr8, snapshot: store.snapshot())
            let html = pages.notFoundPage(for: Fixture.iri("Alpah<b>"), suggestions: suggestions, namespace: .dr8)
            #expect(html.contains("<code>http://data.europa.eu/dr8/Alpah&lt;b&gt;</code>"))
            #expect(html.contains(#"<li><a href="/dr8/Alpha">Alpha</a> <small>http://data.europa.eu/dr8/Alpha</small></li>"#))
        }
    }
}
