import Crypto
import Foundation
import RDF

/// RDF Dataset Canonicalization (RDFC-1.0, https://www.w3.org/TR/rdf-canon/) of one graph's triples, and the SHA-256
/// of the canonical N-Quads: the same data with its blank nodes labelled differently hashes the same.
enum CanonicalHash {
    /// Identical-looking blank nodes make RDFC-1.0 try every order of them; past this many, the data is refused
    /// (the spec's "poison graph" guard) and the caller treats the solution as changed.
    static let maxPermutedNodes = 8

    /// The hex SHA-256 of the sorted canonical N-Quads of `triples`.
    static func hash(_ triples: [Triple]) throws -> String {
        let lines = try canonicalLines(triples)
        return sha256Hex(lines.joined())
    }

    /// The canonical N-Quads lines (each ending in a newline), sorted.
    static func canonicalLines(_ triples: [Triple]) throws -> [String] {
        var state = State(triples: Array(Set(triples)))
        try state.run()
        return state.triples.map { triple in
            "\(state.label(triple.subject)) \(triple.predicate) \(state.label(triple.object)) .\n"
        }.sorted()
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    struct Issuer {
        var prefix: String
        var issued: [String: String] = [:]
        var order: [String] = []

        mutating func issue(_ id: String) -> String {
            if let existing = issued[id] { return existing }
            let label = prefix + String(order.count)
            issued[id] = label
            order.append(id)
            return label
        }
    }

    struct State {
        let triples: [Triple]
        var mentions: [String: [Triple]] = [:]
        var canonical = Issuer(prefix: "c14n")

        init(triples: [Triple]) {
            self.triples = triples
            for triple in triples {
                for case .blankNode(let node) in [triple.subject, triple.object] where !(mentions[node.id]?.last == triple) {
                    mentions[node.id, default: []].append(triple)
                }
            }
        }

        func label(_ term: Term) -> String {
            if case .blankNode(let node) = term { return "_:" + (canonical.issued[node.id] ?? node.id) }
            return term.description
        }

        /// The algorithm's steps 3–6.
        mutating func run() throws {
            var byHash: [String: [String]] = [:]
            for id in mentions.keys { byHash[firstDegreeHash(id), default: []].append(id) }
            var shared: [(String, [String])] = []
            for hash in byHash.keys.sorted() {
                let ids = byHash[hash]!
                if ids.count == 1 { _ = canonical.issue(ids[0]) } else { shared.append((hash, ids.sorted())) }
            }
            for (_, ids) in shared {
                var results: [(hash: String, issuer: Issuer)] = []
                for id in ids where canonical.issued[id] == nil {
                    var temporary = Issuer(prefix: "b")
                    _ = temporary.issue(id)
                    results.append(try nDegreeHash(id, issuer: temporary))
                }
                for result in results.sorted(by: { $0.hash < $1.hash }) {
                    for id in result.issuer.order { _ = canonical.issue(id) }
                }
            }
        }

        func firstDegreeHash(_ id: String) -> String {
            let lines = (mentions[id] ?? []).map { triple -> String in
                func term(_ term: Term) -> String {
                    if case .blankNode(let node) = term { return node.id == id ? "_:a" : "_:z" }
                    return term.description
                }
                return "\(term(triple.subject)) \(triple.predicate) \(term(triple.object)) .\n"
            }
            return sha256Hex(lines.sorted().joined())
        }

        func relatedHash(_ related: String, _ triple: Triple, position: String, issuer: Issuer) -> String {
            let identifier = canonical.issued[related] ?? issuer.issued[related] ?? firstDegreeHash(related)
            return sha256Hex(position + (position == "g" ? "" : triple.predicate.description) + identifier)
        }

        func nDegreeHash(_ id: String, issuer startIssuer: Issuer) throws -> (hash: String, issuer: Issuer) {
            var issuer = startIssuer
            var hashToRelated: [String: [String]] = [:]
            for triple in mentions[id] ?? [] {
                for (term, position) in [(triple.subject, "s"), (triple.object, "o")] {
                    guard case .blankNode(let node) = term, node.id != id else { continue }
                    hashToRelated[relatedHash(node.id, triple, position: position, issuer: issuer), default: []].append(node.id)
                }
            }
            var data = ""
            for hash in hashToRelated.keys.sorted() {
                data += hash
                let related = hashToRelated[hash]!
                guard related.count <= maxPermutedNodes else {
                    throw FederationError(.configuration, "\(related.count) indistinguishable blank nodes: too many to canonicalize")
                }
                var chosenPath = ""
                var chosenIssuer: Issuer?
                for permutation in Self.permutations(related) {
                    var copy = issuer
                    var path = ""
                    var recursion: [String] = []
                    var pruned = false
                    for node in permutation {
                        if let label = canonical.issued[node] {
                            path += "_:" + label
                        } else {
                            if copy.issued[node] == nil { recursion.append(node) }
                            path += "_:" + copy.issue(node)
                        }
                        if !chosenPath.isEmpty && path.count >= chosenPath.count && path > chosenPath { pruned = true; break }
                    }
                    if pruned { continue }
                    for node in recursion {
                        let result = try nDegreeHash(node, issuer: copy)
                        path += "_:" + copy.issue(node)
                        path += "<" + result.hash + ">"
                        copy = result.issuer
                        if !chosenPath.isEmpty && path.count >= chosenPath.count && path > chosenPath { pruned = true; break }
                    }
                    if pruned { continue }
                    if chosenPath.isEmpty || path < chosenPath {
                        chosenPath = path
                        chosenIssuer = copy
                    }
                }
                data += chosenPath
                if let chosenIssuer { issuer = chosenIssuer }
            }
            return (sha256Hex(data), issuer)
        }

        static func permutations(_ items: [String]) -> [[String]] {
            guard items.count > 1 else { return [items] }
            var result: [[String]] = []
            for (index, item) in items.enumerated() {
                var rest = items
                rest.remove(at: index)
                for tail in permutations(rest) { result.append([item] + tail) }
            }
            return result
        }
    }
}
