import Mustache
public import RDF

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
            ("head", PageTemplates.head), ("foot", PageTemplates.foot), ("formats", PageTemplates.formats),
            ("resource", PageTemplates.resource), ("namespace", PageTemplates.namespace), ("notFound", PageTemplates.notFound),
        ] {
            try! library.register(text, named: name)
        }
        self.library = library
    }

    /// The page of a document: a namespace's index, or a resource's page (an ABB, a view, anything else).
    public func page(for document: PURIDocument) -> String {
        switch document.subject {
        case .namespace: render(NamespacePage(document: document, links: links).model(), template: "namespace")
        case .resource: render(ResourcePage(document: document, links: links).model(), template: "resource")
        }
    }

    /// The 404 page for an unknown PURI of `namespace`, linking the nearest known PURIs.
    public func notFoundPage(for iri: IRI, suggestions: [IRI], namespace: PURINamespace) -> String {
        let model: [String: Any] = [
            "title": "Not found",
            "iri": iri.value,
            "suggestions": suggestions.map { suggestion -> [String: Any] in
                var link = links.link(suggestion, label: links.shortName(suggestion))
                link["iri"] = suggestion.value
                return link
            },
            "hasSuggestions": !suggestions.isEmpty,
            "namespaceHref": "/\(namespace.name)",
            "namespaceName": namespace.name,
        ]
        return render(model, template: "notFound")
    }

    private func render(_ model: [String: Any], template: String) -> String {
        library.render(model, withTemplate: template) ?? ""
    }
}
