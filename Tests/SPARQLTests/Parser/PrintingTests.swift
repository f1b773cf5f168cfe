import RDF
import Testing
@testable import SPARQL

/// SPARQL and S-expression printing of the algebra. Printed queries must parse back to equal values.
@Suite struct PrintingTests {
    static let queries = [
        "SELECT * { ?s :p ?o }",
        "SELECT ?s (COUNT(DISTINCT ?o) AS ?c) (SUM(?o) + 1 AS ?d) { ?s :p ?o } GROUP BY ?s (STR(?o) AS ?k) UCASE(?o) "
            + "HAVING (SUM(?o) > 2) ORDER BY ?c LIMIT 2",
        "SELECT (GROUP_CONCAT(?o ; SEPARATOR = '|') AS ?all) (COUNT(*) AS ?n) { ?s :p ?o }",
        "SELECT ?s { ?s :p ?o } GROUP BY ?s ORDER BY (MAX(?o))",
        "SELECT ?x { ?s :p ?o OPTIONAL { ?s :q ?x FILTER(?x != ?o) } MINUS { ?s :r ?o } BIND(?o * 2 AS ?y) FILTER(?y > 1) }",
        "SELECT * { ?s :p [ :q [ :r ?o ] ] . ?o :s* / :t ?z . ?z ^:u | !(:v|^:w) ?k . ?k :l (1 (2) []) }",
        "SELECT * { { ?s :p ?o } UNION { ?s :q ?o } UNION { SELECT ?s { ?s :r ?x } LIMIT 1 } GRAPH ?g { ?s :p ?z } "
            + "SERVICE SILENT <http://x/> { ?s :p ?w } }",
        "SELECT * { ?s :p ?o FILTER NOT EXISTS { ?s :p [ :q ?o ] } VALUES (?s ?o) { (:a 1) (UNDEF 'x'@en-us) } } VALUES ?z { :z }",
        "SELECT * { { ?a :p ?b } ?c :p ?d . { ?e :p ?f } ?g :p* ?h . ?i :p ?j }",
        "SELECT * { FILTER(?a + ?b * -?c - 1 = 3 || !BOUND(?d) && ?e IN () && ?f NOT IN (1.5, -2, +3, 1e-3, .5) && ?g -1 > 0) }",
        "SELECT * { FILTER(REGEX(STR(?a), '^x', 'i') && <http://www.w3.org/2001/XMLSchema#integer>(?b) && :f(?c, ?d) "
            + "&& COALESCE(?e, 1) && IF(?a, ?b, ?c)) }",
        "SELECT DISTINCT ?s FROM <http://g/> FROM NAMED <http://h/> { ?s :p \"a\\\"b\\\\u0041\\n\" } OFFSET 0",
        "SELECT REDUCED ?s { ?s :p true, false, 'x'^^:t } LIMIT 0",
        "CONSTRUCT { ?s :p [ :q ( 1 2 ) ] . _:x :r ?s } WHERE { ?s :p ?o }",
        "CONSTRUCT WHERE { ?s :p ?o }",
        "ASK FROM <http://g/> { ?s :p ?o } GROUP BY ?s HAVING (COUNT(*) > 1)",
        "DESCRIBE * { ?s :p ?o }",
        "DESCRIBE :x ?y",
        "BASE <http://b/> SELECT (1 AS ?one) (?one + 1 AS ?two) {}",
    ]

    @Test(arguments: queries)
    func queriesRoundTrip(_ text: String) throws {
        let query = try P.query(text)
        let printed = query.description
        let again = try SPARQLParser.parseQuery(printed)
        #expect(again == query, "printed as\n\(printed)")
        #expect(again.description == printed)
    }

    static let updates = [
        "INSERT DATA { :a :b _:x . GRAPH :g { _:x :c 1 } } ; DELETE DATA { :a :b 'c' }",
        "WITH :g DELETE { ?s :p ?o } INSERT { ?s :q [] } WHERE { ?s :p ?o }",
        "DELETE { GRAPH ?g { ?s :p ?o } } USING :d USING NAMED :n WHERE { GRAPH ?g { ?s :p ?o } }",
        "DELETE WHERE { ?s :p ?o GRAPH :g { ?o :q ?z } }",
        "LOAD SILENT <http://x/> INTO GRAPH :g ; CLEAR NAMED ; DROP GRAPH :g ; CREATE SILENT GRAPH :g ; "
            + "ADD DEFAULT TO :g ; MOVE :g TO DEFAULT ; COPY SILENT :a TO :b",
        "INSERT { :a :b _:x } WHERE {} ; INSERT { :c :d _:x } WHERE { _:y :e ?z }",
    ]

    @Test(arguments: updates)
    func updatesRoundTrip(_ text: String) throws {
        let update = try P.update(text)
        let printed = update.description
        #expect(try SPARQLParser.parseUpdate(printed) == update, "printed as\n\(printed)")
    }

    @Test func printedQueriesAreReadable() throws {
        let query = try P.query("SELECT ?s (COUNT(?o) AS ?c) { ?s :p [ :q ?o ] FILTER(?o > 1) } GROUP BY ?s")
        #expect(query.description == """
            SELECT ?s (COUNT(?o) AS ?c)
            WHERE {
              ?s <http://example.org/p> _:v1 .
              _:v1 <http://example.org/q> ?o .
              FILTER((?o > 1))
            }
            GROUP BY ?s

            """)
    }

    @Test func sExpressions() throws {
        let query = try P.query("SELECT ?s { ?s :p ?o OPTIONAL { ?s :q* ?z } FILTER(?o != 1) } LIMIT 1")
        #expect(query.sse == """
            (select
              (slice 0 1
                (project (?s)
                  (filter (!= ?o "1"^^<http://www.w3.org/2001/XMLSchema#integer>)
                    (leftjoin
                      (bgp (triple ?s <http://example.org/p> ?o))
                      (path ?s (path* <http://example.org/q>) ?z))))))
            """)
        let update = try P.update("CLEAR SILENT DEFAULT ; INSERT DATA { :a :b :c }")
        #expect(update.sse == """
            (update
              (clear silent DEFAULT)
              (insertdata (quad DEFAULT <http://example.org/a> <http://example.org/b> <http://example.org/c>)))
            """)
        #expect(SPARQL.Expression.and(P.ev("a"), .bound(Variable("b"))).description == "(?a && BOUND(?b))")
    }
}
