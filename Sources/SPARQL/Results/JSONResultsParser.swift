import RDF

/// Reads the SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/).
///
/// Accepts what the specification's readers should: members in any order, unknown members (`head.link`) ignored,
/// and SPARQL 1.0's `"type": "typed-literal"`. A binding for a variable the head does not list is an error.
enum JSONResultsParser {
    static func parse(_ bytes: [UInt8]) throws -> QueryResults {
        let document = try JSONReader.parse(bytes)
        func error(_ message: String, _ value: JSONValue) -> QueryResultsSyntaxError {
            QueryResultsSyntaxError(message, offset: value.offset, in: bytes)
        }
        guard case .object = document.kind else { throw error("the document must be a JSON object", document) }
        if let boolean = document["boolean"] {
            guard case .bool(let value) = boolean.kind else { throw error("'boolean' must be true or false", boolean) }
            return .boolean(value)
        }
        guard let head = document["head"], case .object = head.kind else { throw error("missing 'head' object", document) }
        var variables: [String] = []
        if let vars = head["vars"] {
            guard case .array(let names) = vars.kind else { throw error("'head.vars' must be an array of strings", vars) }
            for name in names {
                guard let variable = name.string else { throw error("'head.vars' must be an array of strings", name) }
                guard !variables.contains(variable) else { throw error("variable '\(variable)' is listed twice", name) }
                variables.append(variable)
            }
        }
        guard let results = document["results"], case .object = results.kind else { throw error("missing 'results' object", document) }
        guard let bindings = results["bindings"], case .array(let solutions) = bindings.kind else {
            throw error("missing 'results.bindings' array", results)
        }
        let declared = Set(variables)
        var rows: [[String: Term]] = []
        rows.reserveCapacity(solutions.count)
        for solution in solutions {
            guard case .object(let members) = solution.kind else { throw error("a solution must be a JSON object", solution) }
            var row: [String: Term] = [:]
            for (variable, value) in members {
                guard declared.contains(variable) else { throw error("binding for '\(variable)', which 'head.vars' does not list", value) }
                row[variable] = try term(value, error)
            }
            rows.append(row)
        }
        return .solutions(variables: variables, rows: rows)
    }

    private static func term(_ value: JSONValue, _ error: (String, JSONValue) -> QueryResultsSyntaxError) throws -> Term {
        guard case .object = value.kind else { throw error("an RDF term must be a JSON object", value) }
        guard let type = value["type"]?.string else { throw error("an RDF term needs a string 'type'", value) }
        guard let lexical = value["value"]?.string else { throw error("an RDF term needs a string 'value'", value) }
        switch type {
        case "uri":
            return .iri(IRI(lexical))
        case "bnode":
            return .blankNode(BlankNode(lexical))
        case "literal", "typed-literal":
            if let language = value["xml:lang"] {
                guard let tag = language.string, !tag.isEmpty else { throw error("'xml:lang' must be a non-empty string", language) }
                return .literal(Literal(lexical, language: tag))
            }
            if let datatype = value["datatype"] {
                guard let iri = datatype.string else { throw error("'datatype' must be a string", datatype) }
                return .literal(Literal(lexical, datatype: IRI(iri)))
            }
            return .literal(Literal(lexical))
        default:
            throw error("unknown RDF term type '\(type)'", value)
        }
    }
}
