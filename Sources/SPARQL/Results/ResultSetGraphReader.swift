import RDF

/// Reads a result set written in the DAWG result-set vocabulary (see `QueryResultsParser.fromResultSetGraph`).
struct ResultSetGraphReader {
    /// http://www.w3.org/2001/sw/DataAccess/tests/result-set# — used only by the W3C tests, so spelled here rather than in RDF.
    private enum RS {
        static let namespace = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
        static let resultSet = Term.iri(namespace + "ResultSet")
        static let resultVariable = Term.iri(namespace + "resultVariable")
        static let solution = Term.iri(namespace + "solution")
        static let binding = Term.iri(namespace + "binding")
        static let variable = Term.iri(namespace + "variable")
        static let value = Term.iri(namespace + "value")
        static let boolean = Term.iri(namespace + "boolean")
        static let index = Term.iri(namespace + "index")
    }

    /// Each subject's (predicate, object) pairs, in triple order.
    private var properties: [Term: [(predicate: Term, object: Term)]] = [:]
    private let triples: [Triple]

    init(_ triples: [Triple]) {
        self.triples = triples
        for triple in triples { properties[triple.subject, default: []].append((triple.predicate, triple.object)) }
    }

    private func objects(_ subject: Term, _ predicate: Term) -> [Term] {
        properties[subject, default: []].lazy.filter { $0.predicate == predicate }.map(\.object)
    }

    func read() throws -> QueryResults {
        let resultSetPredicates = [RS.resultVariable, RS.solution, RS.boolean]
        let typeIRI = Term.iri(RDFVocabulary.type)
        guard
            let resultSet = triples.first(where: { $0.predicate == typeIRI && $0.object == RS.resultSet })?.subject
                ?? triples.first(where: { resultSetPredicates.contains($0.predicate) })?.subject
        else { throw QueryResultsSyntaxError("no rs:ResultSet in the graph") }

        if let boolean = objects(resultSet, RS.boolean).first {
            guard case .literal(let literal) = boolean else { throw QueryResultsSyntaxError("rs:boolean must be a literal") }
            switch literal.lexicalForm {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: throw QueryResultsSyntaxError("rs:boolean must be true or false, not '\(literal.lexicalForm)'")
            }
        }

        var variables: [String] = []
        for name in objects(resultSet, RS.resultVariable) {
            let variable = try Self.variableName(name)
            if !variables.contains(variable) { variables.append(variable) }
        }
        var rows: [(index: Int?, row: [String: Term])] = []
        for solution in objects(resultSet, RS.solution) {
            var row: [String: Term] = [:]
            for binding in objects(solution, RS.binding) {
                guard let name = objects(binding, RS.variable).first else { throw QueryResultsSyntaxError("rs:binding without rs:variable") }
                guard let value = objects(binding, RS.value).first else { throw QueryResultsSyntaxError("rs:binding without rs:value") }
                let variable = try Self.variableName(name)
                guard row[variable] == nil else { throw QueryResultsSyntaxError("variable '\(variable)' bound twice in one solution") }
                if !variables.contains(variable) { variables.append(variable) }
                row[variable] = value
            }
            let index = try objects(solution, RS.index).first.map { term -> Int in
                guard case .literal(let literal) = term, let index = Int(literal.lexicalForm) else {
                    throw QueryResultsSyntaxError("rs:index must be an integer")
                }
                return index
            }
            rows.append((index, row))
        }
        if rows.contains(where: { $0.index != nil }) {
            // Stable: solutions without an index keep their relative order, after the indexed ones.
            rows = rows.enumerated().sorted { a, b in
                (a.element.index ?? Int.max, a.offset) < (b.element.index ?? Int.max, b.offset)
            }.map(\.element)
        }
        return .solutions(variables: variables, rows: rows.map(\.row))
    }

    private static func variableName(_ term: Term) throws -> String {
        guard case .literal(let literal) = term else { throw QueryResultsSyntaxError("a variable name must be a literal, not \(term)") }
        return literal.lexicalForm
    }
}
