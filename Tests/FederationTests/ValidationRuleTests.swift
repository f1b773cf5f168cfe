import Foundation
import RDF
import Redland
import Testing

@testable import Federation

/// SEMIC's ADMS-AP rules as our engine runs them, and Joinup's application rules, each on a minimal bad fixture.
@Suite struct ValidationRuleTests {
    static let validator = Result { try Validator(resources: FederationFixtures.resources) }

    /// A minimal graph that passes every rule; each case below breaks it in one way.
    static let valid = """
        @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
        @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix v: <http://www.w3.org/2006/vcard/ns#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix spdx: <http://spdx.org/rdf/terms#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix ex: <http://example.com/> .
        ex:s a dcat:Dataset ; dct:title "S" ; dct:description "D" ; dct:publisher ex:p ; dcat:contactPoint ex:c ;
          dct:type ex:type ; dcat:distribution ex:d .
        ex:type a skos:Concept .
        ex:p a foaf:Agent ; foaf:name "P" .
        ex:c a v:Kind ; v:fn "C" ; v:hasEmail <mailto:c@example.com> .
        ex:d a dcat:Distribution ; dcat:accessURL <http://example.com/file> ; dct:license ex:l .

        """

    func violations(_ extra: String) throws -> [Violation] {
        let validator = try Self.validator.get()
        let triples = try RDFInput.parse(Array((Self.valid + extra).utf8), format: .turtle, baseIRI: "http://example.com/", name: "fixture")
        let graph = WorkingGraph(triples)
        return try validator.checkADMS(graph) + validator.checkApplication(graph)
    }

    @Test func theTableHolds104RulesAndEachQueryRuns() throws {
        let validator = try Self.validator.get()
        #expect(validator.admsRules.count == 104)
        #expect(Set(validator.admsRules.map(\.id)) == Set(1...104))
        // Over nothing, only the mandatory-class rules (100–103) can fire: every query parsed and ran.
        let fired = Set(try validator.checkADMS(WorkingGraph()).map(\.rule))
        #expect(fired == ["100", "101", "102", "103"])
    }

    @Test func theMinimalGraphIsValid() throws {
        #expect(try violations("") == [])
    }

    @Test(arguments: [
        ("1", "ex:s2 a dcat:Dataset ; dct:title \"T\" ; dct:description \"D\" ; dct:publisher ex:p ; dct:type ex:type ."),
        ("2", "ex:s dcat:contactPoint ex:notKind . ex:notKind v:fn \"x\" ."),
        ("4", "ex:s dct:description ex:iri ."),
        ("6", "ex:s dct:publisher ex:person . ex:person foaf:name \"x\" ."),
        ("8", "ex:s dct:title ex:iri ."),
        ("12", "ex:s dcat:landingPage ex:one, ex:two ."),
        ("16", "ex:s dct:relation \"not a link\" ."),
        ("26", "ex:s dct:issued \"2020-01-01\" ."),
        ("27", "ex:s dct:isVersionOf ex:a, ex:b ."),
        ("35", "ex:d2 a dcat:Distribution ; dct:license ex:l ."),
        ("37", "ex:d3 a dcat:Distribution ; dcat:accessURL <http://example.com/f> ."),
        ("38", "ex:d dct:license ex:l2 ."),
        ("57", "ex:cat a dcat:Catalog ; dct:title \"C\" ; dct:publisher ex:p ."),
        ("60", "ex:cat a dcat:Catalog ; dct:title \"C\" ; dct:description \"D\" ; dct:publisher ex:p, ex:p2 ."),
        ("76", "ex:d spdx:checksum ex:sum . ex:sum a spdx:Checksum ; spdx:algorithm ex:md5 ; spdx:checksumValue \"ab\"^^xsd:hexBinary ."),
        ("79", "ex:d spdx:checksum ex:sum . ex:sum a spdx:Checksum ; spdx:algorithm spdx:checksumAlgorithm_sha1 ; spdx:checksumValue \"ab\" ."),
        ("80", "ex:c2 a v:Kind ; v:hasEmail <mailto:x@example.com> ."),
        ("82", "ex:c2 a v:Kind ; v:fn \"x\" ."),
        ("95", "ex:p2 a foaf:Agent ."),
        ("104", "ex:s2 a dcat:Dataset ; dct:title \"T2\" ; dct:description \"D\" ; dct:publisher ex:p ; dcat:contactPoint ex:c ."),
        ("dangling-publisher", "ex:s dct:publisher ex:nobody ."),
        ("dangling-contact-point", "ex:s dcat:contactPoint ex:nocontact ."),
        ("shared-distribution", "ex:r a dcat:Dataset ; dct:title \"R\" ; dct:description \"D\" ; dct:publisher ex:p ; dcat:contactPoint ex:c ; dct:type ex:type ; dct:isVersionOf ex:s ; dcat:distribution ex:d ."),
        ("duplicate-title", "ex:s2 a dcat:Dataset ; dct:title \"s\" ; dct:description \"D\" ; dct:publisher ex:p ; dcat:contactPoint ex:c ; dct:type ex:type ."),
        ("empty-title", "ex:s dct:title \"  \" ."),
    ])
    func aRuleFiresOnItsBadFixture(_ rule: String, _ extra: String) throws {
        let found = try violations(extra)
        #expect(found.contains { $0.rule == rule }, "rule \(rule) did not fire; got \(found.map(\.rule))")
    }

    @Test func mandatoryClassRuleFiresWithoutDatasets() throws {
        let validator = try Self.validator.get()
        let graph = WorkingGraph([Triple(.iri("http://example.com/p"), .iri(NS.rdf + "type"), .iri(NS.foaf + "Agent"))])
        #expect(try validator.checkADMS(graph).contains { $0.rule == "100" && $0.message == "The mandatory class dcat:Dataset does not exist." })
    }

    @Test func typeIsMandatoryButOnlyAWarning() throws {
        let found = try violations("ex:s2 a dcat:Dataset ; dct:title \"T2\" ; dct:description \"D\" ; dct:publisher ex:p ; dcat:contactPoint ex:c .")
        #expect(found.filter { $0.rule == "104" }.map(\.severity) == [.warning])
    }
}
