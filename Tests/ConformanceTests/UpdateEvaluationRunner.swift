import Foundation
import RDF
import Redland
import SPARQL

/// Runs one update evaluation test (`mf:UpdateEvaluationTest`): load `ut:data` and `ut:graphData`, run `ut:request`
/// through `UpdateExecutor`, apply its net change, and compare every graph with the expected state, blank nodes up to
/// renaming (https://www.w3.org/2009/sparql/docs/tests/README-update.html).
enum UpdateEvaluationRunner {
    /// - Returns: `nil` if the store ends as expected, else what differs.
    static func run(_ entry: ManifestEntry) throws -> String? {
        guard let action = entry.update, let requestIRI = action.request, let requestFile = ConformanceData.file(requestIRI) else {
            throw ConformanceError("no local ut:request")
        }
        let world = try RedlandWorld()
        let before = try state(data: action.data, graphs: action.graphData, world: world)
        let expected = try state(data: action.expectedData, graphs: action.expectedGraphData, world: world)
        let update: Update
        do {
            update = try SPARQLParser.parseUpdate(try String(contentsOf: requestFile, encoding: .utf8), baseIRI: requestIRI)
        } catch {
            return "the update does not parse: \(error)"
        }
        let change: (deletions: [Quad], insertions: [Quad])
        do {
            change = try UpdateExecutor(options: QueryOptions(deadline: .now + QueryEvaluationRunner.timeLimit))
                .changes(for: update, in: InMemoryDataset(before), loader: { iri in try load(iri, world: world) })
        } catch {
            return "the update failed: \(error)"
        }
        var after = Set(before)
        after.subtract(change.deletions)
        after.formUnion(change.insertions)
        guard !ResultsComparison.isomorphic(rows(after), rows(Set(expected)), ordered: false) else { return nil }
        return "the store differs from the expected state\nexpected:\n\(listing(expected))\nactual:\n\(listing(Array(after)))"
    }

    /// The quads of a test state: data files in the default graph, graph files under their `rdfs:label` names.
    private static func state(data: [String], graphs: [UpdateAction.NamedGraph], world: RedlandWorld) throws -> [Quad] {
        var quads = [Quad]()
        for iri in data { quads += try load(IRI(iri), world: world) }
        for graph in graphs {
            quads += try load(IRI(graph.file), world: world).map { Quad($0.triple, graph: .iri(IRI(graph.name))) }
        }
        return quads
    }

    /// A local file's quads; what LOAD fetches too (remote IRIs fail, as they must without a network).
    private static func load(_ iri: IRI, world: RedlandWorld) throws -> [Quad] {
        guard let file = ConformanceData.file(iri.value), FileManager.default.fileExists(atPath: file.path) else {
            throw ConformanceError("cannot load <\(iri.value)>: not a local file")
        }
        var quads = [Quad]()
        try RDFReader.parse(file: file.path, baseIRI: iri.value, world: world) { quads.append($0) }
        return quads
    }

    /// Quads as result rows, so `ResultsComparison` matches blank nodes across the whole store at once.
    private static func rows(_ quads: Set<Quad>) -> QueryResults {
        let rows = quads.map { quad -> [String: Term] in
            var row: [String: Term] = ["s": quad.subject, "p": quad.predicate, "o": quad.object]
            if let graph = quad.graph.term { row["g"] = graph }
            return row
        }
        return .solutions(variables: ["s", "p", "o", "g"], rows: rows)
    }

    private static func listing(_ quads: [Quad]) -> String { quads.map(\.description).sorted().joined(separator: "\n") }
}
