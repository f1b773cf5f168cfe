import Federation
import Foundation
import LocalHTTPServer
import RDF
import Store
import Testing

/// Harvests over HTTP from a local server that serves files with ETags (Python's http.server): conditional GET,
/// a 500, a timeout, a wrong media type and Hydra paging.
@Suite(.serialized) struct HTTPHarvestTests {
    /// Runs `body` with a `LocalHTTPServer` over a fresh folder.
    func withServer(_ body: (_ base: String, _ folder: String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("federation-www-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try LocalHTTPServer(serving: folder)
        defer { server.stop() }
        try await body(server.base, folder)
    }

    @Test func aSecondRunIs304AndChangesNothingThenAChangeRepublishes() async throws {
        guard let valid = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf") else { return }
        try await withServer { base, folder in
            try FileManager.default.copyItem(atPath: valid, toPath: folder + "/dump.rdf")
            try await FederationFixtures.withHarvester(url: base + "/dump.rdf") { store, harvester in
                let first = try await harvester.harvest("test")
                #expect(first.outcome == .published, "\(first.summary)")
                #expect(first.httpStatus == 200 && first.etag != nil && first.sha256 != nil)
                #expect(first.format == "rdfxml", "Content-Type with parameters chooses the parser")
                let published = FederationFixtures.published(store)

                let second = try await harvester.harvest("test")
                #expect(second.outcome == .unchanged)
                #expect(second.httpStatus == 304)
                #expect(second.parsedTriples == 0)
                #expect(FederationFixtures.published(store) == published)

                let text = try String(contentsOfFile: valid, encoding: .utf8).replacingOccurrences(of: "This solution 3.", with: "Revised.")
                try text.write(toFile: folder + "/dump.rdf", atomically: true, encoding: .utf8)
                let third = try await harvester.harvest("test")
                #expect(third.outcome == .published)
                #expect(third.solutions.filter { $0.classification == .changed }.map(\.iri) == ["http://example.com/solution/3"])

                // A rejected document is fetched again (no 304 against it) and rejected again.
                guard let invalid = FederationFixtures.shared("joinup-federation-fixtures/invalid_adms.rdf") else { return }
                try FileManager.default.removeItem(atPath: folder + "/dump.rdf")
                try FileManager.default.copyItem(atPath: invalid, toPath: folder + "/dump.rdf")
                #expect(try await harvester.harvest("test").outcome == .rejected)
                let again = try await harvester.harvest("test")
                #expect(again.outcome == .rejected && again.httpStatus == 200)
            }
        }
    }

    @Test func aBadServerLeavesThePublishedGraphAsItWas() async throws {
        guard let valid = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf") else { return }
        try await withServer { base, folder in
            try FileManager.default.copyItem(atPath: valid, toPath: folder + "/dump.rdf")
            try "<html>not rdf</html>".write(toFile: folder + "/page.html", atomically: true, encoding: .utf8)
            try "@prefix ex: <http://example.com/> . ex:a ex:b ".write(toFile: folder + "/broken.ttl", atomically: true, encoding: .utf8)
            try await FederationFixtures.withHarvester(url: base + "/dump.rdf") { store, harvester in
                #expect(try await harvester.harvest("test").outcome == .published)
                let published = FederationFixtures.published(store)
                for (path, step) in [("/error", "fetch"), ("/page.html", "fetch"), ("/broken.ttl", "parse"), ("/missing.rdf", "fetch"), ("/slow", "fetch")] {
                    try await SourceRegistry.add(HarvestSource(name: "bad\(path.count)\(step)", url: base + path), to: store)
                }
                for (path, step) in [("/error", "fetch"), ("/page.html", "fetch"), ("/broken.ttl", "parse"), ("/missing.rdf", "fetch"), ("/slow", "fetch")] {
                    let report = try await harvester.harvest("bad\(path.count)\(step)")
                    #expect(report.outcome == .failed, "\(path): \(report.summary)")
                    #expect(report.failure?.step == step, "\(path): \(report.summary)")
                }
                #expect(FederationFixtures.published(store) == published)
            }
        }
    }

    @Test func hydraPagesAreFollowedOnceEach() async throws {
        try await withServer { base, folder in
            let page = { (n: Int, next: Int) in
                """
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
                <\(base)/p\(n).ttl> hydra:next <\(base)/p\(next).ttl> .
                <http://example.com/s\(n)> a dcat:Dataset .

                """
            }
            try page(1, 2).write(toFile: folder + "/p1.ttl", atomically: true, encoding: .utf8)
            try page(2, 1).write(toFile: folder + "/p2.ttl", atomically: true, encoding: .utf8)
            try await FederationFixtures.withHarvester(url: base + "/p1.ttl") { _, harvester in
                let report = try await harvester.harvest("test")
                #expect(report.pages == 2, "page 2 links back to page 1, which is not fetched again")
                #expect(report.outcome == .rejected, "two bare datasets fail ADMS-AP")
            }
        }
    }

    @Test func oneRunPerSourceAtATime() async throws {
        try await withServer { base, _ in
            try await FederationFixtures.withHarvester(url: base + "/slow") { _, harvester in
                let first = Task { try await harvester.harvest("test") }
                while !harvester.isRunning("test") { await Task.yield() }
                await #expect(throws: FederationError.self) { try await harvester.harvest("test") }
                let outcome = try await first.value.outcome
                #expect(outcome == .failed, "the slow source times out")
            }
        }
    }

    @Test func redirectsGzipAndTheSizeCap() async throws {
        guard let valid = FederationFixtures.shared("joinup-federation-fixtures/valid_adms.rdf") else { return }
        try await withServer { base, folder in
            try FileManager.default.copyItem(atPath: valid, toPath: folder + "/dump.rdf")
            try await FederationFixtures.withHarvester(url: base + "/moved/gz/dump.rdf") { store, harvester in
                let report = try await harvester.harvest("test")
                #expect(report.outcome == .published, "\(report.summary)")
                #expect(report.bytes == 11096, "the gzip body is decompressed")
                #expect(report.count(.new) == 3)
            }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("federation-cap-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try await QuadStore.open(.directory(directory))
            try await SourceRegistry.add(HarvestSource(name: "capped", url: base + "/dump.rdf"), to: store)
            let harvester = try Harvester(
                store: store, resources: FederationFixtures.resources, vocabularyDirectory: FederationFixtures.vocabularies,
                fetcher: Fetcher(timeoutSeconds: 5, maxBytes: 1000))
            let capped = try await harvester.harvest("capped")
            #expect(capped.outcome == .failed)
            #expect(capped.failure?.message.contains("1000") == true, "\(capped.summary)")
            try await store.close()
        }
    }
}
