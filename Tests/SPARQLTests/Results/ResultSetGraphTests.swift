import Foundation
import RDF
import SPARQL
import Testing

@Suite("rs:ResultSet graphs")
struct ResultSetGraphTests {
    func triples(_ nTriples: String) throws -> [Triple] {
        let rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
        let text = nTriples.replacingOccurrences(of: "rs:", with: rs)
        var triples: [Triple] = []
        try NQuadsParser.parse(Array(text.utf8), allowsGraphs: false) { triples.append($0.triple) }
        return triples
    }

    @Test func solutionsSortedByIndex() throws {
        let graph = try triples(
            """
            _:rs <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <rs:ResultSet> .
            _:rs <rs:resultVariable> "name" .
            _:rs <rs:resultVariable> "x" .
            _:rs <rs:solution> _:s2 .
            _:rs <rs:solution> _:s1 .
            _:s2 <rs:index> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:s2 <rs:binding> _:b2 .
            _:b2 <rs:variable> "name" .
            _:b2 <rs:value> "Bob"^^<http://www.w3.org/2001/XMLSchema#string> .
            _:s1 <rs:index> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:s1 <rs:binding> _:b1 .
            _:s1 <rs:binding> _:b1x .
            _:b1 <rs:variable> "name" .
            _:b1 <rs:value> "Alice"@en .
            _:b1x <rs:variable> "x" .
            _:b1x <rs:value> _:someone .
            """
        )
        #expect(
            try QueryResultsParser.fromResultSetGraph(graph)
                == .solutions(
                    variables: ["name", "x"],
                    rows: [["name": .literal(Literal("Alice", language: "en")), "x": .blankNode(BlankNode("someone"))], ["name": .string("Bob")]]
                )
        )
    }

    @Test func booleanAndUntypedResultSet() throws {
        let ask = try triples(
            """
            _:rs <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <rs:ResultSet> .
            _:rs <rs:boolean> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
            """
        )
        #expect(try QueryResultsParser.fromResultSetGraph(ask) == .boolean(true))
        let untyped = try triples("_:rs <rs:resultVariable> \"v\" .")
        #expect(try QueryResultsParser.fromResultSetGraph(untyped) == .solutions(variables: ["v"], rows: []))
    }

    @Test func malformedGraphs() throws {
        #expect(throws: QueryResultsSyntaxError.self) { try QueryResultsParser.fromResultSetGraph([]) }
        let noValue = try triples(
            """
            _:rs <rs:solution> _:s .
            _:s <rs:binding> _:b .
            _:b <rs:variable> "x" .
            """
        )
        #expect(throws: QueryResultsSyntaxError("rs:binding without rs:value")) { try QueryResultsParser.fromResultSetGraph(noValue) }
    }
}
