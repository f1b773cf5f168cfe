public import RDF

/// Everything a PURI's representations show, read from one store snapshot: the resource's own triples in every
/// graph, the triples that point at it, the blank nodes they reach (recursively), and the labels of every IRI they
/// link to — so that a page needs no further lookup.
public struct PURIDocument: Sendable {
    /// What the document describes: one PURI, or a whole namespace (its scheme and every PURI in it).
    public enum Subject: Hashable, Sendable {
        case resource(IRI)
        case namespace(PURINamespace)
    }

    public let subject: Subject
    /// The served namespace the document belongs to and the local part (`""` for the namespace document); `nil` for a
    /// resource outside every served namespace, whose documents live at `/resource?iri=…`.
    public let namespace: PURINamespace?
    public let local: String
    /// Grouped by graph (graphs in the order first met), each quad once.
    public let quads: [Quad]
    /// The store version the document was read from.
    public let version: UInt64
    /// For the building blocks a page lists (a view's members, an ABB itself): how many solutions implement each
    /// (`dct:type` at the block, an older PURI of it, or its `http://data.europa.eu/eira/` form). Pages show counts only.
    public var solutionCounts: [IRI: Int] = [:]
    /// The IRIs solutions may name this resource by in `dct:type` (see `solutionCounts`); the resource's IRI first.
    public var equivalents: [IRI] = []
    /// For the IRIs this resource's `dct:type` names a building block by other than its current PURI (an
    /// `http://data.europa.eu/eira/` form, a replaced PURI): that current PURI. Pages show and link the current block.
    /// The resource itself is a key when it is an `eira/` form of a known block.
    public var currentBlocks: [IRI: IRI] = [:]

    package init(subject: Subject, namespace: PURINamespace?, local: String, quads: [Quad], version: UInt64) {
        self.subject = subject
        self.namespace = namespace
        self.local = local
        self.quads = quads
        self.version = version
    }

    /// The IRI the document is about: the PURI, or the namespace's scheme IRI.
    public var iri: IRI {
        switch subject {
        case .resource(let iri): iri
        case .namespace(let namespace): namespace.schemeIRI
        }
    }

    /// The quads to write in `representation`: as they are for syntaxes with graph names; otherwise each triple once,
    /// in the default graph.
    public func quads(for representation: Representation) -> [Quad] {
        if representation.keepsGraphs { return quads }
        var seen: Set<Triple> = []
        return quads.compactMap { quad in
            seen.insert(quad.triple).inserted ? Quad(quad.triple, graph: .defaultGraph) : nil
        }
    }

    /// The path of this document in `representation`, below the server's base URL (`/doc/dr8/PublicPolicy.ttl`, or
    /// `/resource.ttl?iri=…` outside the served namespaces); without a representation, the negotiated document.
    public func path(for representation: Representation?) -> String {
        guard let namespace else { return Self.resourcePath(iri, representation: representation) }
        return Self.path(namespace: namespace, local: local, representation: representation)
    }

    /// True if `iri` can name a resource page: it has a scheme (RFC 3986 §3.1), no spaces or control characters, and
    /// is shorter than the 64 KiB the store accepts.
    public static func isResourceIRI(_ iri: IRI) -> Bool {
        PageLinks.scheme(of: iri) != nil && iri.value.utf8.count < 65_536
            && !iri.value.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "<>\"{}|^`\\".unicodeScalars.contains($0) }
    }

    /// The path of the document of any resource: `/resource?iri=…` (negotiated) or `/resource.ttl?iri=…`.
    public static func resourcePath(_ iri: IRI, representation: Representation?) -> String {
        let stem = representation.map { "/resource.\($0.fileExtension)" } ?? "/resource"
        return stem + "?iri=" + PageLinks.queryEncoded(iri.value)
    }

    /// The document path of `local` in `namespace`; without a representation, the negotiated document.
    public static func path(namespace: PURINamespace, local: String, representation: Representation?) -> String {
        let stem = local.isEmpty ? "/doc/\(namespace.name)" : "/doc/\(namespace.name)/\(local)"
        return representation.map { "\(stem).\($0.fileExtension)" } ?? stem
    }

    /// A strong entity tag for the document in `representation`: a hash of its quads (order-independent), the
    /// representation and the page layout's version, so it changes exactly when the bytes sent would.
    /// `languages` are the reader's (an HTML page's labels follow them); RDF representations ignore them.
    public func entityTag(for representation: Representation, languages: [String] = []) -> String {
        var combined: UInt64 = 0
        for quad in quads { combined &+= Self.fnv1a(quad.description.utf8) &* 0x9E37_79B9_7F4A_7C15 }
        for (iri, count) in solutionCounts { combined &+= Self.fnv1a("\(iri.value)=\(count)".utf8) }
        for (named, block) in currentBlocks { combined &+= Self.fnv1a("\(named.value)>\(block.value)".utf8) }
        let language = representation == .html ? languages.joined(separator: ",") : ""
        var tag = Self.fnv1a("\(representation.fileExtension)|\(Self.layoutVersion)|\(quads.count)|\(language)".utf8)
        tag ^= combined
        return "\"" + String(tag, radix: 16) + "\""
    }

    /// Bump when the page templates change, so cached pages revalidate.
    static let layoutVersion = 5

    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
