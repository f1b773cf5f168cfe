import HTTPTypes
import HummingbirdTesting
import RDF
import Redland
import Server
import Store
import Testing

/// `/resource?iri=…` and `/search` over HTTP: negotiation, caching headers, 404s, escaping, and the index following
/// writes made through `/update`.
@Suite struct ResourceAndSearchRoutesTests {
    static let data = """
        <http://example.org/solution/9> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> <http://example.org/g/solutions> .
        <http://example.org/solution/9> <http://purl.org/dc/terms/title> "Données <script>alert(1)</script> portal"@fr <http://example.org/g/solutions> .
        <http://example.org/solution/9> <http://purl.org/dc/terms/title> "Data portal"@en <http://example.org/g/solutions> .
        <http://example.org/solution/9> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/PublicPolicy> <http://example.org/g/solutions> .
        <http://example.org/solution/9> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(4)> <http://example.org/g/solutions> .
        <http://data.europa.eu/dr8/PublicPolicy> <http://www.w3.org/2004/02/skos/core#prefLabel> "Public Policy"@en <http://example.org/g/eira> .

        """
    static let solution = "/resource?iri=" + "http://example.org/solution/9".urlEncoded

    @Test func anyResourceNegotiatesLikeAPURIDocument() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            let page = try await client.get(Self.solution, accept: "text/html")
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.vary] == "Accept, Accept-Language")
            #expect(page.headers[.contentLocation]?.hasSuffix("/resource.html?iri=http%3A%2F%2Fexample.org%2Fsolution%2F9") == true)
            #expect(page.headers[values: .link].contains { $0.contains("/resource.ttl?iri=") && $0.contains("text/turtle") })
            let tag = try #require(page.headers[.eTag])
            let again = try await client.get(Self.solution, accept: "text/html", headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            for (accept, format) in [("text/turtle", RDFFormat.turtle), ("application/n-triples", .ntriples), ("application/rdf+xml", .rdfxml)] {
                let response = try await client.get(Self.solution, accept: accept)
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix(accept) == true, "\(accept)")
                let quads = try parseRDF(response.bytes, format: format)
                #expect(quads.contains { $0.subject == .iri(IRI("http://example.org/solution/9")) && $0.predicate == .iri(DCTerms.type) })
            }
            let nquads = try await client.get("/resource.nq?iri=" + "http://example.org/solution/9".urlEncoded)
            #expect(nquads.status == .ok && nquads.text.contains("<http://example.org/g/solutions>"))
            let jsonLD = try await client.get(Self.solution, accept: "application/ld+json")
            #expect(jsonLD.status == .ok && jsonLD.text.contains("http://example.org/solution/9"))
        }
    }

    @Test func pagesEscapeLiteralsAndNeverLinkJavascript() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            let page = try await client.get(Self.solution, accept: "text/html", headers: [.acceptLanguage: "fr"]).text
            #expect(page.contains("<h1>Données &lt;script&gt;alert(1)&lt;/script&gt; portal</h1>") && !page.contains("<script>"))
            #expect(!page.lowercased().contains("href=\"javascript:"))
            let english = try await client.get(Self.solution, accept: "text/html", headers: [.acceptLanguage: "en"]).text
            #expect(english.contains("<h1>Data portal</h1>"))
            // The block it implements links to its PURI page; the ABB page lists the solution.
            #expect(page.contains(#"<a href="/dr8/PublicPolicy">Public Policy</a>"#))
            let search = try await client.get("/search?q=" + "<script>".urlEncoded, accept: "text/html").text
            #expect(!search.contains("<script>") && search.contains("&lt;script&gt;"))
        }
    }

    @Test func unknownAndMalformedIRIs() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            let missing = try await client.get("/resource?iri=" + "http://example.org/solution/8".urlEncoded, accept: "text/html")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F9">"#))
            let plain = try await client.get("/resource?iri=" + "http://example.org/solution/8".urlEncoded, accept: "text/turtle")
            #expect(plain.status == .notFound && plain.text.contains("/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F9"))
            #expect(try await client.get("/resource").status == .badRequest)
            #expect(try await client.get("/resource?iri=not%20an%20iri").status == .badRequest)
            // A served PURI is answered by its PURI document.
            let puri = try await client.get("/resource?iri=" + "http://data.europa.eu/dr8/PublicPolicy".urlEncoded, accept: "text/turtle")
            #expect(puri.status == .seeOther && puri.headers[.location]?.hasSuffix("/doc/dr8/PublicPolicy.ttl") == true)
        }
    }

    /// The query string is read as a form (the one parser of `URLTextMiddleware`): `%2B` is a plus sign, `+` a space,
    /// and percent escapes that are not UTF-8 are refused before any route runs.
    @Test func theIRIParameterIsReadAsAFormField() async throws {
        let data = Self.data + "<http://example.org/a+b> <http://purl.org/dc/terms/title> \"Plus\"@en <http://example.org/g/solutions> .\n"
        try await TestServer.run(data: data) { client, _ in
            let plus = try await client.get("/resource?iri=http%3A%2F%2Fexample.org%2Fa%2Bb", accept: "text/turtle")
            #expect(plus.status == .ok && plus.text.contains("Plus"))
            #expect(try await client.get("/resource?iri=http://example.org/a+b", accept: "text/turtle").status == .badRequest)
            #expect(try await client.get("/resource?iri=http%3A%2F%2Fexample.org%2F%FF", accept: "text/turtle").status == .badRequest)
            #expect(try await client.get("/resource?iri=a&iri=b").status == .badRequest)
        }
    }

    @Test func searchAnswersJSONAndHTMLAndFollowsWrites() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            let json = try await client.get("/search?q=donnees", accept: "application/json")
            #expect(json.status == .ok && json.headers[.contentType] == "application/json")
            #expect(json.text.contains(#""iri":"http://example.org/solution/9""#))
            let html = try await client.get("/search?q=portal&type=solution", accept: "text/html")
            #expect(html.text.contains("<mark>portal</mark>") && html.text.contains(#"<a href="/resource?iri=http%3A%2F%2Fexample.org%2Fsolution%2F9">"#))
            #expect(try await client.get("/search?q=portal&type=no%20such").status == .badRequest)
            // A write is found by the next search; DROP GRAPH removes its hits.
            let insert = "INSERT DATA { GRAPH <http://example.org/g/new> { <http://example.org/new> <http://www.w3.org/2000/01/rdf-schema#label> \"Quetzal registry\" } }"
            #expect(try await client.post("/update", body: insert, contentType: "application/sparql-update", token: TestServer.token).status == .noContent)
            #expect(try await client.get("/search?q=quetz*", accept: "application/json").text.contains("http://example.org/new"))
            #expect(try await client.get("/search?q=quetz*", accept: "text/html").text.contains("1 result for"))
            let drop = "DROP GRAPH <http://example.org/g/new>"
            #expect(try await client.post("/update", body: drop, contentType: "application/sparql-update", token: TestServer.token).status == .noContent)
            #expect(!(try await client.get("/search?q=quetz*", accept: "application/json").text.contains("http://example.org/new")))
        }
    }
}

@Suite struct SearchServiceTests {
    @Test func theSPARQLSearchServiceRanksAndJoins() async throws {
        try await TestServer.run(data: ResourceAndSearchRoutesTests.data) { client, _ in
            let query = """
                PREFIX lds: <https://w3id.org/lodestar/search#>
                PREFIX dct: <http://purl.org/dc/terms/>
                SELECT ?hit ?score ?snippet ?block WHERE {
                  SERVICE <https://w3id.org/lodestar/search> { ?hit lds:query "portal" ; lds:lang "en" ; lds:score ?score ; lds:snippet ?snippet }
                  GRAPH ?g { ?hit dct:type ?block }
                } ORDER BY DESC(?score)
                """
            let response = try await client.query(query, accept: "text/csv")
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.text.contains("http://example.org/solution/9") && response.text.contains("Data [portal]"))
            #expect(response.text.contains("http://data.europa.eu/dr8/PublicPolicy"))
            // A pattern the service cannot answer is refused with what it takes; SILENT makes it one empty solution.
            let bad = try await client.query("SELECT * WHERE { SERVICE <https://w3id.org/lodestar/search> { ?hit ?p ?o } }")
            #expect(bad.status.code >= 400 && bad.text.contains("lds:query"))
            let silent = try await client.query(
                "SELECT * WHERE { SERVICE SILENT <https://w3id.org/lodestar/search> { ?hit ?p ?o } }", accept: "text/csv")
            #expect(silent.status == .ok)
            // The service description declares it.
            let description = try await client.get("/sparql", accept: "text/turtle")
            #expect(description.text.contains("https://w3id.org/lodestar/search"))
        }
    }

    @Test func anUpdatesWhereClauseCanSearch() async throws {
        try await TestServer.run(data: ResourceAndSearchRoutesTests.data) { client, _ in
            let update = """
                PREFIX lds: <https://w3id.org/lodestar/search#>
                DELETE { GRAPH ?g { ?hit <http://purl.org/dc/terms/type> ?block } }
                INSERT { GRAPH <http://example.org/g/found> { ?hit <http://example.org/matched> ?block } }
                WHERE {
                  SERVICE <https://w3id.org/lodestar/search> { ?hit lds:query "portal" ; lds:lang "en" }
                  GRAPH ?g { ?hit <http://purl.org/dc/terms/type> ?block }
                }
                """
            let response = try await client.post("/update", body: update, contentType: "application/sparql-update", token: TestServer.token)
            #expect(response.status == .noContent, "\(response.text)")
            let moved = try await client.query(
                "SELECT ?block ?old WHERE { GRAPH <http://example.org/g/found> { <http://example.org/solution/9> <http://example.org/matched> ?block } "
                    + "OPTIONAL { GRAPH ?g { <http://example.org/solution/9> <http://purl.org/dc/terms/type> ?old } } }",
                accept: "text/csv")
            #expect(moved.text == "block,old\r\nhttp://data.europa.eu/dr8/PublicPolicy,\r\n", "\(moved.text)")
        }
    }
}

/// The catalogue's named queries (`Queries/`) on a block implemented under its PURI, an older PURI and its eira form.
@Suite struct CartographyQueryTests {
    static let data = """
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> <http://example.org/g/eira> .
        <http://data.europa.eu/dr8/Alpha> <http://www.w3.org/2004/02/skos/core#prefLabel> "Alpha"@en <http://example.org/g/eira> .
        <http://data.europa.eu/dr8/Alpha> <http://purl.org/dc/terms/replaces> <http://data.europa.eu/dr8/OldAlpha> <http://example.org/g/eira> .
        <http://data.europa.eu/dr8/Lonely> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> <http://example.org/g/eira> .
        <http://data.europa.eu/dr8/Lonely> <http://www.w3.org/2004/02/skos/core#prefLabel> "Lonely"@en <http://example.org/g/eira> .
        <http://example.org/s1> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/Alpha> <http://example.org/g/s> .
        <http://example.org/s2> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/OldAlpha> <http://example.org/g/s> .
        <http://example.org/s3> <http://purl.org/dc/terms/type> <http://data.europa.eu/eira/Alpha> <http://example.org/g/s> .
        <http://example.org/s1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> <http://example.org/g/s> .
        <http://example.org/s1> <http://purl.org/dc/terms/publisher> <http://example.org/agency> <http://example.org/g/s> .
        <http://example.org/s2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/adms#Asset> <http://example.org/g/s> .
        <http://example.org/s2> <http://purl.org/dc/terms/publisher> <http://example.org/agency> <http://example.org/g/s> .
        <http://example.org/agency> <http://xmlns.com/foaf/0.1/name> "Agency" <http://example.org/g/s> .

        """

    @Test func solutionsPerBlockGapsAndPublishers() async throws {
        var configuration = TestServer.configuration()
        configuration.queriesDirectory = TestServer.repositoryRoot + "/Queries"
        try await TestServer.run(configuration, data: Self.data) { client, _ in
            func run(_ name: String) async throws -> String {
                let text = try await client.get("/queries/\(name)").text
                let response = try await client.query(text, accept: "text/csv")
                #expect(response.status == .ok, "\(name): \(response.text)")
                return response.text
            }
            let perBlock = try await run("solutions-per-abb")
            #expect(perBlock.contains("http://data.europa.eu/dr8/Alpha,Alpha,3"), "\(perBlock)")
            let gaps = try await run("abbs-without-solution")
            #expect(gaps.contains("http://data.europa.eu/dr8/Lonely") && !gaps.contains("dr8/Alpha,"), "\(gaps)")
            let publishers = try await run("solutions-per-publisher")
            #expect(publishers.contains("http://example.org/agency,Agency,2"), "\(publishers)")
        }
    }
}
