import Foundation
import RDF
import Testing

@testable import Store

/// A new Redland storage is written in the order of its `sp2o` keys (`RedlandKeyOrder`): the order changes the speed of
/// the build only, never what Redland holds.
@Suite struct RedlandKeyOrderTests {
    @Test func keysSortByLibrdfsEncodingOfSubjectThenPredicate() throws {
        let dictionary = TermDictionary()
        func id(_ term: Term) throws -> TermID { try dictionary.intern(term) }
        let long = try id(.iri(IRI("http://example.org/aaaa"))), short = try id(.iri(IRI("http://example.org/zz")))
        let blank = try id(.blankNode(BlankNode("b1")))
        let p1 = try id(.iri(IRI("http://example.org/q"))), p2 = try id(.iri(IRI("http://example.org/p")))
        let objects = try (0..<3).map { try id(.literal(Literal("\($0)"))) }
        func key(_ s: TermID, _ p: TermID, _ o: TermID) -> UInt128 {
            QuadOrder.spog.key(EncodedQuad(subject: s, predicate: p, object: o, graph: .defaultGraph))
        }
        let keys = [key(long, p1, objects[0]), key(short, p1, objects[2]), key(short, p1, objects[1]), key(short, p2, objects[0]),
                    key(blank, p2, objects[0])]
        let sorted = RedlandKeyOrder.sorted(keys, dictionary: dictionary)
        // 'B' sorts before 'R'; a shorter IRI before a longer one (the length comes first); quads sharing subject and
        // predicate keep their order.
        #expect(sorted == [key(blank, p2, objects[0]), key(short, p2, objects[0]), key(short, p1, objects[2]), key(short, p1, objects[1]),
                           key(long, p1, objects[0])])
        #expect(RedlandKeyOrder.encoding(of: .iri(IRI("http://x/"))) == [UInt8(ascii: "R"), 0, 9] + Array("http://x/".utf8))
    }

    /// A load of quads in many graphs, with blank nodes and literals, written into Redland in its key order: with the
    /// index file gone, the store reopens from Redland alone to the same quads.
    @Test func redlandHoldsEveryQuadOfALoad() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = (0..<3_000).map { i in
            "<http://example.org/s/\(i % 977)> <http://example.org/p\(i % 7)> \"v\(i)\"@en <http://example.org/g\(i % 3)> .\n"
                + "_:b\(i % 13) <http://example.org/knows> <http://example.org/s/\(i)> .\n"
        }.joined()
        let store = try await QuadStore.open(.directory(directory.path))
        try await store.load(bytes: Array(text.utf8), name: "many.nq", format: .nquads, baseIRI: "http://x/")
        let expected = Set(store.snapshot().allQuads)
        #expect(expected.count == 3_000 + 3_000)
        try await store.close()
        try FileManager.default.removeItem(atPath: directory.path + "/checkpoint.index")

        let reopened = try await QuadStore.open(.directory(directory.path))
        guard case .rebuilt = reopened.openReport.indexes else {
            Issue.record("the store did not read Redland: \(reopened.openReport.indexes)")
            return try await reopened.close()
        }
        #expect(Set(reopened.snapshot().allQuads) == expected)
        try await reopened.close()
    }
}
