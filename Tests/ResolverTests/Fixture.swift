import RDF
import Redland
import Resolver
import Store

/// Small hand-made EIRA-like data across the graphs the importer writes: a SKOS release, an ArchiMate release, the
/// mapping graph, and a solution.
enum Fixture {
    static let skos = "https://w3id.org/lodestar/graph/eira/skos/v4.0.0"
    static let archimate = "https://w3id.org/lodestar/graph/eira/archimate/v6.0.0"
    static let mappings = "https://w3id.org/lodestar/graph/eira/mappings"
    static let solutions = "http://example.org/graph/solutions"

    static let nquads = """
        <http://data.europa.eu/dr8> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#ConceptScheme> <\(skos)> .
        <http://data.europa.eu/dr8> <http://purl.org/dc/terms/title> "EIRA test scheme" <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/2004/02/skos/core#prefLabel> "Alpha <script>alert(1)</script>"@en <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/2004/02/skos/core#definition> "DESCRIPTION:\\nFirst line of A.\\nSecond line of A.\\n\\nAnother paragraph.\\n\\nINTEROPERABILITY SALIENCY:\\nSalient &amp; important.\\n\\nEXAMPLES:\\nAn example."@en <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://purl.org/dc/terms/identifier> "ABB1" <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/2004/02/skos/core#related> <http://data.europa.eu/dr8/Beta> <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/2004/02/skos/core#broader> <http://data.europa.eu/dr8/Gamma> <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://purl.org/dc/terms/replaces> <http://data.europa.eu/dr8/Old> <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://example.org/note> _:n1 <\(skos)> .
        _:n1 <http://example.org/text> "first note" <\(skos)> .
        _:n1 <http://example.org/next> _:n2 <\(skos)> .
        _:n2 <http://example.org/text> "second note" <\(skos)> .
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/lodestar/archimate#BusinessObject> <\(archimate)> .
        <http://data.europa.eu/dr8/Alpha> <https://w3id.org/lodestar/archimate#aggregation> <http://data.europa.eu/dr8/Beta> <\(archimate)> .
        <http://data.europa.eu/dr8/Delta> <https://w3id.org/lodestar/archimate#serving> <http://data.europa.eu/dr8/Alpha> <\(archimate)> .
        <http://data.europa.eu/dr8/Beta> <http://www.w3.org/2004/02/skos/core#prefLabel> "Beta"@en <\(skos)> .
        <http://data.europa.eu/dr8/Beta> <http://www.w3.org/2004/02/skos/core#prefLabel> "Bêta"@fr <\(skos)> .
        <http://data.europa.eu/dr8/Beta> <http://purl.org/dc/terms/identifier> "ABB2" <\(skos)> .
        <http://data.europa.eu/dr8/Gamma> <http://www.w3.org/2004/02/skos/core#prefLabel> "Gamma"@en <\(skos)> .
        <http://data.europa.eu/dr8/Gamma> <http://www.w3.org/2004/02/skos/core#definition> "Gamma's own definition"@en <\(skos)> .
        <http://data.europa.eu/dr8/Delta> <http://www.w3.org/2000/01/rdf-schema#label> "Delta" <\(archimate)> .
        <http://data.europa.eu/dr8/view/TestView> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Collection> <\(skos)> .
        <http://data.europa.eu/dr8/view/TestView> <http://www.w3.org/2004/02/skos/core#prefLabel> "Test view"@en <\(skos)> .
        <http://data.europa.eu/dr8/view/TestView> <http://www.w3.org/2004/02/skos/core#member> <http://data.europa.eu/dr8/Alpha> <\(skos)> .
        <http://data.europa.eu/dr8/view/TestView> <http://www.w3.org/2004/02/skos/core#member> <http://data.europa.eu/dr8/Beta> <\(skos)> .
        <http://data.europa.eu/dr8/Old> <http://www.w3.org/2004/02/skos/core#prefLabel> "Old block"@en <\(skos)> .
        <http://data.europa.eu/dr8/Old> <http://www.w3.org/2002/07/owl#deprecated> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> <\(skos)> .
        <http://data.europa.eu/dr8/Old> <http://purl.org/dc/terms/isReplacedBy> <http://data.europa.eu/dr8/Alpha> <\(mappings)> .
        <http://data.europa.eu/dr8/Renamed> <http://www.w3.org/2004/02/skos/core#prefLabel> "Renamed block"@en <\(skos)> .
        <http://data.europa.eu/dr8/Renamed> <http://purl.org/dc/terms/isReplacedBy> <http://data.europa.eu/dr8/Beta> <\(mappings)> .
        <http://example.org/solution/1> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/Alpha> <\(solutions)> .
        <http://example.org/solution/1> <http://purl.org/dc/terms/title> "Solution One"@en <\(solutions)> .
        <http://example.org/solution/1> <http://example.org/unrelated> "not in Alpha's document" <\(solutions)> .

        """

    static func iri(_ local: String) -> IRI { PURINamespace.dr8.puri(local: local) }

    /// Runs `body` over a fresh in-memory store holding the fixture.
    static func withStore<T>(extra: String = "", _ body: (QuadStore) async throws -> T) async throws -> T {
        let store = try await QuadStore.open(.memory)
        do {
            try await store.load(bytes: Array((nquads + extra).utf8), name: "fixture.nq", format: .nquads, baseIRI: "http://example.org/")
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
