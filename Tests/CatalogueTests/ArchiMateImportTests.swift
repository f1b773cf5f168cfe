import Catalogue
import Foundation
import RDF
import Store
import Testing

@Suite("ArchiMate exchange files to RDF", .enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
struct ArchiMateImportTests {
    @Test func v6YieldsItsPURIsAndRelationshipsAsSOURCEmdCountsThem() async throws {
        let document = try EIRADocument(file: Shared.archiMateV6)
        #expect(document.release == EIRARelease(edition: .archimate, version: SemanticVersion(6, 0, 0)))
        #expect(document.elements == 358)
        #expect(document.relationships == 562)
        let stated = ["Aggregation": 152, "Composition": 120, "Realization": 86, "Specialization": 71, "Association": 59]
        for (type, count) in stated { #expect(document.relationshipTypes[type] == count, "\(type)") }
        #expect(document.relationshipTypes.values.reduce(0, +) == 562)
    }

    @Test func v6GraphHoldsEachPURIAndRelationshipOnce() async throws {
        let reference = try ExchangeFileReference(path: Shared.archiMateV6, puriFromType: false)
        #expect(reference.puris.count == 358)
        #expect(reference.relationships.count == 562)
        let document = try EIRADocument(file: Shared.archiMateV6)
        let quads = try await withTemporaryStore { store in
            let report = try await EIRAImporter.import(document, into: store)
            #expect(report.graph.value == "https://w3id.org/lodestar/graph/eira/archimate/v6.0.0")
            return store.snapshot().quads(in: .iri(report.graph))
        }
        // Several elements share a PURI upstream (dr8/ArchitecturePrinciple three times): one concept each.
        let distinctPURIs = Set(reference.puris.values)
        #expect(quads.subjects(typed: SKOS.concept) == Set(distinctPURIs.map { Term.iri($0) }))
        #expect(document.concepts == distinctPURIs.count)
        let relationshipTriples = quads.filter { $0.predicate.iri?.value.hasPrefix(arch) == true }
        let expected = Set(reference.relationships.map { "\($0.source) \(arch)\($0.type.prefix(1).lowercased() + $0.type.dropFirst()) \($0.target)" })
        #expect(Set(relationshipTriples.map { "\($0.subject.iri!.value) \($0.predicate.iri!.value) \($0.object.iri!.value)" }) == expected)
        #expect(relationshipTriples.count == expected.count)
        // Every concept has exactly one prefLabel and one definition, whatever the upstream duplicates.
        for puri in distinctPURIs {
            #expect(quads.objects(puri, SKOS.prefLabel).count == 1, "\(puri)")
            #expect(quads.objects(puri, SKOS.definition).count == 1, "\(puri)")
        }
    }

    @Test func v6ConceptCarriesLabelDefinitionIdentifierTypeAndViews() async throws {
        let quads = try EIRADocument(file: Shared.archiMateV6).triples.map { Quad($0, graph: .defaultGraph) }
        let puri = dr8 + "PublicPolicyCourseOfAction"
        #expect(quads.objects(puri, SKOS.prefLabel) == [.literal(Literal("Public Policy", language: "es"))])
        #expect(quads.objects(puri, DCTerms.identifier) == [.literal(Literal("ABB9"))])
        #expect(quads.objects(puri, RDFVocabulary.type) == [.iri(SKOS.concept), .iri(arch + "CourseOfAction")])
        let definition = try #require(quads.objects(puri, SKOS.definition).first?.literal)
        #expect(definition.lexicalForm.hasPrefix("Public Policy ABB is a Course of Action"))
        let legalView = dr8 + "view/LegalView"
        #expect(quads.contains(Quad(.iri(legalView), .iri(SKOS.member), .iri(puri))))
        #expect(quads.objects(legalView, RDFVocabulary.type) == [.iri(SKOS.collection)])
        #expect(quads.objects(legalView, SKOS.prefLabel) == [.literal(Literal("Legal View", language: "es"))])
        // The three elements sharing dr8/ArchitecturePrinciple: the one with ABB381 names it, the others are altLabels.
        let principle = dr8 + "ArchitecturePrinciple"
        #expect(quads.objects(principle, SKOS.prefLabel) == [.literal(Literal("Architecture Principle", language: "es"))])
        #expect(quads.objects(principle, DCTerms.identifier) == [.literal(Literal("ABB381"))])
        #expect(quads.objects(principle, SKOS.altLabel).count == 2)
    }

    @Test func v6ViewsUseTheIRIsAndLabelsOfTheV4SKOS() async throws {
        let archiMate = try EIRADocument(file: Shared.archiMateV6).triples.map { Quad($0, graph: .defaultGraph) }
        let skos = try EIRADocument(file: Shared.skosV4).triples.map { Quad($0, graph: .defaultGraph) }
        let archiMateViews = archiMate.subjects(typed: SKOS.collection)
        let skosViews = skos.subjects(typed: SKOS.collection)
        let technical = ["LegalView", "OrganisationalView", "SemanticView", "TechnicalView-Application", "TechnicalView-Infrastructure"]
        for view in technical {
            let iri = dr8 + "view/" + view
            #expect(archiMateViews.contains(.iri(iri)), "\(view)")
            #expect(skosViews.contains(.iri(iri)), "\(view)")
            #expect(
                archiMate.objects(iri, SKOS.prefLabel).compactMap(\.literal?.lexicalForm)
                    == skos.objects(iri, SKOS.prefLabel).compactMap(\.literal?.lexicalForm))
        }
    }

    @Test func v4DerivesPURIsFromDctType() async throws {
        let reference = try ExchangeFileReference(path: Shared.archiMateV4, puriFromType: true)
        let document = try EIRADocument(file: Shared.archiMateV4)
        #expect(document.release == EIRARelease(edition: .archimate, version: SemanticVersion(4, 0, 0)))
        #expect(document.elements == reference.puris.count)
        #expect(document.concepts == Set(reference.puris.values).count)
        #expect(document.relationships == reference.relationships.count)
        let quads = document.triples.map { Quad($0, graph: .defaultGraph) }
        #expect(quads.subjects(typed: SKOS.concept) == Set(reference.puris.values.map { Term.iri($0) }))
        let publicPolicy = dr8 + "PublicPolicy"
        #expect(quads.objects(publicPolicy, DCTerms.identifier) == [.literal(Literal("ABB9"))])
        #expect(quads.objects(publicPolicy, SKOS.prefLabel) == [.literal(Literal("Public Policy", language: "en"))])
        #expect(quads.contains(Quad(.iri(dr8 + "view/LegalView"), .iri(SKOS.member), .iri(publicPolicy))))
    }
}
