import JSONLD
import RDF

/// Reads the SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/).
///
/// Accepts what the specification's readers should: members in any order, unknown members (`head.link`) ignored,
/// and SPARQL 1.0's `"type": "typed-literal"`. A binding for a variable the head does not list is an error.
/// The JSON itself is read by RDF's `JSONTokenizer`, so duplicate keys are refused as in JSON-LD.
enum JSONResultsParser {
    /// Nesting allowed in a results document (the format itself needs 5 levels; extensions may nest more).
    static let maximumDepth = 512

    static func parse(_ bytes: [UInt8]) throws -> QueryResults {
        try bytes.withUnsafeBufferPointer { buffer in try parse(buffer) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> QueryResults {
        let document: JSONValue
        do throws(JSONSyntaxError) {
            document = try JSONTokenizer.parse(bytes, maximumDepth: maximumDepth)
        } catch {
            throw QueryResultsSyntaxError(error.exceedsNestingLimit ? "JSON nested too deeply" : error.message, at: error.position)
        }
        func error(_ message: String, at offset: Int) -> QueryResultsSyntaxError {
            QueryResultsSyntaxError(message, offset: offset, in: bytes)
        }
        func element(_ index: Int, ofArrayAt offset: Int) -> Int {
            JSONTokenizer.offset(ofElement: index, inArrayAt: offset, in: bytes)
        }
        guard case .object(let root) = document else {
            throw error("the document must be a JSON object", at: JSONTokenizer.documentOffset(in: bytes))
        }
        if let boolean = root["boolean"] {
            guard case .bool(let value) = boolean else { throw error("'boolean' must be true or false", at: root.valueOffset(of: "boolean")) }
            return .boolean(value)
        }
        guard case .object(let head)? = root["head"] else { throw error("missing 'head' object", at: root.offset) }
        var variables: [String] = []
        if let vars = head["vars"] {
            guard case .array(let names) = vars else { throw error("'head.vars' must be an array of strings", at: head.valueOffset(of: "vars")) }
            for (index, name) in names.enumerated() {
                guard let variable = name.string else {
                    throw error("'head.vars' must be an array of strings", at: element(index, ofArrayAt: head.valueOffset(of: "vars")))
                }
                guard !variables.contains(variable) else {
                    throw error("variable '\(variable)' is listed twice", at: element(index, ofArrayAt: head.valueOffset(of: "vars")))
                }
                variables.append(variable)
            }
        }
        guard case .object(let results)? = root["results"] else { throw error("missing 'results' object", at: root.offset) }
        guard case .array(let solutions)? = results["bindings"] else { throw error("missing 'results.bindings' array", at: results.offset) }
        let declared = Set(variables)
        var rows: [[String: Term]] = []
        rows.reserveCapacity(solutions.count)
        for (index, solution) in solutions.enumerated() {
            guard case .object(let members) = solution else {
                throw error("a solution must be a JSON object", at: element(index, ofArrayAt: results.valueOffset(of: "bindings")))
            }
            var row: [String: Term] = [:]
            for variable in members.keys {
                guard declared.contains(variable) else {
                    throw error("binding for '\(variable)', which 'head.vars' does not list", at: members.valueOffset(of: variable))
                }
                guard case .object(let term)? = members[variable] else {
                    throw error("an RDF term must be a JSON object", at: members.valueOffset(of: variable))
                }
                row[variable] = try self.term(term, error)
            }
            rows.append(row)
        }
        return .solutions(variables: variables, rows: rows)
    }

    private static func term(_ value: JSONObject, _ error: (String, Int) -> QueryResultsSyntaxError) throws -> Term {
        guard let type = value["type"]?.string else { throw error("an RDF term needs a string 'type'", value.offset) }
        guard let lexical = value["value"]?.string else { throw error("an RDF term needs a string 'value'", value.offset) }
        switch type {
        case "uri":
            return .iri(IRI(lexical))
        case "bnode":
            return .blankNode(BlankNode(lexical))
        case "literal", "typed-literal":
            if let language = value["xml:lang"] {
                guard let tag = language.string, !tag.isEmpty else {
                    throw error("'xml:lang' must be a non-empty string", value.valueOffset(of: "xml:lang"))
                }
                return .literal(Literal(lexical, language: tag))
            }
            if let datatype = value["datatype"] {
                guard let iri = datatype.string else { throw error("'datatype' must be a string", value.valueOffset(of: "datatype")) }
                return .literal(Literal(lexical, datatype: IRI(iri)))
            }
            return .literal(Literal(lexical))
        default:
            throw error("unknown RDF term type '\(type)'", value.offset)
        }
    }
}
