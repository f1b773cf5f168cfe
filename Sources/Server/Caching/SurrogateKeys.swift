package import RDF
package import Store

/// The cache keys a response depends on, sent in `Surrogate-Key` (space-separated), and the keys a commit changes: an
/// HTTP cache in front (deploy/varnish/lodestar.vcl) bans the objects whose keys a commit names, so it serves no stale
/// answer and keeps everything else.
///
/// - `all` is on every response: banning it empties the cache.
/// - `store` is on what depends on the whole store (queries, the catalogue, listings, the `all` dump, HTML pages,
///   which show labels and counts from anywhere): every commit bans it.
/// - `g…` names one graph: graph dumps, and documents with quads in that graph.
/// - `r…` names one resource: its documents, so a quad about it in a graph its document did not yet use still bans it.
///
/// Keys are short hashes of the IRIs' N-Triples forms: the same on every server, and safe inside a regular expression.
package enum SurrogateKeys {
    package static let everything = "all"
    package static let store = "store"
    /// Past this many changed resources a commit bans `all` instead of naming each (one ban, a short expression).
    package static let maxResourcesPerBan = 200

    package static func graph(_ name: GraphName) -> String {
        guard let term = name.term else { return "gdefault" }
        return "g" + hash(term)
    }

    package static func resource(_ iri: IRI) -> String { "r" + hash(.iri(iri)) }

    /// The keys of a document: its resource, and each graph it has quads from.
    package static func document(about iri: IRI, quads: [Quad]) -> [String] {
        var keys = [everything, resource(iri)]
        var graphs: Set<GraphName> = []
        for quad in quads where graphs.insert(quad.graph).inserted { keys.append(graph(quad.graph)) }
        return keys
    }

    /// What `commit` may have changed: `store`, every graph it touched, and every IRI it mentions as subject or object
    /// (or `all` when that is too many to name).
    package static func changed(by commit: CommittedWrite) -> [String] { changed(added: commit.added, removed: commit.removed) }

    package static func changed(added: [Quad], removed: [Quad]) -> [String] {
        var graphs: Set<GraphName> = []
        var resources: Set<IRI> = []
        for quad in added + removed {
            graphs.insert(quad.graph)
            if case .iri(let iri) = quad.subject { resources.insert(iri) }
            if case .iri(let iri) = quad.object { resources.insert(iri) }
        }
        if resources.count > maxResourcesPerBan { return [everything] }
        return [store] + graphs.map(graph).sorted() + resources.map(resource).sorted()
    }

    /// A regular expression matching a `Surrogate-Key` value that holds any of `keys` as a whole word. It has no space:
    /// Varnish splits a ban's text on spaces.
    package static func banExpression(_ keys: [String]) -> String {
        "(^|\\s)(" + keys.joined(separator: "|") + ")(\\s|$)"
    }

    /// 16 hex digits of FNV-1a over the term's N-Triples form.
    private static func hash(_ term: Term) -> String {
        var bytes: [UInt8] = []
        NTriples.append(term, to: &bytes)
        let digits = String(ContentHash.fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
