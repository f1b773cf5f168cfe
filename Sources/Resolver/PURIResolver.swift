public import RDF
public import Store
import Synchronization

/// Dereferences PURIs: which document a path names, what it holds, how it is represented. Pure of HTTP: the Server's
/// `PURIRoutes` decodes requests, calls this, and writes the answer.
///
/// ```swift
/// let resolver = try PURIResolver(namespaces: PURINamespaces(defaultPlus: ["eli=http://data.europa.eu/eli/"]))
/// let target = try resolver.seeOther(namespace: "dr8", local: "PublicPolicy", accept: "text/turtle")  // /doc/dr8/PublicPolicy.ttl
/// let document = try resolver.document(namespace: .dr8, local: "PublicPolicy", in: store.snapshot())
/// ```
public struct PURIResolver: Sendable {
    public let namespaces: PURINamespaces
    private let indexes = IndexCache()

    public init(namespaces: PURINamespaces = .standard) {
        self.namespaces = namespaces
    }

    /// The document path a PURI redirects to (`/doc/dr8/PublicPolicy.ttl`), chosen by `accept`.
    /// - Throws: `ResolverError.notAcceptable` when no representation is acceptable.
    public func seeOther(namespace: PURINamespace, local: String, accept: String?) throws(ResolverError) -> (Representation, String) {
        let representation = try Representation.negotiate(accept: accept)
        return (representation, PURIDocument.path(namespace: namespace, local: local, representation: representation))
    }

    /// What a path below `/doc/` names: `dr8/PublicPolicy.ttl` → (dr8, `PublicPolicy`, Turtle); `dr8/view/LegalView`
    /// → (dr8, `view/LegalView`, negotiated); `dr8.html` → the namespace document. `nil` if no served namespace matches.
    public func documentTarget(_ segments: [String]) -> (namespace: PURINamespace, local: String, representation: Representation?)? {
        guard var first = segments.first else { return nil }
        var rest = Array(segments.dropFirst())
        var representation: Representation?
        if rest.isEmpty {
            (first, representation) = Self.splitExtension(first)
        } else if let last = rest.last {
            (rest[rest.count - 1], representation) = Self.splitExtension(last)
        }
        guard let namespace = namespaces[first] else { return nil }
        return (namespace, rest.joined(separator: "/"), representation)
    }

    private static func splitExtension(_ segment: String) -> (String, Representation?) {
        guard let dot = segment.lastIndex(of: "."), dot != segment.startIndex,
            let representation = Representation(fileExtension: String(segment[segment.index(after: dot)...]))
        else { return (segment, nil) }
        return (String(segment[..<dot]), representation)
    }

    /// The document of `local` in `namespace` (`""`: the whole namespace), read from `snapshot`.
    /// - Throws: `ResolverError.unknownPURI` with the nearest known PURIs when no quad mentions it.
    public func document(namespace: PURINamespace, local: String, in snapshot: Snapshot) throws(ResolverError) -> PURIDocument {
        let reader = DocumentReader(snapshot: snapshot)
        if local.isEmpty {
            let quads = reader.namespace(namespace, puris: index(of: namespace, in: snapshot).entries.map(\.id))
            return PURIDocument(subject: .namespace(namespace), namespace: namespace, local: "", quads: quads, version: snapshot.version)
        }
        let iri = namespace.puri(local: local)
        guard let document = resourceDocument(iri, namespace: namespace, local: local, reader: reader) else {
            throw .unknownPURI(iri, suggestions: suggestions(for: local, in: namespace, snapshot: snapshot))
        }
        return document
    }

    /// The document of any IRI in the store, inside a served namespace or not (`/resource?iri=…`).
    /// - Throws: `ResolverError.unknownResource` with known IRIs that look alike when no quad uses it.
    public func document(of iri: IRI, in snapshot: Snapshot) throws(ResolverError) -> PURIDocument {
        let located = namespaces.locate(iri)
        if let located, located.local.isEmpty { return try document(namespace: located.namespace, local: "", in: snapshot) }
        let reader = DocumentReader(snapshot: snapshot)
        guard let document = resourceDocument(iri, namespace: located?.namespace, local: located?.local ?? "", reader: reader) else {
            throw .unknownResource(iri, suggestions: ResourceSuggestions(snapshot: snapshot).nearest(to: iri))
        }
        return document
    }

    private func resourceDocument(_ iri: IRI, namespace: PURINamespace?, local: String, reader: DocumentReader) -> PURIDocument? {
        let localPart = { (iri: IRI) in namespaces.locate(iri).map(\.local) }
        let equivalents = reader.equivalents(of: iri, localPart: localPart)
        let puris = { (local: String) in namespaces.all.map { $0.puri(local: local) } }
        var blocks = reader.currentBlocks(namedBy: iri, puris: puris)
        // An `http://data.europa.eu/eira/` form's own page leads to the block it names.
        if iri.value.hasPrefix(CatalogueTerms.eiraBase), case let block = reader.currentBlock(iri, puris: puris), block != iri { blocks[iri] = block }
        guard let quads = reader.resource(iri, equivalents: equivalents, alsoLabelled: Array(blocks.values)) else { return nil }
        var document = PURIDocument(subject: .resource(iri), namespace: namespace, local: local, quads: quads, version: reader.snapshot.version)
        document.equivalents = equivalents
        document.currentBlocks = blocks
        // A view's page counts the solutions of each member; a block's page, its own.
        var counted: Set<IRI> = [iri]
        for quad in quads where quad.subject == .iri(iri) && quad.predicate == .iri(SKOS.member) {
            if let member = quad.object.iri { counted.insert(member) }
        }
        for block in counted { document.solutionCounts[block] = reader.solutionCount(reader.equivalents(of: block, localPart: localPart)) }
        return document
    }

    /// Whether `snapshot` mentions the PURI of `local` (as subject or object); the namespace itself always exists.
    /// Cheap: one dictionary lookup and at most two index range lookups, for redirects that need not read the document.
    /// - Throws: `ResolverError.unknownPURI` with the nearest known PURIs when it does not.
    public func checkKnown(namespace: PURINamespace, local: String, in snapshot: Snapshot) throws(ResolverError) {
        guard !local.isEmpty else { return }
        let iri = namespace.puri(local: local)
        // The dictionary keeps terms whose quads were all removed: ask the indexes, which see removals.
        if let id = snapshot.id(of: .iri(iri)),
            snapshot.quads(matching: EncodedQuadPattern(subject: id)).contains(where: { _ in true })
                || snapshot.quads(matching: EncodedQuadPattern(object: id)).contains(where: { _ in true })
        {
            return
        }
        throw .unknownPURI(iri, suggestions: suggestions(for: local, in: namespace, snapshot: snapshot))
    }

    /// The known PURIs of `namespace` whose local parts are nearest `local` (edit distance), at most `limit`.
    public func suggestions(for local: String, in namespace: PURINamespace, snapshot: Snapshot, limit: Int = 5) -> [IRI] {
        index(of: namespace, in: snapshot).nearest(to: local, limit: limit).map { namespace.puri(local: $0) }
    }

    /// Every known PURI of `namespace` in `snapshot`, sorted by local part.
    public func knownPURIs(in namespace: PURINamespace, snapshot: Snapshot) -> [IRI] {
        index(of: namespace, in: snapshot).entries.map { namespace.puri(local: $0.local) }
    }

    /// The namespace's index for this snapshot: built once per store version and namespace, then shared.
    private func index(of namespace: PURINamespace, in snapshot: Snapshot) -> NamespaceIndex {
        if let cached = indexes.index(namespace.name, version: snapshot.version) { return cached }
        let index = NamespaceIndex(namespace: namespace, snapshot: snapshot)
        indexes.store(index, for: namespace.name, version: snapshot.version)
        return index
    }
}

/// The latest namespace index per namespace, with the store version it was built from.
private final class IndexCache: Sendable {
    private let entries = Mutex<[String: (version: UInt64, index: NamespaceIndex)]>([:])

    func index(_ name: String, version: UInt64) -> NamespaceIndex? {
        entries.withLock { entries in entries[name].flatMap { $0.version == version ? $0.index : nil } }
    }

    func store(_ index: NamespaceIndex, for name: String, version: UInt64) {
        entries.withLock { entries in
            if let current = entries[name], current.version > version { return }
            entries[name] = (version, index)
        }
    }
}
