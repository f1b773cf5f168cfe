import RDF
import Testing

@testable import Store

/// A dump's bytes depend on its quads alone, not on the order the store learnt them in (and so issued term IDs): a
/// replica started from the primary's dump, or fed by its log, serves byte-identical dumps under the same ETag.
@Suite struct DumpOrderTests {
    @Test func theSameQuadsLearntInOtherOrdersDumpTheSameBytes() async throws {
        var quads = [Quad]()
        for n in 0..<60 {
            quads.append(quad("s\(n % 7)", "p\(n % 3)", "o\(n)", graph: n % 4 == 0 ? nil : "g\(n % 3)"))
            quads.append(Quad(iri("s\(n % 5)"), iri("label"), .literal(Literal("name \(n)", language: n % 2 == 0 ? "en" : "fr-be")), graph: .defaultGraph))
        }
        quads.append(Quad(.blankNode(BlankNode("b1")), iri("p0"), .literal(Literal("x")), graph: .defaultGraph))
        var generator = SystemRandomNumberGenerator()
        var dumps = Set<[UInt8]>()
        for order in [quads, quads.reversed(), quads.shuffled(using: &generator)] {
            let store = try await QuadStore.open(StoreOptions(location: .memory))
            // One quad at a time, so the term IDs follow this order.
            for quad in order { try await store.insert([quad]) }
            var bytes = [UInt8]()
            try store.snapshot().write(format: .nquads, prefixes: [:]) { bytes += $0 }
            #expect(!bytes.isEmpty)
            dumps.insert(bytes)
        }
        #expect(dumps.count == 1)
    }
}
