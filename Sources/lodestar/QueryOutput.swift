import RDF
import Redland
import SPARQL
import Store

/// Writes a query result to standard output in the requested (or default) format.
enum QueryOutput {
    static func write(_ result: QueryResult, format name: String?, store: QuadStore) async throws {
        switch result {
        case .boolean(let value):
            var serializer = QueryResultsSerializer(format: try resultsFormat(name), sink: Terminal.write)
            try serializer.writeBoolean(value)
        case .solutions(var solutions):
            var serializer = QueryResultsSerializer(format: try resultsFormat(name), sink: Terminal.write)
            try serializer.start(variables: solutions.variables.map(\.name))
            while let row = try solutions.nextIDs() { try serializer.write(row, of: solutions) }
            try serializer.finish()
        case .graph(var triples):
            let writer = try RDFWriter(format: try graphFormat(name), prefixes: QuadStore.commonPrefixes, sink: Terminal.write)
            while let triple = try triples.next() { try writer.write(Quad(triple, graph: .defaultGraph)) }
            try writer.finish()
        }
    }

    /// Whether `name` is a `--format` of `lodestar query`: a results format or an RDF format.
    static func isKnown(_ name: String) -> Bool { QueryResultsFormat(name: name) != nil || RDFFormat(name: name) != nil }

    private static func resultsFormat(_ name: String?) throws -> QueryResultsFormat {
        guard let name else { return .json }
        if let format = QueryResultsFormat(name: name) { return format }
        throw QueryOutputError("\(name) is for CONSTRUCT and DESCRIBE; use json, xml, csv or tsv")
    }

    private static func graphFormat(_ name: String?) throws -> RDFFormat {
        guard let name else { return .turtle }
        if let format = RDFFormat(name: name) { return format }
        throw QueryOutputError("\(name) is for SELECT and ASK; use turtle, ntriples, nquads, trig, rdfxml or jsonld")
    }
}

struct QueryOutputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
