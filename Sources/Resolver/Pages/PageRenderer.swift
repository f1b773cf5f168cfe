import Mustache
public import RDF
public import Search
public import Store

/// Renders PURI documents as HTML pages through the templates of `PageTemplates`.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    private let links: PageLinks

    /// - Parameter namespaces: the served namespaces, so that links to their PURIs stay on this server.
    public init(namespaces: PURINamespaces) {
        links = PageLinks(namespaces: namespaces)
        var library = MustacheLibrary()
        // The templates are constants of this module: a parse error is a programming error caught by every page test.
        for (name, text) in [
            ("head", PageTemplates.head), ("foot", PageTemplates.foot), ("formats", PageTemplates.formats), ("link", PageTemplates.link),
            ("solution", PageTemplates.solution), ("search", PageTemplates.search), ("diagram", PageTemplates.diagram),
            ("resource", PageTemplates.resource), ("namespace", PageTemplates.namespace), ("notFound", PageTemplates.notFound),
        ] {
            try! library.register(text, named: name)
        }
        self.library = library
    }

    /// The page of a document: a namespace's index, or a resource's page (an ABB, a view, a solution, anything else),
    /// with labels in the reader's `languages` where the data has them.
    public func page(for document: PURIDocument, languages: LanguagePreference = LanguagePreference(ranges: [])) -> String {
        switch document.subject {
        case .namespace: render(NamespacePage(document: document, links: links).model(), template: "namespace")
        case .resource: render(ResourcePage(document: document, links: links, languages: languages).model(), template: "resource")
        }
    }

    /// The `/search` page: the form, and `hits` by label with their snippets (labels and types read from `snapshot`).
    public func searchPage(
        query: String, type: String?, hits: SearchResults, snapshot: Snapshot, languages: LanguagePreference = LanguagePreference(ranges: [])
    ) -> String {
        render(SearchPage(links: links, languages: languages).model(query: query, type: type, hits: hits, snapshot: snapshot), template: "search")
    }

    /// The label of `iri` in `snapshot` in the reader's language, for answers that are not pages (`/search` JSON).
    public func label(of iri: IRI, in snapshot: Snapshot, languages: LanguagePreference) -> String? {
        SnapshotLabels(snapshot: snapshot, languages: languages).label(of: iri)
    }

    /// The 404 page of `/resource?iri=…` for an IRI no statement uses, linking known IRIs that look alike.
    public func notFoundPage(forResource iri: IRI, suggestions: [IRI]) -> String {
        render(notFoundModel(iri, suggestions: suggestions, home: links.home, homeName: "the catalogue"), template: "notFound")
    }

    /// The 404 page for an unknown PURI of `namespace`, linking the nearest known PURIs.
    public func notFoundPage(for iri: IRI, suggestions: [IRI], namespace: PURINamespace) -> String {
        render(notFoundModel(iri, suggestions: suggestions, home: "/\(namespace.name)", homeName: namespace.name), template: "notFound")
    }

    private func notFoundModel(_ iri: IRI, suggestions: [IRI], home: String, homeName: String) -> [String: Any] {
        [
            "title": "Not found",
            "iri": iri.value,
            "suggestions": suggestions.map { suggestion -> [String: Any] in
                var link = links.link(suggestion, label: links.shortName(suggestion))
                link["iri"] = suggestion.value
                return link
            },
            "hasSuggestions": !suggestions.isEmpty,
            "namespaceHref": home,
            "namespaceName": homeName,
        ]
    }

    private func render(_ model: [String: Any], template: String) -> String {
        library.render(model, withTemplate: template) ?? ""
    }
}
