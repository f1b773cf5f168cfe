import HTTPTypes
import HummingbirdTesting
import Server
import Testing

/// Every catalogue page shows a literal holding `<script>` as text: a solution, the block it implements (listing it),
/// a view drawn as a diagram, the page of a PURI a later one replaced, and search results.
@Suite struct CataloguePageEscapingTests {
    static let dia = "https://w3id.org/lodestar/diagram#"
    static let data = """
        <http://example.org/s/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> <http://example.org/g/s> .
        <http://example.org/s/1> <http://purl.org/dc/terms/title> "Portal <script>alert(1)</script>"@en <http://example.org/g/s> .
        <http://example.org/s/1> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/Block> <http://example.org/g/s> .
        <http://example.org/s/1> <http://purl.org/dc/terms/publisher> <http://example.org/p/1> <http://example.org/g/s> .
        <http://example.org/p/1> <http://xmlns.com/foaf/0.1/name> "Agency <script>alert(2)</script>" <http://example.org/g/s> .
        <http://data.europa.eu/dr8/Block> <http://www.w3.org/2004/02/skos/core#prefLabel> "Block <script>alert(3)</script>"@en <http://example.org/g/e> .
        <http://data.europa.eu/dr8/Block> <http://purl.org/dc/terms/replaces> <http://data.europa.eu/dr8/OldBlock> <http://example.org/g/e> .
        <http://data.europa.eu/dr8/view/V> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Collection> <http://example.org/g/e> .
        <http://data.europa.eu/dr8/view/V> <http://www.w3.org/2004/02/skos/core#prefLabel> "View <script>alert(4)</script>"@en <http://example.org/g/e> .
        <http://data.europa.eu/dr8/view/V> <http://www.w3.org/2004/02/skos/core#member> <http://data.europa.eu/dr8/Block> <http://example.org/g/e> .
        <http://data.europa.eu/dr8/view/V> <\(dia)diagram> _:d <http://example.org/g/e> .
        _:d <\(dia)release> "1.0.0" <http://example.org/g/e> .
        _:d <\(dia)label> "Diagram <script>alert(5)</script>" <http://example.org/g/e> .
        _:d <\(dia)node> _:n1 <http://example.org/g/e> .
        _:d <\(dia)node> _:n2 <http://example.org/g/e> .
        _:d <\(dia)connection> _:c <http://example.org/g/e> .
        _:n1 <\(dia)order> "0" <http://example.org/g/e> .
        _:n1 <\(dia)x> "10" <http://example.org/g/e> .
        _:n1 <\(dia)y> "10" <http://example.org/g/e> .
        _:n1 <\(dia)width> "120" <http://example.org/g/e> .
        _:n1 <\(dia)height> "60" <http://example.org/g/e> .
        _:n1 <\(dia)element> <http://data.europa.eu/dr8/Block> <http://example.org/g/e> .
        _:n1 <\(dia)elementType> <https://w3id.org/lodestar/archimate#BusinessActor> <http://example.org/g/e> .
        _:n1 <\(dia)label> "Box <script>alert(6)</script>" <http://example.org/g/e> .
        _:n1 <\(dia)fillColor> "red\\" onclick=\\"alert(7)" <http://example.org/g/e> .
        _:n2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <\(dia)Note> <http://example.org/g/e> .
        _:n2 <\(dia)order> "1" <http://example.org/g/e> .
        _:n2 <\(dia)x> "200" <http://example.org/g/e> .
        _:n2 <\(dia)y> "10" <http://example.org/g/e> .
        _:n2 <\(dia)width> "120" <http://example.org/g/e> .
        _:n2 <\(dia)height> "60" <http://example.org/g/e> .
        _:n2 <\(dia)label> "Note <script>alert(8)</script>" <http://example.org/g/e> .
        _:c <\(dia)source> _:n1 <http://example.org/g/e> .
        _:c <\(dia)target> _:n2 <http://example.org/g/e> .
        _:c <\(dia)relationship> <https://w3id.org/lodestar/archimate#serving> <http://example.org/g/e> .
        _:c <\(dia)bendpoints> "150,20 <script>alert(9)</script>" <http://example.org/g/e> .

        """

    @Test func everyCataloguePageShowsScriptAsText() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            let pages: [(String, [String])] = [
                ("/resource?iri=" + "http://example.org/s/1".urlEncoded, ["Portal &lt;script&gt;alert(1)", "Agency &lt;script&gt;alert(2)", "Block &lt;script&gt;alert(3)"]),
                ("/doc/dr8/Block.html", ["Block &lt;script&gt;alert(3)", "Portal &lt;script&gt;alert(1)", "Agency &lt;script&gt;alert(2)"]),
                ("/doc/dr8/view/V.html", ["View &lt;script&gt;alert(4)", "Diagram &lt;script&gt;alert(5)", "Box &lt;script&gt;alert(6)", "Note &lt;script&gt;alert(8)"]),
                ("/doc/dr8/OldBlock.html", ["Block &lt;script&gt;alert(3)&lt;/script&gt; <code>dr8/Block</code>"]),
                ("/search?q=" + "script".urlEncoded, ["Portal &lt;<mark>script</mark>&gt;alert(1)"]),
            ]
            for (path, shown) in pages {
                let response = try await client.get(path, accept: "text/html")
                #expect(response.status == .ok, "\(path): \(response.status)")
                let html = response.text
                #expect(!html.contains("<script"), "\(path) holds a script element")
                #expect(!html.contains("onclick"), "\(path) holds an event handler")
                for text in shown { #expect(html.contains(text), "\(path) does not show \(text)") }
            }
            // The box keeps its type's colour when the data's colour is not one; the bad bend point is dropped.
            let view = try await client.get("/doc/dr8/view/V.html").text
            #expect(view.contains(##"fill="#ffffb5""##))
            #expect(view.contains(#"<path class="relationship solid" d="M"#) && view.contains("marker-end=\"url(#arrow-open)\""))
        }
    }
}
