import RDF
import Redland
import SPARQL
import Store

/// The `--format` names of `lodestar query`: a results format for SELECT/ASK or an RDF format for graphs.
enum QueryOutputFormat {
    case results(QueryResultsFormat)
    case rdf(RDFFormat)
    /// JSON-LD, written by our own serializer (raptor has none).
    case jsonLD

    init?(name: String) {
        if name == "jsonld" || name == "json-ld" {
            self = .jsonLD
        } else if let format = QueryResultsFormat(name: name) {
            self = .results(format)
        } else if let format = RDFFormat(name: name) {
            self = .rdf(format)
        } else {
            return nil
        }
    }
}

/// Writes a query result to standard output in the requested (or default) format.
enum QueryOutput {
    static func write(_ result: QueryResult, format: QueryOutputFormat?, store: QuadStore) async throws {
        switch result {
        case .boolean(let value):
            var serializer = QueryResultsSerializer(format: try resultsFormat(format), sink: Terminal.write)
            try serializer.writeBoolean(value)
        case .solutions(var solutions):
            var serializer = QueryResultsSerializer(format: try resultsFormat(format), sink: Terminal.write)
            try serializer.start(variables: solutions.variables.map(\.name))
            while let row = try solutions.next() { try serializer.write(row) }
            try serializer.finish()
        case .graph(var triples) where format.map({ if case .jsonLD = $0 { true } else { false } }) == true:
            let serializer = JSONLDSerializer(prefixes: QuadStore.commonPrefixes, sink: Terminal.write)
            while let triple = try triples.next() { try serializer.write(Quad(triple, graph: .defaultGraph)) }
            try serializer.finish()
        case .graph(var triples):
            let rdfFormat = try graphFormat(format)
            var quads = [Quad]()
            while let triple = try triples.next() {
                if rdfFormat == .ntriples || rdfFormat == .nquads {
                    try Terminal.write(Array((triple.description + "\n").utf8))
                } else {
                    quads.append(Quad(triple, graph: .defaultGraph))
                }
            }
            if rdfFormat != .ntriples && rdfFormat != .nquads {
                try await store.serialize(quads, format: rdfFormat) { try Terminal.write($0) }
            }
        }
    }

    private static func resultsFormat(_ format: QueryOutputFormat?) throws -> QueryResultsFormat {
        switch format {
        case nil: return .json
        case .results(let format): return format
        case .rdf(let format): throw QueryOutputError("\(format.rawValue) is for CONSTRUCT and DESCRIBE; use json, xml, csv or tsv")
        case .jsonLD: throw QueryOutputError("jsonld is for CONSTRUCT and DESCRIBE; use json, xml, csv or tsv")
        }
    }

    private static func graphFormat(_ format: QueryOutputFormat?) throws -> RDFFormat {
        switch format {
        case nil: return .turtle
        case .rdf(let format): return format
        case .results(let format): throw QueryOutputError("\(format.name) is for SELECT and ASK; use turtle, ntriples, nquads, rdfxml or jsonld")
        case .jsonLD: preconditionFailure("JSON-LD graphs are written before graphFormat is asked")
        }
    }
}

struct QueryOutputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
