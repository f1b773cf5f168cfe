import Foundation
import RDF
import Testing

@testable import Federation

/// RDFC-1.0: the hash does not depend on blank-node labels, and does depend on the data.
@Suite struct CanonicalHashTests {
    func triples(_ labels: [String]) -> [Triple] {
        let (a, b, c) = (Term.blankNode(BlankNode(labels[0])), Term.blankNode(BlankNode(labels[1])), Term.blankNode(BlankNode(labels[2])))
        let p = Term.iri("http://example.com/p"), q = Term.iri("http://example.com/q"), s = Term.iri("http://example.com/s")
        return [Triple(s, p, a), Triple(s, p, b), Triple(a, q, c), Triple(b, q, c), Triple(c, q, .string("x"))]
    }

    @Test func relabelledBlankNodesHashTheSame() throws {
        let first = try CanonicalHash.hash(triples(["x1", "x2", "x3"]))
        let second = try CanonicalHash.hash(triples(["zz", "aa", "mm"]).reversed())
        #expect(first == second)
    }

    @Test func differentDataHashesDifferently() throws {
        var changed = triples(["x1", "x2", "x3"])
        changed[4] = Triple(changed[4].subject, changed[4].predicate, .string("y"))
        #expect(try CanonicalHash.hash(triples(["x1", "x2", "x3"])) != CanonicalHash.hash(changed))
    }

    /// Two blank nodes told apart by their first-degree hashes get canonical labels in hash order.
    @Test func canonicalLabelsFollowTheSpec() throws {
        let p = Term.iri("http://example.com/p")
        let lines = try CanonicalHash.canonicalLines([
            Triple(.blankNode(BlankNode("e0")), p, .blankNode(BlankNode("e1"))),
            Triple(.blankNode(BlankNode("e1")), p, .string("o")),
        ])
        // First-degree hashes: e0's (6185a6…) sorts before e1's (fa4b96…), so e0 is c14n0.
        #expect(lines == ["_:c14n0 <http://example.com/p> _:c14n1 .\n", "_:c14n1 <http://example.com/p> \"o\" .\n"])
    }

    /// Blank nodes that first-degree hashes cannot tell apart (a cycle, a symmetric pair) go through the n-degree
    /// step; every labelling of them still hashes the same, and a different shape does not.
    @Test func indistinguishableBlankNodesAreCanonicalizedByTheNDegreeStep() throws {
        let p = Term.iri("http://example.com/p")
        func cycle(_ labels: [String]) -> [Triple] {
            labels.indices.map { Triple(.blankNode(BlankNode(labels[$0])), p, .blankNode(BlankNode(labels[($0 + 1) % labels.count]))) }
        }
        let reference = try CanonicalHash.hash(cycle(["a", "b", "c", "d"]))
        #expect(try CanonicalHash.hash(cycle(["x", "w", "z", "y"])) == reference)
        #expect(try CanonicalHash.hash(cycle(["q", "r", "s", "t"]).reversed()) == reference)
        // Two 2-cycles have the same first-degree hashes as one 4-cycle but are another graph.
        let twoPairs = cycle(["a", "b"]) + cycle(["c", "d"])
        #expect(try CanonicalHash.hash(twoPairs) != reference)
    }
}
