import Foundation
import JSONLD
import RDF
import Testing

/// The JSON-LD files of `$LODESTAR_SHARED/data`, checked against the same data in N-Triples where it exists.
@Suite("JSON-LD shared data", .enabled(if: JSONLDSharedData.available, JSONLDSharedData.skipReason))
struct JSONLDSharedDataTests {
    private func parse(_ relative: String) throws -> (quads: [Quad], warnings: [String]) {
        var warnings: [String] = []
        let quads = try JSONLDParser.parse(try JSONLDSharedData.bytes(relative), warning: { warnings.append("\($0)") })
        return (quads, warnings)
    }

    private func nTriples(_ relative: String) throws -> [Quad] {
        var quads: [Quad] = []
        try NQuadsParser.parse(try JSONLDSharedData.bytes(relative), allowsGraphs: false) { quads.append($0) }
        return quads
    }

    /// Joinup's content-negotiation fixtures: the same entity as JSON-LD and N-Triples (SOURCE.md: 10 and 3 triples).
    @Test(arguments: [("fierce-content-exporters", 10), ("term", 3)])
    func joinupFixturesMatchTheirNTriples(name: String, count: Int) throws {
        let (quads, warnings) = try parse("joinup-content-negotiation/\(name).jsonld")
        #expect(quads.count == count)
        #expect(warnings.isEmpty)
        #expect(Set(quads) == Set(try nTriples("joinup-content-negotiation/\(name).ntriples")))
    }

    /// adms.jsonld is a richer document than adms.ttl (142 triples, SOURCE.md): it adds the editors, authors and
    /// contributors, the publication date and the mediator, and words some comments differently. rdflib 7.6 reads 256
    /// triples from it; we read 255, because one `foaf:mbox` is `"mailto: contact@semic.eu"`, whose space makes it no
    /// IRI: JSON-LD drops that statement, and we report it.
    @Test func admsVocabulary() throws {
        let (quads, warnings) = try parse("adms-vocabulary/adms.jsonld")
        #expect(quads.count == 255)
        #expect(
            warnings == [
                #"JSON-LD error at line 4 column 5: @id "mailto: contact@semic.eu" contains U+20, which an IRI cannot contain; statements using it are dropped"#
            ]
        )
        let adms = "http://www.w3.org/ns/adms#"
        #expect(quads.contains(Quad(.iri(adms + "Asset"), .iri(RDFS.label), .literal(Literal("Asset", language: "en")))))
        #expect(quads.contains(Quad(.iri(adms + "Asset"), .iri(RDFS.namespace + "isDefinedBy"), .iri("http://www.w3.org/ns/adms"))))
        #expect(quads.contains(Quad(.iri("http://www.w3.org/ns/adms"), .iri(RDFVocabulary.type), .iri(OWL.namespace + "Ontology"))))
        let classes = quads.filter { $0.predicate == .iri(RDFVocabulary.type) && $0.object == .iri(OWL.namespace + "Class") }
        #expect(classes.count == 4)  // Asset, AssetDistribution, AssetRepository, Identifier
        let people = quads.filter { $0.predicate == .iri(RDFVocabulary.type) && $0.object == .iri("http://xmlns.com/foaf/0.1/Person") }
        #expect(people.count == 35)
        #expect(quads.allSatisfy { $0.graph == .defaultGraph })
    }

    /// ADMS-AP's JSON-LD files hold only a context: no triples, and no error.
    @Test(arguments: ["adms-ap/adms-ap.jsonld", "joinup-federation-fixtures/adms-ap-2.01.jsonld"])
    func contextOnlyFilesHaveNoTriples(path: String) throws {
        let (quads, warnings) = try parse(path)
        #expect(quads.isEmpty)
        #expect(warnings.isEmpty)
    }

    /// SEMIC's per-PURI release files come as .jsonld and .nt; both must give the same graph.
    @Test func semicReleasesMatchTheirNTriples() throws {
        let folder = JSONLDSharedData.root.appendingPathComponent("data/semic-puri-releases/releases")
        var compared = 0
        var triples = 0
        var mismatched: [String] = []
        for area in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(area).path)
            for file in files.sorted() where file.hasSuffix(".jsonld") {
                let stem = "semic-puri-releases/releases/\(area)/" + file.dropLast(".jsonld".count)
                guard files.contains(file.dropLast(".jsonld".count) + ".nt") else { continue }
                let (quads, warnings) = try parse(stem + ".jsonld")
                #expect(warnings.isEmpty, "\(stem)")
                compared += 1
                triples += quads.count
                if !isomorphic(quads, try nTriples(stem + ".nt")) { mismatched.append(String(stem.split(separator: "/").last!)) }
            }
        }
        #expect(compared == 126)
        #expect(triples == 1120)
        // Upstream, these .jsonld and .nt files describe different things (checked with rdflib too): adminUnit.nt
        // holds the AdminUnit class (a case-insensitive file name clash upstream), the other three come from another
        // release (different comments, rdfs:domain/range, scope notes).
        #expect(mismatched == ["adminUnit", "expressionOfExpectedValue", "query", "value"])
    }
}
