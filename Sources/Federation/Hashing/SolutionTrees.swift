import RDF

/// Joinup's dependency tree per solution: the solution, its releases, their distributions, and the publishers,
/// contact points and licences they name, with every blank node reachable from those; hashed canonically.
struct SolutionTree: Sendable {
    var solution: Term
    var title: String?
    var triples: [Triple]
    /// The RDFC-1.0 hash, or `nil` when the tree's blank nodes could not be canonicalized (then it counts as changed).
    var hash: String?
}

enum SolutionTrees {
    private static let type = Term.iri(NS.rdf + "type")
    private static let dataset = Term.iri(NS.dcat + "Dataset")
    private static let isVersionOf = Term.iri(NS.dct + "isVersionOf")
    private static let hasVersion = Term.iri(NS.dct + "hasVersion")
    private static let distribution = Term.iri(NS.dcat + "distribution")
    private static let title = Term.iri(NS.dct + "title")
    private static let dependencies: Set<Term> = [
        .iri(NS.dct + "publisher"), .iri(NS.dcat + "contactPoint"), .iri(NS.dct + "license"),
    ]

    /// One tree per solution (a `dcat:Dataset` that is not a release), keyed by the solution's term.
    static func build(_ graph: WorkingGraph) -> [Term: SolutionTree] {
        let all = graph.triples
        let datasets = Set(all.filter { $0.predicate == type && $0.object == dataset }.map(\.subject))
        let releasesOf = Dictionary(grouping: all.filter { $0.predicate == isVersionOf }, by: \.object).mapValues { $0.map(\.subject) }
        let releases = Set(all.filter { $0.predicate == isVersionOf }.map(\.subject))
        var trees: [Term: SolutionTree] = [:]
        for solution in datasets where !releases.contains(solution) && !solution.isBlankNode {
            var members: Set<Term> = [solution]
            for triple in graph.triples(about: solution) where triple.predicate == hasVersion { members.insert(triple.object) }
            for release in releasesOf[solution] ?? [] { members.insert(release) }
            for member in Array(members) {
                for triple in graph.triples(about: member) where triple.predicate == distribution { members.insert(triple.object) }
            }
            for member in Array(members) {
                for triple in graph.triples(about: member) where dependencies.contains(triple.predicate) { members.insert(triple.object) }
            }
            var triples: [Triple] = []
            var queue = Array(members)
            var seen = members
            while let node = queue.popLast() {
                for triple in graph.triples(about: node) {
                    triples.append(triple)
                    if triple.object.isBlankNode && seen.insert(triple.object).inserted { queue.append(triple.object) }
                }
            }
            let titleText = graph.triples(about: solution).first { $0.predicate == title }?.object.literal?.lexicalForm
            trees[solution] = SolutionTree(solution: solution, title: titleText, triples: triples, hash: try? CanonicalHash.hash(triples))
        }
        return trees
    }
}

/// How a solution compares with what the source last published.
public enum Classification: String, Sendable, Codable, Hashable {
    case new, changed, unchanged, removed
}
