import Foundation
import RDF
import Redland
import Testing

extension RedlandTests {
    /// Every RDF file under `../shared/data` (see each folder's SOURCE.md).
    @Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data (LODESTAR_SHARED)"))
    struct SharedDataTests {
        /// Files broken upstream, with the line of their first error (SOURCE.md of adms-ap and adms-ap-validator-samples).
        static let broken: [String: Int] = [
            // The undeclared prefix has no locator of its own; the line is where raptor's RDF/XML parser stood.
            "adms-ap/ADMS_SKOS_v2.00.rdf": 47,
            "adms-ap/ADMS_SKOS_v2.00.ttl": 29,
            "adms-ap/adms-ap_v2.0.2_rdf_schema.ttl": 34,
            "adms-ap/adms-ap_v2.01_rdf_schema.ttl": 15,
            // Also holds Latin-1 text ("ISA\xB2") at line 59, which raptor would take silently; the syntax error comes first.
            "adms-ap-validator-samples/sample-turtle.ttl": 22,
            "adms-ap-validator-samples/sample-xml.rdf": 24,
        ]

        /// Statements parsed and distinct statements, where SOURCE.md gives them.
        static let counts: [String: (parsed: Int?, distinct: Int)] = [
            "eira-skos/EIRA_SKOS.rdf": (2180, 2158),
            "eira-skos/v3.1.0/EIRA_SKOS.rdf": (2049, 2030),
            "eira-skos/v1.1.0/EIRA_SKOS.rdf": (1051, 1051),
            "joinup-federation-fixtures/valid_adms.rdf": (nil, 96),
            "joinup-federation-fixtures/invalid_adms.rdf": (nil, 73),
            "joinup-federation-fixtures/invalid_drupal.rdf": (nil, 89),
            "joinup-federation-fixtures/single_solution_valid_adms.rdf": (nil, 19),
            "joinup-federation-fixtures/module-tests/valid_adms.rdf": (nil, 16),
            "joinup-federation-fixtures/module-tests/invalid_adms.rdf": (nil, 14),
            "adms-ap/adms_sw_v1.00.rdf": (693, 608),
            "adms-ap-validator-samples/test-rule-0.rdf": (nil, 78),
            "adms-vocabulary/adms.ttl": (nil, 142),
            "adms-vocabulary/adms.rdf": (nil, 155),
            "adms-vocabulary/examples/example-admsrepository.ttl": (nil, 5),
            "adms-vocabulary/examples/example-fruitasset.ttl": (nil, 11),
            "adms-vocabulary/examples/example-fruitassetdistribution.ttl": (nil, 4),
            "adms-vocabulary/examples/example-fruitassetinrepository.ttl": (nil, 1),
            "adms-random/adms-random.ttl": (18326, 18326),
            "dcat-ap-shacl/3.0.0/dcat-ap-SHACL.ttl": (nil, 1968),
            "dcat-ap-shacl/3.0.0/split/shapes.ttl": (nil, 666),
            "dcat-ap-shacl/3.0.0/split/range.ttl": (nil, 377),
            "dcat-ap-shacl/3.0.0/split/mdr-vocabularies.shape.ttl": (nil, 340),
            "dcat-ap-shacl/3.0.0/split/deprecateduris.ttl": (nil, 52),
            "dcat-ap-shacl/3.0.0/split/shapes_recommended.ttl": (nil, 264),
            "dcat-ap-shacl/2.1.1/dcat-ap_2.1.1_shacl_shapes.ttl": (nil, 559),
            "dcat-ap-shacl/2.1.1/dcat-ap_2.1.1_shacl_mdr-vocabularies.shape.ttl": (nil, 321),
            "dcat-ap-shacl/2.1.1/dcat-ap_2.1.1_shacl_range.ttl": (nil, 350),
            "joinup-vocabularies/adms-definition.rdf": (nil, 614),
            "joinup-vocabularies/ADMS_SKOS_v1.00.rdf": (nil, 486),
            "joinup-vocabularies/ADMS-SW-v1.00.rdf": (nil, 11327),
            "joinup-vocabularies/licence-legal-type.rdf": (nil, 347),
            "joinup-vocabularies/countries-skos.rdf": (nil, 18470),
            "joinup-vocabularies/data-theme-skos.rdf": (nil, 463),
            "joinup-vocabularies/filetypes-skos.rdf": (nil, 2621),
            "joinup-vocabularies/eif_conceptual_model.rdf": (nil, 55),
            "joinup-vocabularies/eif_interoperability_layer.rdf": (nil, 43),
            "joinup-vocabularies/eif_principle.rdf": (nil, 79),
            "joinup-vocabularies/eif_recommendation.rdf": (nil, 336),
            "joinup-vocabularies/actor.rdf": (nil, 81),
            "joinup-vocabularies/business-process.rdf": (nil, 997),
            "joinup-vocabularies/solution_category.rdf": (nil, 9),
            "joinup-vocabularies/standardization_level.rdf": (nil, 13),
            "joinup-vocabularies/test_resource_type.rdf": (nil, 29),
            "joinup-vocabularies/product_type.rdf": (nil, 28363),
            "joinup-content-negotiation/fierce-content-exporters.ttl": (nil, 10),
            "joinup-content-negotiation/fierce-content-exporters.n3": (nil, 10),
            "joinup-content-negotiation/fierce-content-exporters.ntriples": (nil, 10),
            "joinup-content-negotiation/fierce-content-exporters.rdfxml": (nil, 10),
            "joinup-content-negotiation/term.ttl": (nil, 3),
            "joinup-content-negotiation/term.n3": (nil, 3),
            "joinup-content-negotiation/term.ntriples": (nil, 3),
            "joinup-content-negotiation/term.rdfxml": (nil, 3),
        ]

        /// The syntax of a shared file, or why it is not raptor's to read.
        static func format(of file: String) -> Result<RDFFormat, SkipReason> {
            if file.hasSuffix("SOURCE.md") { return .failure(SkipReason("documentation")) }
            if file.hasSuffix(".jsonld") { return .failure(SkipReason("JSON-LD: raptor cannot parse it")) }
            if file.hasPrefix("eira-archimate/") { return .failure(SkipReason("ArchiMate exchange XML, not RDF")) }
            // Joinup's N3 fixtures are plain Turtle.
            if file.hasSuffix(".n3") { return .success(.turtle) }
            guard let format = RDFFormat(fileName: file) else { return .failure(SkipReason("unknown extension")) }
            return .success(format)
        }

        struct SkipReason: Error { let text: String; init(_ text: String) { self.text = text } }

        static let rdfFiles: [String] = SharedData.allFiles().filter { (try? format(of: $0).get()) != nil }

        @Test(arguments: rdfFiles)
        func parses(file: String) throws {
            let world = try RedlandWorld()
            let format = try Self.format(of: file).get()
            var quads: [Quad] = []
            let path = SharedData.path(file)
            do {
                try RDFReader.parse(file: path, format: format, world: world) { quads.append($0) }
            } catch let error as RedlandError {
                guard let line = Self.broken[file] else {
                    Issue.record("\(file) should parse: \(error)")
                    return
                }
                print("broken upstream, as expected: \(error)")
                #expect(error.code == .syntax)
                #expect(error.file == path)
                #expect(error.line == line)
                return
            }
            #expect(Self.broken[file] == nil, "\(file) is broken upstream but parsed into \(quads.count) statements")
            #expect(!quads.isEmpty)
            if let expected = Self.counts[file] {
                if let parsed = expected.parsed { #expect(quads.count == parsed, "\(file)") }
                #expect(Set(quads).count == expected.distinct, "\(file)")
            }
        }

        @Test func eiraSKOSHasItsConceptsAndPURIs() throws {
            let world = try RedlandWorld()
            var quads: [Quad] = []
            try RDFReader.parse(file: SharedData.path("eira-skos/EIRA_SKOS.rdf"), world: world) { quads.append($0) }
            let distinct = Set(quads)
            #expect(quads.count == 2180)
            #expect(distinct.count == 2158)
            // SOURCE.md's 221 concepts count the repeated descriptions; 215 are distinct.
            let isConcept = { (quad: Quad) in quad.predicate == .iri(RDFVocabulary.type) && quad.object == .iri(SKOS.concept) }
            #expect(quads.filter(isConcept).count == 221)
            #expect(distinct.filter(isConcept).count == 215)
            #expect(distinct.contains { $0.subject == .iri("http://data.europa.eu/dr8/LegalAgreements/InternationalTreaties") })
            #expect(distinct.allSatisfy { $0.graph == .defaultGraph })
        }
    }
}
