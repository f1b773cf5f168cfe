import Catalogue
import Foundation
import RDF
import Store
import Testing

@Suite("SKOS edition import", .enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
struct SKOSImportTests {
    @Test func v4LandsAsPublishedInItsOwnGraph() async throws {
        let document = try EIRADocument(file: Shared.skosV4)
        #expect(document.release == EIRARelease(edition: .skos, version: SemanticVersion(4, 0, 0)))
        let quads = try await withTemporaryStore { store in
            let report = try await EIRAImporter.import(document, into: store)
            #expect(report.graph.value == "https://w3id.org/lodestar/graph/eira/skos/v4.0.0")
            return store.snapshot().quads(in: .iri(report.graph))
        }
        #expect(quads.count == 2158)  // SOURCE.md: distinct triples
        // The file describes 221 skos:Concepts, six of them twice (SOURCE.md's duplicate triples), so the graph holds
        // 215 distinct ABBs, each with its dcterms:identifier.
        let text = try String(contentsOfFile: Shared.skosV4, encoding: .utf8)
        #expect(text.components(separatedBy: "<skos:Concept rdf:about=").count - 1 == 221)
        let withIdentifier = Set(quads.filter { $0.predicate == .iri(DCTerms.identifier) }.map(\.subject))
        #expect(withIdentifier == quads.subjects(typed: SKOS.concept))
        #expect(withIdentifier.count == 215)
        #expect(document.concepts == 215)
        #expect(quads.subjects(typed: SKOS.collection).count == 8)
        #expect(quads.objects(dr8 + "LegalAgreements/InternationalTreaties", RDFVocabulary.type) == [.iri(SKOS.concept)])
    }

    @Test(arguments: [("v1.1.0/EIRA_SKOS.rdf", SemanticVersion(1, 1, 0)), ("v3.1.0/EIRA_SKOS.rdf", SemanticVersion(3, 1, 0))])
    func olderEditionsAreToldByVersion(file: String, version: SemanticVersion) throws {
        let document = try EIRADocument(file: Shared.data("eira-skos/" + file))
        #expect(document.release == EIRARelease(edition: .skos, version: version))
        #expect(document.concepts > 100)
    }
}
