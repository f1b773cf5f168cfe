import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Testing

/// `/search` and the SPARQL search service on texts a reader might type and calls a client might get wrong: never a
/// 5xx; results or a 400 that says what the service takes.
@Suite struct OddSearchQueryTests {
    static let texts = [
        "", " ", "*", "**", "\"", "\"\"", "AND", "OR NOT", "NEAR(a b)", "title:x", "{label}:portal", "^portal", "-portal", "(", ")", "a*b",
        "'", "\\", "%", "données", "DONNEES", "Δημόσια", "公共政策", "العامة", "\u{1F600}", "\"data portal\"", "\"portal data\"",
        String(repeating: "portal ", count: 2_000), String(repeating: "é", count: 50_000),
    ]

    @Test func searchAnswersEveryTextWithoutAServerError() async throws {
        try await TestServer.run(data: ResourceAndSearchRoutesTests.data) { client, _ in
            for text in Self.texts {
                for accept in ["text/html", "application/json"] {
                    let response = try await client.get("/search?q=" + text.urlEncoded, accept: accept)
                    #expect(response.status == .ok, "\(text.prefix(40)) as \(accept): \(response.status)")
                }
            }
            #expect(try await client.get("/search?q=\"data+portal\"", accept: "application/json").text.contains("solution/9"))
            #expect(!(try await client.get("/search?q=\"portal+data\"", accept: "application/json").text.contains("solution/9")))
            // The search box is an HTML form: `+` is a space, `%2B` a plus.
            let form = try await client.get("/search?q=data+portal&type=", accept: "text/html").text
            #expect(form.contains(#"value="data portal""#) && form.contains("<mark>portal</mark>"))
            #expect(try await client.get("/search?q=a%2Bb", accept: "application/json").text.contains(#""query":"a+b""#))
            for bad in ["limit=0", "limit=-1", "limit=x", "limit=100000", "type=no+such"] {
                let response = try await client.get("/search?q=portal&" + bad, accept: "application/json")
                #expect(response.status == .badRequest, "\(bad): \(response.status)")
            }
        }
    }

    @Test func theServiceRefusesWhatItCannotTakeWithA400() async throws {
        try await TestServer.run(data: ResourceAndSearchRoutesTests.data) { client, _ in
            let prefix = "PREFIX lds: <https://w3id.org/lodestar/search#> SELECT * WHERE { SERVICE <https://w3id.org/lodestar/search> "
            for text in Self.texts.prefix(27) {
                let literal = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                let response = try await client.query(prefix + "{ ?hit lds:query \"\(literal)\" ; lds:score ?score } }", accept: "text/csv")
                #expect(response.status == .ok, "\(text): \(response.status) \(response.text.prefix(200))")
            }
            let refused = [
                "{ ?hit lds:score ?score }": "lds:query",
                "{ ?hit lds:query ?text }": "literal",
                "{ ?hit lds:query \"portal\" ; lds:limit 0 }": "lds:limit",
                "{ ?hit lds:query \"portal\" ; lds:limit \"many\" }": "lds:limit",
                "{ ?hit lds:query \"portal\" ; lds:limit 99999999999999999999 }": "lds:limit",
                "{ ?hit lds:query \"portal\" ; lds:type \"solution\" }": "lds:type",
                "{ ?hit lds:query \"portal\" ; lds:colour ?c }": "lds:query",
                "{ ?hit lds:query \"portal\" . ?other lds:score ?s }": "one subject",
                "{ ?hit lds:query \"portal\" OPTIONAL { ?hit lds:score ?s } }": "triple patterns",
            ]
            for (pattern, mention) in refused {
                let response = try await client.query(prefix + pattern + " }")
                #expect(response.status == .badRequest, "\(pattern): \(response.status)")
                #expect(response.text.contains(mention), "\(pattern): \(response.text)")
            }
        }
    }
}
