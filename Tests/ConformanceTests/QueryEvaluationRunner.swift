import Foundation
import RDF
import Redland
import SPARQL

/// Runs one query evaluation test (`mf:QueryEvaluationTest`, `mf:CSVResultFormatTest`): load the data, parse the
/// query, evaluate it, compare the answer with `mf:result` (see `AnswerComparison` for what counts as equal).
///
/// Every file is addressed by its `file:` IRI, which is also the base IRI it is parsed with, so relative IRIs in
/// queries, data and results all resolve against the same folder, and `FROM <data-g1.ttl>` names the same graph that
/// `qt:graphData <data-g1.ttl>` loads.
enum QueryEvaluationRunner {
    /// How long one query may run before it counts as failed (`QueryOptions.deadline`); W3C tests take milliseconds.
    static let timeLimit: Duration = .seconds(10)

    /// - Returns: `nil` if our answer is the expected one, else what went wrong (with both answers).
    /// - Throws: `ConformanceError` or a parser error when the test's own files cannot be read: a harness failure.
    static func run(_ entry: ManifestEntry) throws -> String? {
        guard let queryIRI = entry.query, let queryFile = ConformanceData.file(queryIRI) else { throw ConformanceError("no local qt:query") }
        guard let resultIRI = entry.result else { throw ConformanceError("no mf:result") }
        let text = try String(contentsOf: queryFile, encoding: .utf8)
        let query: Query
        do {
            query = try SPARQLParser.parseQuery(text, baseIRI: queryIRI)
        } catch {
            return "the query does not parse: \(error)"
        }
        let world = try RedlandWorld()
        let dataset = try loadDataset(for: entry, query: query, world: world)
        let actual: Answer
        do {
            let evaluator = QueryEvaluator(options: QueryOptions(deadline: .now + timeLimit))
            actual = try Answer(evaluator.evaluate(query, in: dataset))
        } catch {
            return "evaluation failed: \(error)"
        }
        let expected = try Answer.read(resultIRI, form: query.form, world: world)
        let comparison = AnswerComparison(
            ordered: AnswerComparison.isOrdered(query.pattern), laxCardinality: entry.laxCardinality,
            throughCSV: entry.type == .csvResultFormat || resultIRI.hasSuffix(".csv"))
        return try comparison.mismatch(actual: actual, expected: expected).map { "wrong answer\n\($0)" }
    }

    /// `qt:data` into the default graph, `qt:graphData` into graphs named by their file IRIs, and the local files that
    /// FROM / FROM NAMED name (the service is expected to fetch those) into graphs named likewise. Each file gets its
    /// own blank nodes.
    static func loadDataset(for entry: ManifestEntry, query: Query, world: RedlandWorld) throws -> InMemoryDataset {
        var dataset = InMemoryDataset()
        func load(_ iri: String, into graph: GraphName) throws {
            guard let file = ConformanceData.file(iri) else { throw ConformanceError("data is not a local file: \(iri)") }
            try RDFReader.parse(file: file.path, baseIRI: iri, world: world) { quad in
                dataset.insert(Quad(quad.subject, quad.predicate, quad.object, graph: graph))
            }
        }
        for iri in entry.data { try load(iri, into: .defaultGraph) }
        var named = Set(entry.graphData)
        for iri in entry.graphData { try load(iri, into: .iri(IRI(iri))) }
        for iri in (query.dataset?.defaultGraphs ?? []) + (query.dataset?.namedGraphs ?? []) {
            guard let file = ConformanceData.file(iri.value), FileManager.default.fileExists(atPath: file.path),
                named.insert(iri.value).inserted
            else { continue }
            try load(iri.value, into: .iri(iri))
        }
        return dataset
    }
}
