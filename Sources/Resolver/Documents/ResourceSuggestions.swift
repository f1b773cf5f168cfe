import RDF
import Store

/// Known IRIs that look like one nobody uses, for a `/resource` 404: the described IRIs (typed or labelled) under the
/// same base (up to the last `/` or `#`), else on the same host, nearest first by edit distance.
struct ResourceSuggestions {
    let snapshot: Snapshot

    /// How many described subjects a 404 may look at: a miss must stay cheap on a large store.
    static let scanLimit = 200_000

    func nearest(to iri: IRI, limit: Int = 5) -> [IRI] {
        let value = iri.value
        let base = Self.base(of: value)
        let host = Self.host(of: value)
        var sameBase: [String] = []
        var sameHost: [String] = []
        var checked: Set<TermID> = []
        var scanned = 0
        for predicate in NamespaceIndex.describingPredicates {
            guard let predicateID = snapshot.id(of: .iri(predicate)) else { continue }
            for quad in snapshot.quads(matching: EncodedQuadPattern(predicate: predicateID)) where checked.insert(quad.subject).inserted {
                scanned += 1
                if scanned > Self.scanLimit { break }
                guard case .iri(let candidate) = snapshot.term(for: quad.subject) else { continue }
                if candidate.value.hasPrefix(base) {
                    sameBase.append(candidate.value)
                } else if !host.isEmpty && candidate.value.hasPrefix(host) && sameHost.count < 5_000 {
                    sameHost.append(candidate.value)
                }
            }
        }
        let pool = sameBase.isEmpty ? sameHost : sameBase
        let target = Array(value.lowercased().unicodeScalars.prefix(NamespaceIndex.comparedLength))
        let scored = pool.map { candidate in
            (candidate, EditDistance.between(target, Array(candidate.lowercased().unicodeScalars.prefix(NamespaceIndex.comparedLength))))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map { IRI($0.0) }
    }

    /// `http://example.org/a/b` → `http://example.org/a/`.
    static func base(of value: String) -> String {
        guard let cut = value.lastIndex(where: { $0 == "/" || $0 == "#" }) else { return value }
        return String(value[...cut])
    }

    /// `http://example.org/a/b` → `http://example.org/`; empty without an authority.
    static func host(of value: String) -> String {
        guard let scheme = value.firstRange(of: "://") else { return "" }
        let rest = value[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return value + "/" }
        return String(value[...slash])
    }
}
