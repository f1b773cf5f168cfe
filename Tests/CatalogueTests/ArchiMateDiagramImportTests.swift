import Catalogue
import Foundation
import RDF
import Store
import Testing

/// The diagrams of the exchange files, kept in the release graph in Lodestar's diagram vocabulary.
@Suite("ArchiMate diagrams to RDF", .enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
struct ArchiMateDiagramImportTests {
    static let dia = DiagramVocabulary.namespace

    /// Counts of `<node` and `<connection` start tags in the file, read as text (not by the importer's parser).
    static func tagCounts(_ path: String) throws -> (nodes: Int, connections: Int) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (text.components(separatedBy: "<node ").count - 1, text.components(separatedBy: "<connection ").count - 1)
    }

    @Test func everyNodeAndConnectionOfV6IsKeptAndAReimportWritesTheSameQuads() async throws {
        let (nodes, connections) = try Self.tagCounts(Shared.archiMateV6)
        let document = try EIRADocument(file: Shared.archiMateV6)
        let triples = document.triples
        let nodeTriples = triples.filter { $0.predicate == .iri(DiagramVocabulary.node) }
        #expect(nodeTriples.count == nodes)
        #expect(triples.filter { $0.predicate == .iri(DiagramVocabulary.connection) }.count == connections)
        #expect(triples.filter { $0.predicate == .iri(DiagramVocabulary.diagram) }.count == 14)
        // Every access line drawn carries its access type: the file's Write ones and its one Read.
        let accessLines = triples.filter { $0.predicate == .iri(DiagramVocabulary.relationship) && $0.object.iri?.value.hasSuffix("access") == true }
        let accessTypes = triples.filter { $0.predicate == .iri(DiagramVocabulary.accessType) }
        #expect(!accessLines.isEmpty && Set(accessTypes.map(\.subject)) == Set(accessLines.map(\.subject)))
        #expect(accessTypes.filter { $0.object == .literal(Literal("Read")) }.count == 1)
        // Each box has its bounds; element boxes of PURI elements point at the PURI.
        struct Key: Hashable { var subject, predicate: Term }
        let stated = Set(triples.map { Key(subject: $0.subject, predicate: $0.predicate) })
        for triple in nodeTriples {
            for bound in [DiagramVocabulary.x, DiagramVocabulary.y, DiagramVocabulary.width, DiagramVocabulary.height] {
                #expect(stated.contains(Key(subject: triple.object, predicate: .iri(bound))), "\(triple.object) lacks \(bound)")
            }
        }
        let legalView = Term.iri(IRI(dr8 + "view/LegalView"))
        #expect(triples.filter { $0.subject == legalView && $0.predicate == .iri(SKOS.prefLabel) }.count == 1)
        // A viewpoint that no element's eira:view names becomes a labelled collection of the blocks drawn in it.
        let security = Term.iri(IRI(dr8 + "view/InteroperabilitySecurityViewpoint"))
        #expect(triples.contains(Triple(security, .iri(RDFVocabulary.type), .iri(SKOS.collection))))
        #expect(triples.contains(Triple(security, .iri(SKOS.member), .iri(IRI(dr8 + "PublicPolicyCourseOfAction")))))
        try await withTemporaryStore { store in
            let first = try await EIRAImporter.import(document, into: store)
            let before = store.snapshot().quads(in: .iri(first.graph))
            try await EIRAImporter.import(try EIRADocument(file: Shared.archiMateV6), into: store)
            #expect(Set(store.snapshot().quads(in: .iri(first.graph))) == Set(before))
        }
    }

    @Test func v4AndV6DiagramsNeverShareABlankNode() throws {
        func blankNodes(_ path: String) throws -> Set<Term> {
            Set(try EIRADocument(file: path).triples.flatMap { [$0.subject, $0.object] }.filter { if case .blankNode = $0 { true } else { false } })
        }
        let v4 = try blankNodes(Shared.archiMateV4)
        let v6 = try blankNodes(Shared.archiMateV6)
        #expect(!v4.isEmpty && !v6.isEmpty)
        #expect(v4.isDisjoint(with: v6))
    }
}
