public import RDF
public import SPARQL

/// The SPARQL search service: `SERVICE <https://w3id.org/lodestar/search> { ?hit lds:query "public polic*" ;
/// lds:score ?score ; lds:snippet ?snippet }` (`lds:` is `https://w3id.org/lodestar/search#`). Optional inputs:
/// `lds:lang "fr"`, `lds:type <class>` (repeatable), `lds:limit 20`; optional outputs: `lds:property ?p` (the
/// predicate whose text matched). Answers from the query's own dataset, so it sees exactly what the query sees.
public struct SearchService: ServiceHandler {
    public static let iri = IRI("https://w3id.org/lodestar/search")
    public static let namespace = "https://w3id.org/lodestar/search#"
    static let query = IRI(namespace + "query"), score = IRI(namespace + "score"), snippet = IRI(namespace + "snippet")
    static let lang = IRI(namespace + "lang"), type = IRI(namespace + "type"), limit = IRI(namespace + "limit")
    static let property = IRI(namespace + "property")

    /// Hits per SERVICE call unless `lds:limit` says otherwise, and the most it may say.
    static let defaultLimit = 100
    static let maxLimit = 10_000

    let index: SearchIndex

    public init(index: SearchIndex) { self.index = index }

    public func evaluate(_ pattern: GraphPattern, over dataset: any QueryableDataset) throws -> ServiceSolutions {
        guard case .bgp(let triples) = pattern, let first = triples.first else {
            throw QueryEvaluationError.invalidServiceCall("the search service takes triple patterns about one ?hit, e.g. ?hit lds:query \"word*\"")
        }
        var text: String?
        var language: String?
        var classes: [IRI] = []
        var limit = Self.defaultLimit
        var outputs: [(IRI, Variable)] = []
        for triple in triples {
            guard triple.subject == first.subject, case .term(.iri(let predicate)) = triple.predicate else {
                throw QueryEvaluationError.invalidServiceCall(
                    "every search triple must share one subject and name an lds: predicate (lds:query \"words\", lds:score ?score, …)")
            }
            switch (predicate, triple.object) {
            case (Self.query, .term(.literal(let literal))): text = literal.lexicalForm
            case (Self.query, .variable):
                throw QueryEvaluationError.invalidServiceCall("lds:query takes the search text as a literal (\"public polic*\"), not a variable")
            case (Self.lang, .term(.literal(let literal))): language = literal.lexicalForm
            case (Self.type, .term(.iri(let iri))): classes.append(iri)
            case (Self.limit, .term(.literal(let literal))):
                guard let value = Int(literal.lexicalForm), value > 0, value <= Self.maxLimit else {
                    throw QueryEvaluationError.invalidServiceCall("lds:limit must be a whole number from 1 to \(Self.maxLimit)")
                }
                limit = value
            case (Self.score, .variable(let variable)), (Self.snippet, .variable(let variable)), (Self.property, .variable(let variable)):
                outputs.append((predicate, variable))
            default:
                throw QueryEvaluationError.invalidServiceCall(
                    "the search service does not know \(predicate.value) with that object; use lds:query, lds:lang, lds:type, lds:limit "
                        + "(inputs) and lds:score, lds:snippet, lds:property (variables)")
            }
        }
        guard let text else { throw QueryEvaluationError.invalidServiceCall("the search service needs lds:query \"words\"") }
        let hits: SearchResults
        do {
            hits = try index.search(text, in: dataset, language: language, classes: classes, limit: limit)
        } catch {
            // The index failed (not the caller's doing): the query cannot be answered here.
            throw QueryEvaluationError.unsupported(error.description)
        }
        var variables: [Variable] = []
        if case .variable(let hit) = first.subject { variables.append(hit) }
        variables += outputs.map(\.1)
        let rows: [[Term?]] = hits.compactMap { hit in
            if case .term(let subject) = first.subject, subject != .iri(hit.subject) { return nil }
            var row: [Term?] = []
            if case .variable = first.subject { row.append(.iri(hit.subject)) }
            for (predicate, _) in outputs {
                switch predicate {
                case Self.score: row.append(.literal(Literal(String(hit.score), datatype: XSD.double)))
                case Self.snippet: row.append(.literal(Literal(hit.snippet)))
                default: row.append(.iri(hit.predicate))
                }
            }
            return row
        }
        return ServiceSolutions(variables: variables, rows: rows)
    }
}
