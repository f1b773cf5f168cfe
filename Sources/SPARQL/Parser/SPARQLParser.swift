/// Parses SPARQL 1.1 queries and updates into the algebra (https://www.w3.org/TR/sparql11-query/#sparqlQuery).
///
/// The result is already translated as §18.2 says: group graph patterns become joins, left joins and filters, blank
/// nodes of WHERE clauses become generated variables (`Variable.isGenerated`), aggregates are replaced by the variables
/// a `GraphPattern.group` binds, and solution modifiers wrap the pattern. Generated variables and template blank nodes
/// are numbered canonically (in a fixed walk of the result), so equal queries parse to equal values.
///
/// The parser also makes the static checks the specification requires of a valid query: blank node labels confined to
/// one basic graph pattern (and, in an update, to one INSERT DATA), variables assigned by BIND and `AS` that are not
/// already in scope, projections of aggregate queries that use only grouped variables, aggregates only where allowed,
/// built-in calls with the right number of arguments, and no blank nodes in DELETE forms.
///
/// ```swift
/// let query = try SPARQLParser.parseQuery("SELECT ?s WHERE { ?s a <http://example.org/Thing> }")
/// print(query.pattern.sse)
/// // (project (?s)
/// //   (bgp (triple ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Thing>)))
/// ```
///
/// Nesting deeper than 500 groups, brackets or lists is refused, so no input can exhaust the stack: at that depth the
/// parser needs about 1 MB of stack in release builds and 3 MB in debug builds (threads get 8 MB on Linux). Parsing
/// time is linear in the length of the text; long flat sequences (thousands of OPTIONALs, `&&`s or UNIONs) are fine.
public enum SPARQLParser {
    /// Parses a SPARQL 1.1 query (https://www.w3.org/TR/sparql11-query/#rQueryUnit).
    /// - Parameters:
    ///   - text: The query. `\u`/`\U` escapes are processed first, as §19.2 says.
    ///   - baseIRI: The IRI relative IRIs resolve against until a BASE declaration replaces it; with neither,
    ///     relative IRIs are kept as written.
    /// - Throws: `SPARQLSyntaxError` at the first problem, with 0-based positions (line, column in Unicode scalars,
    ///   byte offset) of the offending token and a message saying what was found and what was expected.
    public static func parseQuery(_ text: String, baseIRI: String? = nil) throws(SPARQLSyntaxError) -> Query {
        // With no deadline and no cancellation flag, only a syntax error can end the parse.
        try syntaxErrors { () throws in try parseQuery(text, baseIRI: baseIRI, deadline: nil) }
    }

    /// Parses a SPARQL 1.1 update request (https://www.w3.org/TR/sparql11-update/#rUpdate): operations separated by
    /// `;`, each preceded by its own prologue.
    /// - Parameters:
    ///   - text: The request. `\u`/`\U` escapes are processed first.
    ///   - baseIRI: As for `parseQuery`; BASE declarations between operations change it for later operations.
    /// - Throws: `SPARQLSyntaxError` at the first problem, as for `parseQuery`.
    public static func parseUpdate(_ text: String, baseIRI: String? = nil) throws(SPARQLSyntaxError) -> Update {
        try syntaxErrors { () throws in try parseUpdate(text, baseIRI: baseIRI, deadline: nil) }
    }

    /// Parses a query under a request's deadline: the time parsing takes counts against the same limit as evaluation.
    /// - Throws: `SPARQLSyntaxError`, or `QueryEvaluationError.timeout` / `.cancelled` when the deadline passes or
    ///   `cancellation` is set while parsing (checked every 1024 tokens).
    public static func parseQuery(
        _ text: String, baseIRI: String? = nil, deadline: ContinuousClock.Instant?, cancellation: QueryCancellation? = nil
    ) throws -> Query {
        var parser = try Parser(text, baseIRI: baseIRI)
        parser.deadline = deadline
        parser.cancellation = cancellation
        let query = try parser.parseQuery()
        var canonicalizer = GeneratedNameCanonicalizer()
        return canonicalizer.canonical(query)
    }

    /// Parses an update request under a request's deadline, as `parseQuery(_:baseIRI:deadline:cancellation:)`.
    public static func parseUpdate(
        _ text: String, baseIRI: String? = nil, deadline: ContinuousClock.Instant?, cancellation: QueryCancellation? = nil
    ) throws -> Update {
        var parser = try Parser(text, baseIRI: baseIRI)
        parser.deadline = deadline
        parser.cancellation = cancellation
        let update = try parser.parseUpdate()
        // Data of a million quads takes a second more to convert and canonicalise after its last token: look again.
        do {
            try parser.checkDeadline()
        } catch {
            Discard.later(consume update)
            throw error
        }
        var canonicalizer = GeneratedNameCanonicalizer()
        return canonicalizer.canonical(update)
    }

    /// The parser throws untyped internally (see `Parser`); without a deadline only `SPARQLSyntaxError` is thrown.
    private static func syntaxErrors<T>(_ body: () throws -> T) throws(SPARQLSyntaxError) -> T {
        do {
            return try body()
        } catch let error as SPARQLSyntaxError {
            throw error
        } catch {
            preconditionFailure("the SPARQL parser threw \(error)")
        }
    }
}
