import Foundation
import RDF
import Redland
import SPARQL

/// A query's answer held in memory, ours or the expected one: a result table or boolean, or a graph (CONSTRUCT, DESCRIBE).
enum Answer {
    case results(QueryResults)
    case graph(Set<Triple>)

    /// Pulls a whole evaluation result into memory.
    /// - Throws: `QueryEvaluationError` (the deadline, above all) while pulling.
    init(_ result: QueryResult) throws(QueryEvaluationError) {
        switch result {
        case .boolean(let value):
            self = .results(.boolean(value))
        case .solutions(var solutions):
            let names = solutions.variables.map(\.name)
            var rows: [[String: Term]] = []
            while let row = try solutions.next() {
                var bindings: [String: Term] = [:]
                for (name, value) in zip(names, row) { bindings[name] = value }
                rows.append(bindings)
            }
            self = .results(.solutions(variables: names, rows: rows))
        case .graph(var triples):
            var graph = Set<Triple>()
            while let triple = try triples.next() { graph.insert(triple) }
            self = .graph(graph)
        }
    }

    /// Reads an expected result file (`mf:result`): `.srx`, `.srj`, `.tsv`, `.csv` as results documents; `.ttl`, `.rdf`,
    /// `.nt` as a graph for CONSTRUCT and DESCRIBE, else as a result set in the DAWG result-set vocabulary.
    /// - Throws: Parser errors of the file, which make the test fail (the file is the suite's, so that is our bug).
    static func read(_ iri: String, form: Query.Form, world: RedlandWorld) throws -> Answer {
        guard let file = ConformanceData.file(iri) else { throw ConformanceError("mf:result is not a local file: \(iri)") }
        if let format = QueryResultsFormat.allCases.first(where: { $0.fileExtension == file.pathExtension }) {
            return .results(try QueryResultsParser.parse(Array(try Data(contentsOf: file)), format: format))
        }
        var triples: [Triple] = []  // in document order: a result set without rs:index keeps its row order
        try RDFReader.parse(file: file.path, baseIRI: iri, world: world) { triples.append($0.triple) }
        switch form {
        case .construct, .describe: return .graph(Set(triples))
        case .select, .ask: return .results(try QueryResultsParser.fromResultSetGraph(triples))
        }
    }
}

/// A failure of the test harness itself (a missing file), as opposed to an engine failure.
struct ConformanceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
