import Federation
import Foundation
import RDF
import Store
import Testing

/// Joinup's own fixtures through the whole pipeline, harvested from local files.
@Suite struct FixtureHarvestTests {
    @Test func validADMSPublishes() async throws {
        guard let file = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf") else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            let report = try await harvester.harvest("test", options: .init(file: file))
            #expect(report.outcome == .published, "\(report.summary) \(report.violations)")
            #expect(report.errorCount == 0)
            #expect(report.count(.new) == 3)
            #expect(FederationFixtures.published(store).count == report.publishedTriples)
            #expect(report.publishedTriples > 80)
        }
    }

    @Test func invalidADMSIsRejectedWithTheRulesJoinupNames() async throws {
        guard let file = FederationFixtures.shared("joinup-federation-fixtures/invalid_adms.rdf") else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            let report = try await harvester.harvest("test", options: .init(file: file))
            #expect(report.outcome == .rejected)
            // Joinup's feature test: "The dcat:Dataset http://example.com/solution/1 does not have a dcat:contactPoint property."
            #expect(report.violations.contains {
                $0.rule == "1" && $0.message == "The dcat:Dataset http://example.com/solution/1 does not have a dcat:contactPoint property."
            })
            let rules = Set(report.violations.filter { $0.severity == .error }.map(\.rule))
            #expect(rules.isSuperset(of: ["1", "3", "5"]), "\(rules)")
            #expect(FederationFixtures.published(store).isEmpty)
        }
    }

    @Test func invalidDrupalPassesADMSAndIsRejectedByTheApplicationRules() async throws {
        guard let file = FederationFixtures.shared("joinup-federation-fixtures/invalid_drupal.rdf") else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            let report = try await harvester.harvest("test", options: .init(file: file))
            #expect(report.outcome == .rejected)
            let errors = report.violations.filter { $0.severity == .error }
            #expect(errors.allSatisfy { Int($0.rule) == nil }, "ADMS-AP errors: \(errors.filter { Int($0.rule) != nil })")
            let rules = Set(errors.map(\.rule))
            #expect(rules.isSuperset(of: ["dangling-publisher", "dangling-contact-point", "shared-distribution", "duplicate-title", "empty-title"]), "\(rules)")
            #expect(errors.contains { $0.rule == "dangling-publisher" && $0.object == "http://example.com/owner/invalid" })
            #expect(FederationFixtures.published(store).isEmpty)
        }
    }

    @Test func singleSolutionPublishesAndASecondRunChangesNothing() async throws {
        guard let file = FederationFixtures.shared("joinup-federation-fixtures/single_solution_valid_adms.rdf") else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            let first = try await harvester.harvest("test", options: .init(file: file))
            #expect(first.outcome == .published, "\(first.summary) \(first.violations)")
            let version = store.snapshot().version
            let published = FederationFixtures.published(store)
            // A re-parse gives every blank node a new label; the canonical hashes still match, so nothing is written.
            let second = try await harvester.harvest("test", options: .init(file: file))
            #expect(second.outcome == .unchanged)
            #expect(second.solutions.allSatisfy { $0.classification == .unchanged })
            #expect(FederationFixtures.published(store) == published)
            #expect(store.snapshot().version == version + 1, "only the provenance record is written")
            #expect(try harvester.history("test").map(\.outcome) == [.published, .unchanged])
        }
    }

    @Test func aChangedFileRepublishesOnlyTheChangedSolution() async throws {
        guard let file = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf") else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            #expect(try await harvester.harvest("test", options: .init(file: file)).outcome == .published)
            let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "This solution 3.", with: "Solution three, revised.")
            let changed = try FederationFixtures.write(text, name: "valid_adms.rdf")
            let report = try await harvester.harvest("test", options: .init(file: changed))
            #expect(report.outcome == .published)
            let byIRI = Dictionary(uniqueKeysWithValues: report.solutions.map { ($0.iri, $0.classification) })
            #expect(byIRI["http://example.com/solution/3"] == .changed)
            #expect(byIRI["http://example.com/solution/2"] == .unchanged)
            #expect(byIRI["http://example.com/solution/1?query=4#"] == .unchanged)
            #expect(report.inserted == 1 && report.deleted == 1, "\(report.summary)")
            // Rollback restores the first version.
            let rolledBack = try await harvester.rollback("test")
            #expect(rolledBack.outcome == .rolledBack)
            #expect(FederationFixtures.published(store).contains { $0.object == .string("This solution 3.") })
        }
    }

    @Test func aBadSourceLeavesThePublishedGraphAsItWas() async throws {
        guard let file = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf") else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            #expect(try await harvester.harvest("test", options: .init(file: file)).outcome == .published)
            let published = FederationFixtures.published(store)
            let broken = try FederationFixtures.write("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description rdf:about=\"x\">\n</rdf:RDF>\n", name: "broken.rdf")
            let report = try await harvester.harvest("test", options: .init(file: broken))
            #expect(report.outcome == .failed)
            #expect(report.failure?.step == "parse")
            #expect(report.failure?.line != nil, "the parser's position is reported")
            #expect(FederationFixtures.published(store) == published)
            guard let invalid = FederationFixtures.shared("joinup-federation-fixtures/invalid_adms.rdf") else { return }
            #expect(try await harvester.harvest("test", options: .init(file: invalid)).outcome == .rejected)
            #expect(FederationFixtures.published(store) == published)
        }
    }

    @Test func massRemovalNeedsConfirmation() async throws {
        guard let file = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf"),
            let single = FederationFixtures.shared("joinup-federation-fixtures/single_solution_valid_adms.rdf")
        else { return }
        try await FederationFixtures.withHarvester { store, harvester in
            #expect(try await harvester.harvest("test", options: .init(file: file)).outcome == .published)
            let published = FederationFixtures.published(store)
            let refused = try await harvester.harvest("test", options: .init(file: single))
            #expect(refused.outcome == .rejected)
            #expect(refused.failure?.message.contains("--allow-mass-removal") == true)
            #expect(FederationFixtures.published(store) == published)
            let allowed = try await harvester.harvest("test", options: .init(file: single, allowMassRemoval: true))
            #expect(allowed.outcome == .published)
            #expect(allowed.count(.removed) == 3)
        }
    }
}
