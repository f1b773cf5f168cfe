import RDF
import Testing
@testable import SPARQL

/// No input may crash or hang the parser: nesting is limited, long flat sequences stay linear.
@Suite struct ParserRobustnessTests {
    @Test(arguments: [
        "SELECT * " + String(repeating: "{", count: 100_000),
        "SELECT * { ?s <p> " + String(repeating: "[ <p> ", count: 100_000),
        "SELECT * { ?s <p> " + String(repeating: "(", count: 100_000) + " }",
        "SELECT * { ?s " + String(repeating: "(", count: 100_000) + " ?o }",
        "SELECT * { FILTER(" + String(repeating: "(", count: 100_000),
        "SELECT * { FILTER(" + String(repeating: "!(", count: 100_000),
        "SELECT * { FILTER(" + String(repeating: "STR(", count: 100_000),
        "SELECT * { FILTER(" + String(repeating: "NOT EXISTS { FILTER(", count: 100_000),
        "INSERT DATA { <s> <p> " + String(repeating: "[ <p> ", count: 100_000),
    ])
    func deepNestingIsASyntaxError(_ text: String) {
        #expect(P.queryError(text)?.contains("nesting too deep") == true || P.updateError(text)?.contains("nesting too deep") == true)
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = Parser.maximumDepth - 2
        let query = "SELECT * { FILTER(" + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + ") }"
        #expect(throws: Never.self) { try SPARQLParser.parseQuery(query) }
        let groups = "SELECT * " + String(repeating: "{", count: depth) + String(repeating: "}", count: depth)
        #expect(throws: Never.self) { try SPARQLParser.parseQuery(groups) }
    }

    @Test func thousandsOfOptionalsParseQuicklyAndRoundTrip() throws {
        let text = "SELECT * { ?s ?p ?o " + String(repeating: "OPTIONAL { ?s ?p ?o } ", count: 1_900) + "}"
        let clock = ContinuousClock()
        var query: Query?
        let elapsed = try clock.measure { query = try SPARQLParser.parseQuery(text) }
        #expect(elapsed < .seconds(5))
        // Compared by their S-expressions: the synthesized `==` recurses once per nested leftJoin.
        let printed = try #require(query).description
        #expect(try SPARQLParser.parseQuery(printed).sse == query?.sse)
    }

    @Test func longFlatSequencesStayLinear() throws {
        let clock = ContinuousClock()
        let ands = "SELECT * { FILTER(" + (0..<1_900).map { "?x = \($0)" }.joined(separator: " && ") + ") }"
        let unions = "SELECT * { {} " + String(repeating: "UNION { ?s ?p ?o } ", count: 1_900) + "}"
        let binds = "SELECT * { " + (0..<1_900).map { "BIND(\($0) AS ?v\($0)) " }.joined() + "}"
        for text in [ands, unions, binds] {
            var query: Query?
            let elapsed = try clock.measure { query = try SPARQLParser.parseQuery(text) }
            #expect(elapsed < .seconds(5))
            let printed = try #require(query).description
            #expect(try SPARQLParser.parseQuery(printed).sse == query?.sse)
        }
    }

    /// Long tokens are copied a run at a time between escapes (lexing a 5 MB literal cost a debug build a second):
    /// the runs, escapes, multi-byte characters and trailing dots must come out exactly as written.
    @Test func longTokensKeepTheirExactText() throws {
        let run = String(repeating: "aé€😀", count: 50_000)
        let literal = run + "\\t\\\"" + run + "\\n"
        let local = String(repeating: "x\\.y%41é", count: 20_000)
        let query = try SPARQLParser.parseQuery("PREFIX e: <http://e/> ASK { <http://s/" + run + "> e:p \"" + literal + "\", e:" + local + ". }")
        let subject = TermPattern.term(.iri(IRI("http://s/" + run)))
        let expectedLocal = String(repeating: "x.y%41é", count: 20_000)
        #expect(query.pattern == .bgp([
            P.t(subject, .term(.iri(IRI("http://e/p"))), .term(.literal(Literal(run + "\t\"" + run + "\n")))),
            P.t(subject, .term(.iri(IRI("http://e/p"))), .term(.iri(IRI("http://e/" + expectedLocal)))),
        ]))
        #expect(P.queryError("ASK { ?s ?p \"" + run + "\\q\" }")?.contains("invalid escape '\\q'") == true)
        #expect(P.queryError("ASK { ?s ?p \"" + run)?.contains("unterminated string") == true)
    }

    /// Every prefix and a sample of one-character deletions of some real queries either parse or fail cleanly.
    @Test func truncatedAndDamagedQueriesNeverCrash() {
        let queries = [
            "PREFIX : <http://e/> SELECT ?s (COUNT(?o) AS ?c) WHERE { ?s :p [ :q (1 2.0 'x'@en) ] ; :r/:s* ?o . "
                + "FILTER(?o > 1 && NOT EXISTS { ?s a :T }) OPTIONAL { ?s :t ?u } } GROUP BY ?s HAVING (COUNT(?o) > 1) ORDER BY DESC(?c) LIMIT 3",
            "BASE <http://b/> CONSTRUCT { ?s <p> _:x } FROM <g> WHERE { GRAPH ?g { ?s ?p \"\"\"long\\n\"\"\" } VALUES ?s { <a> UNDEF } }",
        ]
        for query in queries {
            let scalars = Array(query.unicodeScalars)
            for cut in 0...scalars.count {
                _ = P.queryError(String(String.UnicodeScalarView(scalars[0..<cut])))
                if cut < scalars.count {
                    var damaged = scalars
                    damaged.remove(at: cut)
                    _ = P.queryError(String(String.UnicodeScalarView(damaged)))
                }
            }
        }
        let update = "PREFIX : <http://e/> WITH :g DELETE { ?s :p ?o } INSERT { ?s :q [] } USING :d WHERE { ?s :p ?o } ; "
            + "LOAD SILENT <x> INTO GRAPH :g"
        let scalars = Array(update.unicodeScalars)
        for cut in 0...scalars.count { _ = P.updateError(String(String.UnicodeScalarView(scalars[0..<cut]))) }
    }
}
