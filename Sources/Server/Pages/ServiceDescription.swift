package import RDF
import Redland
import Resolver
import SPARQL
import Search
package import Store

/// The SPARQL 1.1 Service Description of the endpoint (https://www.w3.org/TR/sparql11-service-description/), as quads
/// in the default graph: what bare `GET /sparql` answers to RDF clients.
package enum ServiceDescription {
    static let sd = "http://www.w3.org/ns/sparql-service-description#"
    static let void = "http://rdfs.org/ns/void#"

    /// What the description says.
    package struct Facts: Sendable {
        package var endpoint: String
        package var updatesEnabled: Bool
        package var unionDefaultGraph: Bool
    }

    /// The description, with the default dataset's graphs and their sizes read from `snapshot`.
    package static func quads(_ facts: Facts, snapshot: Snapshot) -> [Quad] {
        var quads: [Quad] = []
        let service = Term.blankNode(BlankNode("service"))
        func add(_ subject: Term, _ predicate: String, _ object: Term) {
            quads.append(Quad(subject, .iri(predicate), object))
        }
        add(service, RDFVocabulary.type.value, .iri(sd + "Service"))
        add(service, sd + "endpoint", .iri(facts.endpoint))
        add(service, sd + "supportedLanguage", .iri(sd + "SPARQL11Query"))
        if facts.updatesEnabled { add(service, sd + "supportedLanguage", .iri(sd + "SPARQL11Update")) }
        for format in QueryResultsFormat.allCases { add(service, sd + "resultFormat", .iri(format.iri)) }
        for format in RDFFormat.allCases { add(service, sd + "resultFormat", .iri(format.formatIRI)) }
        for format in RDFFormat.allCases { add(service, sd + "inputFormat", .iri(format.formatIRI)) }
        if facts.unionDefaultGraph { add(service, sd + "feature", .iri(sd + "UnionDefaultGraph")) }
        add(service, sd + "feature", .iri(sd + "EmptyGraphs"))
        // The full-text search answered in process: `SERVICE <https://w3id.org/lodestar/search> { ?hit lds:query "…" }`.
        let search = Term.iri(SearchService.iri)
        add(service, sd + "feature", search)
        add(search, RDFVocabulary.type.value, .iri(sd + "Feature"))
        let about = "Full-text search (SQLite FTS5): lds:query, lds:lang, lds:type, lds:limit in; lds:score, lds:snippet, lds:property out"
        add(search, RDFS.label.value, .literal(Literal(about, language: "en")))
        add(search, RDFS.namespace + "seeAlso", .iri(SearchService.namespace))

        let dataset = Term.blankNode(BlankNode("dataset"))
        add(service, sd + "defaultDataset", dataset)
        add(dataset, RDFVocabulary.type.value, .iri(sd + "Dataset"))
        let defaultGraph = Term.blankNode(BlankNode("defaultGraph"))
        add(dataset, sd + "defaultGraph", defaultGraph)
        add(defaultGraph, RDFVocabulary.type.value, .iri(sd + "Graph"))
        let defaultCount = facts.unionDefaultGraph ? snapshot.count : snapshot.count(matching: EncodedQuadPattern(graph: .defaultGraph))
        add(defaultGraph, void + "triples", integer(defaultCount))
        for (index, id) in snapshot.namedGraphsInContentOrder.enumerated() {
            let name = snapshot.term(for: id)
            let namedGraph = Term.blankNode(BlankNode("namedGraph\(index)"))
            let graph = Term.blankNode(BlankNode("graph\(index)"))
            add(dataset, sd + "namedGraph", namedGraph)
            add(namedGraph, RDFVocabulary.type.value, .iri(sd + "NamedGraph"))
            add(namedGraph, sd + "name", name)
            add(namedGraph, sd + "graph", graph)
            add(graph, RDFVocabulary.type.value, .iri(sd + "Graph"))
            add(graph, void + "triples", integer(snapshot.count(matching: EncodedQuadPattern(graph: id))))
        }
        return quads
    }

    /// Prefixes for writing the description.
    package static let prefixes: [String: String] = [
        "sd": sd, "void": void, "formats": "http://www.w3.org/ns/formats/", "lds": SearchService.namespace,
    ]

    private static func integer(_ value: Int) -> Term { .literal(Literal(String(value), datatype: XSD.integer)) }
}
