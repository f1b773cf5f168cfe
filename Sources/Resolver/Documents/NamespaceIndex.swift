import RDF
import Store

/// The PURIs of one namespace that a snapshot knows: every IRI under the namespace's base that is the subject of a
/// type, a label or a scheme membership. Built by range scans over those few predicates, never the whole store.
struct NamespaceIndex: Sendable {
    /// Local part and term ID of each PURI, sorted by local part.
    let entries: [(local: String, id: TermID)]

    static let describingPredicates = [
        RDFVocabulary.type, SKOS.prefLabel, RDFS.label, SKOS.inScheme, IRI(SKOS.namespace + "topConceptOf"), DCTerms.identifier,
    ]

    init(namespace: PURINamespace, snapshot: Snapshot) {
        var checked: Set<TermID> = []
        var found: [(local: String, id: TermID)] = []
        for predicate in Self.describingPredicates {
            guard let predicateID = snapshot.id(of: .iri(predicate)) else { continue }
            for quad in snapshot.quads(matching: EncodedQuadPattern(predicate: predicateID)) where checked.insert(quad.subject).inserted {
                guard case .iri(let iri) = snapshot.term(for: quad.subject), let local = namespace.localPart(of: iri), !local.isEmpty else {
                    continue
                }
                found.append((local, quad.subject))
            }
        }
        entries = found.sorted { $0.local < $1.local }
    }

    /// How much of a requested local part the suggestions compare (longer ones are cut).
    static let comparedLength = 200

    /// Up to `limit` local parts nearest to `local` by edit distance (case-insensitive), nearest first, ties by name.
    func nearest(to local: String, limit: Int = 5) -> [String] {
        // The cost is length × length per PURI: a request path of megabytes must not buy that much work.
        let target = Array(local.lowercased().unicodeScalars.prefix(Self.comparedLength))
        let scored = entries.map { entry in (entry.local, EditDistance.between(target, Array(entry.local.lowercased().unicodeScalars))) }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }
}

/// Levenshtein distance: insertions, deletions and substitutions each cost one.
enum EditDistance {
    static func between<Element: Equatable>(_ source: [Element], _ target: [Element]) -> Int {
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for (i, sourceElement) in source.enumerated() {
            current[0] = i + 1
            for (j, targetElement) in target.enumerated() {
                let substitution = previous[j] + (sourceElement == targetElement ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }
}
