package import RDF
package import Redland

/// One W3C test manifest's triples, indexed by subject, in document order: what the conformance runner
/// (`ConformanceTests/ManifestReader`) and the protocol tests (`ServerTests/W3CManifest`) both read manifests with.
///
/// ```swift
/// let graph = try ManifestGraph(file: path, baseIRI: URL(fileURLWithPath: path).absoluteString, world: RedlandWorld())
/// for entry in graph.entries { print(entry) }
/// ```
package struct ManifestGraph: Sendable {
    private var properties: [Term: [(predicate: Term, object: Term)]] = [:]
    private var objectsByPredicate: [Term: [Term]] = [:]

    /// `mf:entries`.
    package static let entriesPredicate = Term.iri("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#entries")

    package init() {}

    /// Parses the Turtle manifest at `file` with raptor; blank node labels are kept as written (each manifest is its
    /// own graph, so nothing is merged across files).
    /// - Throws: `RedlandError` if the file is missing or is not Turtle.
    package init(file: String, baseIRI: String, world: RedlandWorld) throws {
        var graph = ManifestGraph()
        try RDFReader.parse(file: file, format: .turtle, baseIRI: baseIRI, world: world, blankNodes: .asWritten) { graph.add($0.triple) }
        self = graph
    }

    /// The test entries, in manifest order: the members of every `mf:entries` list.
    package var entries: [Term] { objects(ofAny: Self.entriesPredicate).flatMap { list($0) } }

    /// The lexical form of `subject`'s first `predicate` value, if it is a literal.
    package func string(_ subject: Term, _ predicate: Term) -> String? { object(subject, predicate)?.literal?.lexicalForm }

    package mutating func add(_ triple: Triple) {
        properties[triple.subject, default: []].append((triple.predicate, triple.object))
        objectsByPredicate[triple.predicate, default: []].append(triple.object)
    }

    package func objects(_ subject: Term, _ predicate: Term) -> [Term] {
        properties[subject, default: []].filter { $0.predicate == predicate }.map(\.object)
    }

    package func object(_ subject: Term, _ predicate: Term) -> Term? { objects(subject, predicate).first }

    /// The objects of `predicate` whatever the subject (`<> mf:entries (…)`, whatever `<>` resolved to).
    package func objects(ofAny predicate: Term) -> [Term] { objectsByPredicate[predicate, default: []] }

    /// The members of an RDF collection, in order; stops at `rdf:nil` or at a malformed link.
    package func list(_ head: Term) -> [Term] {
        var members: [Term] = []
        var node = head
        var visited: Set<Term> = []
        while node != .iri(RDFVocabulary.nil), visited.insert(node).inserted, let first = object(node, .iri(RDFVocabulary.first)) {
            members.append(first)
            guard let rest = object(node, .iri(RDFVocabulary.rest)) else { break }
            node = rest
        }
        return members
    }
}
