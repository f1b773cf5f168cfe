package import NIOCore
package import RDF
import Redland
package import Resolver
package import Store

/// A PURI document written in one representation, with what its response headers need.
package struct RenderedDocument: Sendable {
    package var representation: Representation
    package var entityTag: String
    /// The store version it was read from (`X-Lodestar-Version`).
    package var version: UInt64 = 0
    /// What it depends on, for the cache in front (`Surrogate-Key`).
    package var surrogateKeys: [String] = []
    /// Shared by every response that sends it (a `ByteBuffer` is copy-on-write, so no copy is made per request).
    package var body: ByteBuffer
}

/// The resolver over the store, and the writing of its documents: RDF through `RDFWriter`, HTML through the pages.
package struct PURIService: Sendable {
    package let store: QuadStore
    package let resolver: PURIResolver
    package let pages: PageRenderer
    /// The server's public URL, the base of every `Location` and `Link` (never the request's `Host`).
    package let baseURL: String
    private let prefixes: [String: String]
    private let cache = DocumentCache()

    init(store: QuadStore, namespaces: PURINamespaces, baseURL: String) {
        self.store = store
        resolver = PURIResolver(namespaces: namespaces)
        pages = PageRenderer(namespaces: namespaces)
        self.baseURL = baseURL
        var prefixes = QuadStore.commonPrefixes
        prefixes["arch"] = "https://w3id.org/lodestar/archimate#"
        for namespace in namespaces.all { prefixes[namespace.name] = namespace.base }
        self.prefixes = prefixes
    }

    /// Whether the latest snapshot mentions the PURI.
    /// - Throws: `ResolverError.unknownPURI` with suggestions.
    package func checkKnown(namespace: PURINamespace, local: String) throws(ResolverError) {
        try resolver.checkKnown(namespace: namespace, local: local, in: store.snapshot())
    }

    /// The nearest known PURIs of `namespace` to `local`.
    package func suggestions(for local: String, in namespace: PURINamespace) -> [IRI] {
        resolver.suggestions(for: local, in: namespace, snapshot: store.snapshot())
    }

    /// The document of `local` in `namespace` written as `representation`, from the latest snapshot: from the cache
    /// when this store version already rendered it.
    /// - Throws: `ResolverError.unknownPURI` with suggestions; what `render` throws.
    package func rendered(
        namespace: PURINamespace, local: String, as representation: Representation, languages: LanguagePreference = LanguagePreference(ranges: [])
    ) async throws -> RenderedDocument {
        let snapshot = store.snapshot()
        let key = DocumentCache.Key(
            namespace: namespace.name, local: local, representation: representation, languages: representation == .html ? languages.key : "")
        if let cached = cache.document(key, version: snapshot.version) { return cached }
        let document = try resolver.document(namespace: namespace, local: local, in: snapshot)
        let rendered = try await render(document, as: representation, languages: languages)
        cache.store(rendered, for: key, version: snapshot.version)
        return rendered
    }

    /// The document of any IRI in the store (`/resource?iri=…`) written as `representation`, cached like a PURI's.
    /// - Throws: `ResolverError.unknownResource` with suggestions; what `render` throws.
    package func rendered(resource iri: IRI, as representation: Representation, languages: LanguagePreference) async throws -> RenderedDocument {
        let snapshot = store.snapshot()
        let key = DocumentCache.Key(
            namespace: "", local: iri.value, representation: representation, languages: representation == .html ? languages.key : "")
        if let cached = cache.document(key, version: snapshot.version) { return cached }
        let document = try resolver.document(of: iri, in: snapshot)
        let rendered = try await render(document, as: representation, languages: languages)
        cache.store(rendered, for: key, version: snapshot.version)
        return rendered
    }

    /// `document` written as `representation`.
    /// - Throws: `RequestError.cannotRepresent` when RDF/XML cannot express a predicate; serialiser errors.
    package func render(
        _ document: PURIDocument, as representation: Representation, languages: LanguagePreference = LanguagePreference(ranges: [])
    ) async throws -> RenderedDocument {
        let quads = Self.canonicalOrder(document.quads(for: representation), about: document.iri)
        let body: [UInt8]
        switch representation {
        case .html: body = Array(pages.page(for: document, languages: languages).utf8)
        case .graph(let format): body = try GraphRendering.render(quads, format: format, prefixes: prefixes)
        }
        let entityTag = document.entityTag(for: representation, languages: languages.ranges)
        // A page also shows labels and solution counts from anywhere in the store.
        var keys = SurrogateKeys.document(about: document.iri, quads: document.quads)
        if representation == .html { keys.append(SurrogateKeys.store) }
        return RenderedDocument(
            representation: representation, entityTag: entityTag, version: document.version, surrogateKeys: keys, body: ByteBuffer(bytes: body))
    }

    /// `quads` in an order that depends on their content only: the document's own resource first, then by graph,
    /// subject, predicate and object (N-Triples forms). The store hands them over in term-ID order, which differs
    /// between a primary and a replica bootstrapped from its dump; sorted, both send the same bytes for the same
    /// strong ETag (the tag hashes the content, not the order).
    static func canonicalOrder(_ quads: [Quad], about iri: IRI) -> [Quad] {
        let own = Term.iri(iri)
        let keyed = quads.map { quad -> (own: Bool, key: [UInt8], quad: Quad) in
            var key: [UInt8] = []
            if let graph = quad.graph.term { NTriples.append(graph, to: &key) }
            key.append(0)
            NTriples.append(quad.subject, to: &key)
            key.append(0)
            NTriples.append(quad.predicate, to: &key)
            key.append(0)
            NTriples.append(quad.object, to: &key)
            return (quad.subject == own, key, quad)
        }
        return keyed.sorted { a, b in a.own != b.own ? a.own : a.key.lexicographicallyPrecedes(b.key) }.map(\.quad)
    }

    /// The absolute URL of a server path.
    package func url(_ path: String) -> String { baseURL + path }
}
