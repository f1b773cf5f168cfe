import Foundation
package import RDF

/// Stable, readable, collision-free names for graphs in dump URLs: `data-europa-eu-dr8-1a2b3c4d` for
/// `http://data.europa.eu/dr8/`.
///
/// The readable part (host and path, lowercased, every run of other characters turned into one `-`, at most 48
/// characters) loses information — the scheme, case, punctuation — so it is always followed by eight hex digits of a
/// hash of the whole IRI. The name therefore depends on the IRI alone: it never changes when other graphs come or go
/// (which a "hash only on collision" rule could not promise), and `all` and `default` can never be a graph's slug.
package enum GraphSlug {
    /// The slug of a named graph (`default` for the default graph).
    package static func slug(for graph: GraphName) -> String {
        switch graph {
        case .defaultGraph: return "default"
        case .iri(let iri): return readable(iri.value) + "-" + hex(ContentHash.fnv1a(Array(iri.value.utf8)))
        case .blankNode(let node): return "blank-" + hex(ContentHash.fnv1a(Array(("_:" + node.id).utf8)))
        }
    }

    private static func readable(_ iri: String) -> String {
        var text = Substring(iri)
        if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
                if result.utf8.count >= 48 { break }
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "graph" : result
    }

    /// The low 32 bits as eight hex digits.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(UInt32(truncatingIfNeeded: value), radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
