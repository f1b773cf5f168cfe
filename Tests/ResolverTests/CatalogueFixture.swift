/// ADMS-AP solutions beside `Fixture`'s blocks: one harvested from a source (with provenance), typed with Alpha's
/// older PURI and with Beta's `http://data.europa.eu/eira/` form; a hostile one with a `javascript:` IRI and markup.
enum CatalogueFixture {
    static let source = "https://w3id.org/lodestar/graph/source/joinup"
    static let provenance = "https://w3id.org/lodestar/graph/federation/provenance"
    static let solution = "http://example.org/solution/2"

    static let nquads = """
        <\(solution)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> <\(source)> .
        <\(solution)> <http://purl.org/dc/terms/title> "Open Data Portal"@en <\(source)> .
        <\(solution)> <http://purl.org/dc/terms/title> "Portail de données ouvertes"@fr <\(source)> .
        <\(solution)> <http://purl.org/dc/terms/description> "A portal for <b>open</b> data."@en <\(source)> .
        <\(solution)> <http://purl.org/dc/terms/publisher> <http://example.org/agency> <\(source)> .
        <http://example.org/agency> <http://xmlns.com/foaf/0.1/name> "Example Agency" <\(source)> .
        <\(solution)> <http://www.w3.org/ns/dcat#contactPoint> <http://example.org/contact> <\(source)> .
        <http://example.org/contact> <http://www.w3.org/2006/vcard/ns#fn> "Help desk" <\(source)> .
        <http://example.org/contact> <http://www.w3.org/2006/vcard/ns#hasEmail> <mailto:help@example.org> <\(source)> .
        <\(solution)> <http://purl.org/dc/terms/hasVersion> <http://example.org/solution/2/release/1> <\(source)> .
        <http://example.org/solution/2/release/1> <http://purl.org/dc/terms/title> "Release 1.0" <\(source)> .
        <\(solution)> <http://www.w3.org/ns/dcat#distribution> <http://example.org/solution/2/dist> <\(source)> .
        <http://example.org/solution/2/dist> <http://purl.org/dc/terms/title> "CSV export" <\(source)> .
        <http://example.org/solution/2/dist> <http://purl.org/dc/terms/license> <http://example.org/licence/eupl> <\(source)> .
        <http://example.org/licence/eupl> <http://www.w3.org/2000/01/rdf-schema#label> "EUPL 1.2" <\(source)> .
        <http://example.org/solution/2/dist> <http://www.w3.org/ns/dcat#downloadURL> <https://downloads.example.org/portal.csv> <\(source)> .
        <http://example.org/solution/2/dist> <http://www.w3.org/ns/dcat#accessURL> <javascript:alert(2)> <\(source)> .
        <\(solution)> <http://www.w3.org/ns/dcat#keyword> "open data"@en <\(source)> .
        <\(solution)> <http://www.w3.org/ns/dcat#keyword> "données"@fr <\(source)> .
        <\(solution)> <http://www.w3.org/ns/dcat#theme> <http://example.org/theme/gov> <\(source)> .
        <http://example.org/theme/gov> <http://www.w3.org/2004/02/skos/core#prefLabel> "Government" <\(source)> .
        <\(solution)> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/Old> <\(source)> .
        <\(solution)> <http://purl.org/dc/terms/type> <http://data.europa.eu/eira/Beta> <\(source)> .
        <\(solution)> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(4)> <\(source)> .
        <\(source)> <http://www.w3.org/ns/prov#generatedAtTime> "2026-12-01T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> <\(provenance)> .
        <http://data.europa.eu/dr8/Beta> <http://purl.org/dc/terms/replaces> <http://data.europa.eu/dr8/Forgotten> <\(Fixture.mappings)> .

        """
}
