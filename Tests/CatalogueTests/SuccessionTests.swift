import Catalogue
import Foundation
import RDF
import Redland
import Store
import Testing

@Suite("PURI succession")
struct SuccessionTests {
    @Test func linksRenamedPURIsToTheNextReleaseOnly() {
        var succession = PURISuccession()
        func id(_ puri: String, _ abb: String) -> Triple { Triple(.iri(dr8 + puri), .iri(DCTerms.identifier), .literal(Literal(abb))) }
        succession.add([id("A", "ABB1"), id("Kept", "ABB2"), id("Same", "ABB3")], version: SemanticVersion(1, 1, 0))
        succession.add([id("A2", "ABB1"), id("Kept", "ABB2")], version: SemanticVersion(3, 1, 0))
        succession.add([id("Same", "ABB3")], version: SemanticVersion(3, 1, 0))  // another edition of the same release
        succession.add([id("A3", "ABB1"), id("Kept", "ABB2"), id("Split1", "ABB2")], version: SemanticVersion(10, 0, 0))
        let links = succession.links.map { "\($0.old.value.dropFirst(dr8.count))>\($0.new.value.dropFirst(dr8.count))" }
        // A → A2 → A3 (a chain, not A → A3); Kept persists so it is not replaced; 10.0.0 is later than 3.1.0.
        #expect(links == ["A>A2", "A2>A3"])
        #expect(succession.triples.count == 4)
    }

    @Test func versionsCompareNumerically() {
        #expect(SemanticVersion(10, 0, 0) > SemanticVersion(9, 1, 0))
        #expect(SemanticVersion(findingIn: "EIRA v6.0.0") == SemanticVersion(6, 0, 0))
        #expect(SemanticVersion(findingIn: "EIRA v6") == nil)
        let release = EIRARelease(edition: .archimate, version: SemanticVersion(6, 0, 0))
        #expect(EIRARelease(graph: release.graph) == release)
        #expect(EIRARelease(graph: EIRARelease.mappingGraph) == nil)
    }

    @Test(.enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
    func skosV4ToArchiMateV6LinksThroughSharedABBIdentifiers() async throws {
        // Expected links, derived from the two files directly: for each ABB id in both, each v4 PURI that v6 does not
        // use for it is replaced by each v6 PURI that carries it.
        var skosABBs: [String: Set<String>] = [:]
        let world = try RedlandWorld()
        try RDFReader.parse(file: Shared.skosV4, world: world) { quad in
            if quad.predicate == .iri(DCTerms.identifier), let puri = quad.subject.iri, let abb = quad.object.literal {
                skosABBs[abb.lexicalForm, default: []].insert(puri.value)
            }
        }
        let reference = try ExchangeFileReference(path: Shared.archiMateV6, puriFromType: false)
        var archiMateABBs: [String: Set<String>] = [:]
        for (element, abb) in reference.abbs { archiMateABBs[abb, default: []].insert(reference.puris[element]!) }
        #expect(Set(skosABBs.keys).intersection(archiMateABBs.keys).count == 84)  // SOURCE.md
        var expected = Set<String>()
        for (abb, old) in skosABBs {
            for puri in old where !(archiMateABBs[abb]?.contains(puri) ?? true) {
                for new in archiMateABBs[abb]! { expected.insert("\(puri) \(new)") }
            }
        }

        let skos = try EIRADocument(file: Shared.skosV4), archiMate = try EIRADocument(file: Shared.archiMateV6)
        for order in [[skos, archiMate], [archiMate, skos]] {
            let (mapping, lastReport) = try await withTemporaryStore { store in
                var report: EIRAImportReport?
                for document in order { report = try await EIRAImporter.import(document, into: store) }
                return (store.snapshot().quads(in: .iri(EIRARelease.mappingGraph)), report!)
            }
            let replaced = mapping.filter { $0.predicate == .iri(DCTerms.isReplacedBy) }
            #expect(Set(replaced.map { "\($0.subject.iri!.value) \($0.object.iri!.value)" }) == expected)
            #expect(lastReport.successionLinks == expected.count)
            #expect(mapping.count == 2 * expected.count)
            #expect(replaced.allSatisfy { $0.subject != $0.object })
            let oldPolicy = dr8 + "PublicPolicy", newPolicy = dr8 + "PublicPolicyCourseOfAction"
            #expect(mapping.contains(Quad(.iri(oldPolicy), .iri(DCTerms.isReplacedBy), .iri(newPolicy), graph: .iri(EIRARelease.mappingGraph))))
            #expect(mapping.contains(Quad(.iri(newPolicy), .iri(DCTerms.replaces), .iri(oldPolicy), graph: .iri(EIRARelease.mappingGraph))))
        }
    }
}
