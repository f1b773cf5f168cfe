import Federation
import Foundation
import RDF
import Store
import Testing

/// Real national dumps (EU Registry of Semantic Models) and SEMIC's random ADMS v1 data: each runs to a report.
@Suite struct RealDumpTests {
    @Test(arguments: ["flanders.ttl", "italy.ttl"])
    func aNationalDumpRunsToAReportNamingItsDefects(_ name: String) async throws {
        guard let file = FederationFixtures.shared("registry-semantic-models/" + name) else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            let report = try await harvester.harvest("test", options: .init(file: file))
            #expect([.published, .rejected].contains(report.outcome), "\(report.summary)")
            #expect(report.parsedTriples > 1000)
            #expect(report.upgraded["01-pass-1-3-classes.ru", default: 0] > 0, "adms:Asset is upgraded to dcat:Dataset")
            if report.outcome == .rejected {
                #expect(report.errorCount > 0)
                #expect(report.violations.allSatisfy { !$0.message.isEmpty && !$0.rule.isEmpty })
                #expect(FederationFixtures.published(store).isEmpty)
            }
            if name == "flanders.ttl" {
                // Its known defects: doubled mailto: schemes, and solutions published twice under IRIs that differ by a slash.
                #expect(report.violations.contains { $0.rule == "malformed-email" && $0.object == "mailto:mailto:digitaal.vlaanderen@vlaanderen.be" })
                #expect(report.violations.contains { $0.rule == "near-duplicate-solution" })
                #expect(report.violations.contains { $0.rule == "37" }, "distributions without a licence")
            }
            print("\(name): \(report.summary)")
            for (rule, count) in Dictionary(grouping: report.violations, by: \.rule).mapValues(\.count).sorted(by: { $0.key < $1.key }) {
                print("  rule \(rule): \(count)")
            }
        }
    }

    @Test func anADMSv1SourceUpgradesBeforeValidation() async throws {
        guard let file = FederationFixtures.shared("adms-random/adms-random.ttl") else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            let report = try await harvester.harvest("test", options: .init(file: file))
            // 166 adms:Asset, 165 adms:AssetDistribution and 166 adms:AssetRepository type triples are rewritten (×2: removed and added).
            #expect(report.upgraded["01-pass-1-3-classes.ru"] == 2 * (166 + 165 + 166))
            #expect(report.droppedByScope > 0, "CatalogRecords, Feeds and the ontology header are out of scope")
            // The upgraded classes are what validation saw: rule 1 reports former adms:Assets as dcat:Datasets.
            #expect(report.violations.contains { $0.rule == "1" && $0.subject == "http://www.w3.org/ns/adms#Asset-0" })
            #expect(report.outcome == .rejected)
        }
    }
}
