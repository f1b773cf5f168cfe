import Federation
import Foundation
import RDF
import Store
import Testing

/// A dump with blank-node distributions, re-serialised with other labels, is "unchanged"; every run leaves PROV-O.
@Suite struct BlankNodeAndProvenanceTests {
    static func dump(_ first: String, _ second: String, title: String = "Solution") -> String {
        """
        @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
        @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix v: <http://www.w3.org/2006/vcard/ns#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix ex: <http://example.com/> .
        ex:s a dcat:Dataset ; dct:title "\(title)" ; dct:description "D" ; dct:publisher ex:p ; dcat:contactPoint ex:c ;
          dct:type ex:type ; dcat:distribution _:\(first), _:\(second) .
        _:\(first) a dcat:Distribution ; dcat:accessURL <http://example.com/a.zip> ; dct:license ex:l .
        _:\(second) a dcat:Distribution ; dcat:accessURL <http://example.com/b.zip> ; dct:license ex:l .
        ex:type a skos:Concept .
        ex:p a foaf:Agent ; foaf:name "P" .
        ex:c a v:Kind ; v:fn "C" ; v:hasEmail <mailto:c@example.com> .

        """
    }

    @Test func relabelledBlankNodesAreUnchangedAndWriteNothing() async throws {
        let first = try FederationFixtures.write(Self.dump("d1", "d2"), name: "dump.ttl")
        let relabelled = try FederationFixtures.write(Self.dump("zz9", "aa0"), name: "dump.ttl")
        try await FederationFixtures.withHarvester { store, harvester in
            let published = try await harvester.harvest("test", options: .init(file: first))
            #expect(published.outcome == .published, "\(published.summary) \(published.violations)")
            let before = FederationFixtures.published(store)
            let again = try await harvester.harvest("test", options: .init(file: relabelled))
            #expect(again.outcome == .unchanged, "\(again.summary)")
            #expect(again.solutions.map(\.classification) == [.unchanged])
            #expect(again.solutions.first?.hash == published.solutions.first?.hash)
            #expect(FederationFixtures.published(store) == before, "the published blank nodes are kept")

            let changed = try FederationFixtures.write(Self.dump("q1", "q2", title: "Renamed"), name: "dump.ttl")
            let third = try await harvester.harvest("test", options: .init(file: changed))
            #expect(third.outcome == .published)
            #expect(third.solutions.map(\.classification) == [.changed])
        }
    }

    @Test func everyRunIsRecordedInPROVO() async throws {
        let file = try FederationFixtures.write(Self.dump("d1", "d2"), name: "dump.ttl")
        try await FederationFixtures.withHarvester { store, harvester in
            let report = try await harvester.harvest("test", options: .init(file: file))
            #expect(report.outcome == .published)
            let provenance = store.snapshot().quads(in: .iri(FederationGraphs.provenance))
            let run = Term.iri("https://w3id.org/lodestar/source/test/run/1")
            let about = Set(provenance.filter { $0.subject == run }.map(\.predicate))
            for property in ["startedAtTime", "endedAtTime", "used", "generated", "wasAssociatedWith"] {
                #expect(about.contains(.iri("http://www.w3.org/ns/prov#" + property)), "prov:\(property)")
            }
            #expect(provenance.contains { $0.subject == run && $0.object == .iri("http://www.w3.org/ns/prov#Activity") })
            #expect(provenance.contains { $0.predicate == .iri("https://w3id.org/lodestar/ns#sha256") && $0.subject == run })
            let entities = provenance.filter { $0.predicate == .iri("http://www.w3.org/ns/prov#specializationOf") }
            #expect(entities.map(\.object) == [.iri("http://example.com/s")])
            #expect(try harvester.history("test").first?.solutions.first?.classification == .new)
        }
    }
}
