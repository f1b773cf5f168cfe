import RDF
import Testing
import TestKit

@testable import Store

/// Single writes go through the minor delta layer, fold into the major one, and that into the base (`Delta`): at
/// every step the snapshot must read like a plain set of quads.
@Suite struct DeltaLayerTests {
    @Test func singleWritesAcrossTheLayersReadLikeASet() async throws {
        let store = try await QuadStore.open(StoreOptions(location: .memory, deltaLimit: 3))
        var generator = SplitMix(seed: 11)
        var all = Set<Quad>()
        var sawBothLayers = false
        for step in 0..<400 {
            let candidate = quad("s\(generator.next() % 9)", "p\(generator.next() % 2)", "o\(generator.next() % 9)",
                graph: generator.next() % 2 == 0 ? nil : "g\(generator.next() % 2)")
            if generator.next() % 3 == 0, let victim = all.randomElement(using: &generator) {
                try await store.remove([victim])
                all.remove(victim)
            } else {
                try await store.insert([candidate])
                all.insert(candidate)
            }
            await store.committer.waitForFold()  // folds run in the background: land each one, so every layer state shows up
            let snapshot = store.snapshot()
            if !snapshot.delta.major.isEmpty && !snapshot.delta.minor.isEmpty && !snapshot.delta.major.removed.isEmpty { sawBothLayers = true }
            #expect(snapshot.count == all.count, "step \(step)")
            guard step % 20 == 0 else { continue }
            #expect(Set(snapshot.allQuads) == all, "step \(step)")
            for graph in [GraphName.defaultGraph, .iri(IRI("http://example.org/g1"))] {
                #expect(Set(snapshot.quads(in: graph)) == all.filter { $0.graph == graph }, "step \(step)")
            }
            if let s = snapshot.id(of: iri("s1")) {
                let pattern = EncodedQuadPattern(subject: s)
                #expect(snapshot.count(matching: pattern) == all.filter { $0.subject == iri("s1") }.count, "step \(step)")
                #expect(snapshot.quads(matching: pattern).remainingCount == snapshot.count(matching: pattern))
            }
            let graphs = Set(snapshot.namedGraphs.map { snapshot.term(for: $0) })
            #expect(graphs == Set(all.compactMap { $0.graph.term }), "step \(step)")
        }
        #expect(sawBothLayers)
    }
}
