import Foundation
public import RDF

/// Links each PURI that a later EIRA release renamed to its successor, through the ABB identifier the two share.
///
/// Releases are grouped by version (the SKOS and ArchiMate editions of v4.0.0 are one release) and ordered by
/// semantic version. For each ABB id and each two consecutive versions that have it, a PURI of the earlier version
/// that the later one no longer uses for that id is replaced by each PURI the later one does use: `<old>
/// dcterms:isReplacedBy <new>` and `<new> dcterms:replaces <old>`. A PURI that persists is not linked, and no PURI is
/// linked to itself.
public struct PURISuccession: Sendable {
    /// Every ABB id → the PURIs carrying it, per version.
    private var puris: [SemanticVersion: [String: Set<IRI>]] = [:]

    public init() {}

    /// Adds a release's `dcterms:identifier` statements (subject an IRI, object a literal) to what is compared.
    public mutating func add(_ triples: some Sequence<Triple>, version: SemanticVersion) {
        let identifier = Term.iri(DCTerms.identifier)
        for triple in triples where triple.predicate == identifier {
            guard let puri = triple.subject.iri, let abb = triple.object.literal?.lexicalForm else { continue }
            let id = abb.trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { puris[version, default: [:]][id, default: []].insert(puri) }
        }
    }

    /// The succession links, sorted (old, new).
    public var links: [(old: IRI, new: IRI)] {
        var links = Set<[IRI]>()
        let versions = puris.keys.sorted()
        let ids = Set(puris.values.flatMap(\.keys))
        for id in ids {
            let carriers = versions.compactMap { puris[$0]?[id] }
            for (earlier, later) in zip(carriers, carriers.dropFirst()) {
                for old in earlier where !later.contains(old) {
                    for new in later where new != old { links.insert([old, new]) }
                }
            }
        }
        return links.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { ($0[0], $0[1]) }
    }

    /// The mapping graph's content: both directions of every link.
    public var triples: [Triple] {
        links.flatMap { link in
            [
                Triple(.iri(link.old), .iri(DCTerms.isReplacedBy), .iri(link.new)),
                Triple(.iri(link.new), .iri(DCTerms.replaces), .iri(link.old)),
            ]
        }
    }
}
