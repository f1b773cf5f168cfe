import Foundation
import Testing

@Suite("lodestar import-eira", .enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
struct ImportEIRACommandTests {
    @Test func importsV6AndStatsShowItsGraph() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        let result = try CommandRunner.run(["import-eira", "--store", store, Shared.data("eira-archimate/v6.0.0/EIRA.xml")])
        #expect(result.status == 0, "\(result.stderr)")
        let graph = "https://w3id.org/lodestar/graph/eira/archimate/v6.0.0"
        #expect(result.stdout.contains("EIRA v6.0.0 (ArchiMate exchange file)"), "\(result.stdout)")
        #expect(result.stdout.contains("graph: <\(graph)>"), "\(result.stdout)")
        #expect(result.stdout.contains("concepts: 354 (from 358 elements with a PURI)"), "\(result.stdout)")
        #expect(result.stdout.contains("relationships: 562"), "\(result.stdout)")
        #expect(result.stdout.contains("succession links: 0"), "\(result.stdout)")
        #expect(result.stdout.contains("time: "), "\(result.stdout)")
        let triples = try #require(result.stdout.firstMatch(of: /triples: (\d+)/).map { String($0.1) })
        let stats = try CommandRunner.run(["stats", "--store", store])
        #expect(stats.stdout.contains("<\(graph)>: \(triples)"), "\(stats.stdout)")
        #expect(stats.stdout.contains("quads: \(triples)"), "\(stats.stdout)")

        let skos = try CommandRunner.run(["import-eira", "--store", store, Shared.data("eira-skos/EIRA_SKOS.rdf")])
        #expect(skos.status == 0, "\(skos.stderr)")
        #expect(skos.stdout.contains("EIRA v4.0.0 (SKOS edition)"), "\(skos.stdout)")
        #expect(skos.stdout.contains("concepts: 215"), "\(skos.stdout)")
        #expect(skos.stdout.contains("succession links: 81 in <https://w3id.org/lodestar/graph/eira/mappings>"), "\(skos.stdout)")
    }

    @Test func aMalformedFileIsRefusedWithItsPositionAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        #expect(try CommandRunner.run(["import-eira", "--store", store, Shared.data("eira-skos/EIRA_SKOS.rdf")]).status == 0)
        let before = try CommandRunner.run(["dump", "--store", store, "--format", "nquads"]).stdout
        let bad = directory.path + "/bad.xml"
        try "<?xml version=\"1.0\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">\n  <name>EIRA v9.0.0</name>\n  <elements>\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["import-eira", "--store", store, bad])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.xml: line "), "\(result.stderr)")
        #expect(try CommandRunner.run(["dump", "--store", store, "--format", "nquads"]).stdout == before)
        let notEIRA = directory.path + "/other.xml"
        try "<catalog/>".write(toFile: notEIRA, atomically: true, encoding: .utf8)
        let other = try CommandRunner.run(["import-eira", "--store", store, notEIRA])
        #expect(other.status != 0)
        #expect(other.stderr.contains("other.xml") && other.stderr.contains("not an EIRA release"), "\(other.stderr)")
    }
}
