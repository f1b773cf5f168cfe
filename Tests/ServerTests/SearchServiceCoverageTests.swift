import HTTPTypes
import HummingbirdTesting
import Server
import Testing

/// The search checks through the SPARQL search service (the index tests make them on `SearchIndex` itself):
/// prefix, accents, ranking, language filter, a write found by the next query, and DROP GRAPH removing hits.
@Suite struct SearchServiceCoverageTests {
    static let data = """
        <http://example.org/policy> <http://www.w3.org/2004/02/skos/core#prefLabel> "Public Policy"@en <http://example.org/g/eira> .
        <http://example.org/policy> <http://www.w3.org/2004/02/skos/core#prefLabel> "Politique publique"@fr <http://example.org/g/eira> .
        <http://example.org/act> <http://www.w3.org/2004/02/skos/core#prefLabel> "Legal Act"@en <http://example.org/g/eira> .
        <http://example.org/act> <http://www.w3.org/2004/02/skos/core#definition> "A legal act implements a public policy through binding rules."@en <http://example.org/g/eira> .
        <http://example.org/portal> <http://purl.org/dc/terms/title> "Portail de Données ouvertes"@fr <http://example.org/g/solutions> .
        <http://example.org/hub> <http://purl.org/dc/terms/description> "An interoperability hub."@en <http://example.org/g/solutions> .

        """

    /// The `?hit` column of a search, in the service's order (by score, best first).
    static func hits(_ client: some TestClientProtocol, _ text: String, language: String? = nil) async throws -> [String] {
        let lang = language.map { " ; lds:lang \"\($0)\"" } ?? ""
        let query = """
            PREFIX lds: <https://w3id.org/lodestar/search#>
            SELECT ?hit WHERE { SERVICE <https://w3id.org/lodestar/search> { ?hit lds:query "\(text)"\(lang) ; lds:score ?score } }
            ORDER BY DESC(?score)
            """
        let response = try await client.query(query, accept: "text/csv")
        #expect(response.status == .ok, "\(text): \(response.text)")
        return response.text.split(whereSeparator: \.isNewline).dropFirst().map(String.init)
    }

    @Test func prefixAccentsRankingAndLanguage() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            let found1 = try await Self.hits(client, "interop*")
            #expect(found1 == ["http://example.org/hub"])
            let found2 = try await Self.hits(client, "interop")
            #expect(found2.isEmpty)
            let found3 = try await Self.hits(client, "donnees")
            #expect(found3 == ["http://example.org/portal"])
            let found4 = try await Self.hits(client, "DONNÉES")
            #expect(found4 == ["http://example.org/portal"])
            // The exact label first, the mention in a definition after it.
            let found5 = try await Self.hits(client, "public policy")
            #expect(found5 == ["http://example.org/policy", "http://example.org/act"])
            let found6 = try await Self.hits(client, "publique", language: "fr")
            #expect(found6 == ["http://example.org/policy"])
            let found7 = try await Self.hits(client, "publique", language: "en")
            #expect(found7.isEmpty)
            let found8 = try await Self.hits(client, "policy", language: "en")
            #expect(found8.first == "http://example.org/policy")
        }
    }

    @Test func aWriteIsFoundByTheNextQueryAndDropGraphRemovesItsHits() async throws {
        try await TestServer.run(data: Self.data) { client, _ in
            let insert = """
                INSERT DATA { GRAPH <http://example.org/g/new> { <http://example.org/new> <http://www.w3.org/2000/01/rdf-schema#label> "Axolotl registry"@en } }
                """
            #expect(try await client.post("/update", body: insert, contentType: "application/sparql-update", token: TestServer.token).status == .noContent)
            let found9 = try await Self.hits(client, "axolotl")
            #expect(found9 == ["http://example.org/new"])
            let drop = "DROP GRAPH <http://example.org/g/new>"
            #expect(try await client.post("/update", body: drop, contentType: "application/sparql-update", token: TestServer.token).status == .noContent)
            let found10 = try await Self.hits(client, "axolotl")
            #expect(found10.isEmpty)
            // Dropping a graph removes only its own hits.
            let dropSolutions = "DROP GRAPH <http://example.org/g/solutions>"
            #expect(try await client.post("/update", body: dropSolutions, contentType: "application/sparql-update", token: TestServer.token).status == .noContent)
            let found11 = try await Self.hits(client, "donnees")
            #expect(found11.isEmpty)
            let found12 = try await Self.hits(client, "policy")
            #expect(found12.count == 2)
        }
    }
}
