import RDF
import Testing

@testable import SPARQL

@Suite("Evaluator: CONSTRUCT and DESCRIBE")
struct ConstructDescribeTests {
    static let data = dataset(
        """
        :alice :name "Alice"
        :alice :knows :bob
        :bob :name "Bob"
        :alice :address _:addr
        _:addr :city "Paris"
        _:addr :geo _:point
        _:point :lat 48
        :bob :address _:other
        _:other :city "Lyon"
        :g1node :name "G" :g1
        """)

    @Test("CONSTRUCT: fresh blank nodes per solution, unbound and illegal triples skipped, duplicates removed")
    func construct() throws {
        let template = [
            tp("?x", ":label", "?n"), tp("?x", ":card", "_:c"), tp("_:c", ":nick", "?n"), tp("?n", ":bad", "?x"), tp("?x", ":age", "?unbound"),
            tp(":fixed", ":is", ":here"),
        ]
        let query = Query(form: .construct(template: template), pattern: bgp(tp("?x", ":name", "?n")))
        let result = try triples(query, in: Self.data)
        #expect(result.filter { $0.predicate == iri("label") }.count == 2)
        #expect(result.filter { $0.predicate == iri("bad") || $0.predicate == iri("age") }.isEmpty)
        #expect(result.filter { $0.predicate == iri("is") }.count == 1)
        let cards = result.filter { $0.predicate == iri("card") }.map(\.object)
        #expect(cards.count == 2 && Set(cards).count == 2 && cards.allSatisfy(\.isBlankNode))
        // The same template blank node within one solution is one node.
        for card in result.filter({ $0.predicate == iri("card") }) {
            let nick = result.first { $0.subject == card.object && $0.predicate == iri("nick") }
            let label = result.first { $0.subject == card.subject && $0.predicate == iri("label") }
            #expect(nick?.object == label?.object)
        }
        // Data blank nodes are not template blank nodes.
        #expect(!result.contains { $0.subject == .blankNode(BlankNode("addr")) })
    }

    @Test("CONSTRUCT returns each triple once across solutions")
    func constructDeduplicates() throws {
        let query = Query(form: .construct(template: [tp(":alice", ":seen", ":yes")]), pattern: bgp(tp("?x", "?p", "?o")))
        #expect(try triples(query, in: Self.data).count == 1)
    }

    @Test("DESCRIBE: the concise bounded description, following blank nodes, from the default graph")
    func describe() throws {
        let query = Query(form: .describe([.term(iri("alice"))]), pattern: .empty)
        let result = try triples(query, in: Self.data)
        #expect(result.count == 6)
        #expect(result.contains { $0.predicate == iri("lat") })
        #expect(!result.contains { $0.object == .string("Lyon") })
        let variables = Query(form: .describe([.variable(v("x"))]), pattern: bgp(tp("?x", ":name", "?n")))
        let both = try triples(variables, in: Self.data)
        #expect(both.count == 9)
        #expect(!both.contains { $0.object == .string("G") })
    }
}
