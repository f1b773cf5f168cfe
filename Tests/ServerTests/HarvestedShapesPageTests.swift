import Foundation
import HTTPTypes
import HummingbirdTesting
import RDF
import Redland
import Server
import Store
import Testing

/// The shapes real ADMS-AP catalogues take (the national dumps of the Registry of Semantic Models have most of them):
/// solutions without a title, titles in many languages, publishers, contact points, licences and releases given as
/// plain literals or blank nodes, blank-node distributions, download addresses as literals, `mailto:mailto:` e-mails.
/// The pages show each the way it is said, link only what is an address, and never answer 5xx.
@Suite struct HarvestedShapesPageTests {
    static let turtle = """
        @prefix dct: <http://purl.org/dc/terms/> . @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix adms: <http://www.w3.org/ns/adms#> .
        @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <http://data.europa.eu/dr8/PublicPolicy> skos:prefLabel "Public Policy"@en .
        <http://example.org/v/untitled> a adms:Asset ; dct:type <http://data.europa.eu/dr8/PublicPolicy> .
        <http://example.org/v/multi> a dcat:Dataset ; dct:type <http://data.europa.eu/dr8/PublicPolicy>, <http://data.europa.eu/eira/PublicPolicy> ;
          dct:title "Multilingual solution"@en, "Solution multilingue"@fr, "多语言解决方案"@zh ;
          dct:publisher "Ministry of Literal Publishers", [ foaf:name "Anonymous agency"@en ] ;
          dcat:contactPoint "Helpdesk by phone", [ vcard:fn "Desk" ; vcard:hasEmail <mailto:mailto:desk@example.org> ] ;
          dcat:keyword "alpha", "beta"@en, "gamma"^^xsd:string ; dcat:theme "Not an IRI theme" ;
          dct:hasVersion <http://example.org/v/multi/release/1>, "1.0 (literal release)" ;
          dcat:distribution [ a adms:AssetDistribution ; dct:license [ dct:title "Blank licence" ], "CC-BY 4.0" ;
            dcat:accessURL <http://example.org/download%20page.zip> ; dcat:downloadURL "ftp://example.org/literal-download" ] .
        <http://example.org/v/multi/release/1> a adms:AssetRelease ; dct:title ""@en .
        """

    @Test func solutionsShowWhatTheCatalogueSaysHoweverItSaysIt() async throws {
        let quads = try parseRDF(Array(Self.turtle.utf8), format: .turtle, baseIRI: "http://example.org/")
        let graph = GraphName.iri(IRI("http://example.org/g/harvest"))
        let data = String(decoding: try RDFWriter.serialize(quads.map { Quad($0.subject, $0.predicate, $0.object, graph: graph) }, format: .nquads), as: UTF8.self)
        try await TestServer.run(data: data) { client, _ in
            let page = try await client.get("/resource?iri=" + "http://example.org/v/multi".urlEncoded, accept: "text/html", headers: [.acceptLanguage: "en"])
            #expect(page.status == .ok)
            let html = page.text
            for text in ["Ministry of Literal Publishers", "Anonymous agency", "Helpdesk by phone", "Desk", "alpha", "beta", "gamma", "Not an IRI theme",
                "1.0 (literal release)", "Blank licence", "CC-BY 4.0", "ftp://example.org/literal-download"] {
                #expect(html.contains(text), "the page does not show \(text)")
            }
            #expect(html.contains(#"href="mailto:desk@example.org""#))
            #expect(html.contains(#"href="http://example.org/download%20page.zip""#))
            #expect(!html.contains(#"href="ftp:"#))
            // A release titled "" is linked by its IRI's name, not by an empty, invisible link.
            #expect(!html.contains("\"></a>") && html.contains(">1</a>"))
            let block = try await client.get("/doc/dr8/PublicPolicy.html", accept: "text/html")
            #expect(block.status == .ok && block.text.contains("Multilingual solution") && block.text.contains("untitled"))
            #expect(block.text.contains("Ministry of Literal Publishers"))
            let untitled = try await client.get("/resource?iri=" + "http://example.org/v/untitled".urlEncoded, accept: "text/html")
            #expect(untitled.status == .ok && untitled.text.contains("<title>untitled"))
        }
    }
}
