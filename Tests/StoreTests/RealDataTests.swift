import Foundation
import RDF
import Redland
import Store
import Synchronization
import Testing

@Suite("Real data from ../shared", .enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
struct RealDataTests {
    @Test(arguments: [("eira-skos/EIRA_SKOS.rdf", 2158), ("joinup-federation-fixtures/valid_adms.rdf", 96)])
    func loadsWithTheRightCount(file: String, expected: Int) async throws {
        let store = try await QuadStore.open(.memory)
        let report = try await store.load(file: Shared.data(file))
        #expect(report.inserted == expected)
        #expect(store.snapshot().count == expected)
    }

    /// The files SOURCE.md says are broken upstream: refused, with a line number, and nothing loaded.
    @Test(arguments: [
        "adms-ap-validator-samples/sample-xml.rdf", "adms-ap-validator-samples/sample-turtle.ttl",
        "adms-ap/adms-ap_v2.0.2_rdf_schema.ttl", "adms-ap/adms-ap_v2.01_rdf_schema.ttl",
        "adms-ap/ADMS_SKOS_v2.00.rdf", "adms-ap/ADMS_SKOS_v2.00.ttl",
    ])
    func brokenFilesAreRefusedWhole(file: String) async throws {
        let store = try await QuadStore.open(.memory)
        try await store.insert([quad("keep", "p", "me")])
        do {
            try await store.load(file: Shared.data(file))
            Issue.record("\(file) loaded, but SOURCE.md says it is broken")
        } catch {
            print("\(file): \(error)")
            #expect("\(error)".contains("line"), "the message names a line: \(error)")
        }
        #expect(store.snapshot().allQuads == [quad("keep", "p", "me")])
    }

    /// dump → load gives the same quads in every format (blank nodes up to renaming).
    @Test(arguments: RDFFormat.allCases)
    func dumpThenLoadRoundTrips(format: RDFFormat) async throws {
        let store = try await QuadStore.open(.memory)
        let graph = GraphName.iri(IRI("http://data.europa.eu/dr8/"))
        try await store.load(file: Shared.data("eira-skos/EIRA_SKOS.rdf"), into: format.supportsGraphs ? graph : .defaultGraph)
        try await store.load(file: Shared.data("joinup-federation-fixtures/valid_adms.rdf"))
        let original = store.snapshot()
        let dumped = Mutex<[UInt8]>([])
        let dumpGraph: GraphName? = format.supportsGraphs ? nil : .defaultGraph
        try await store.dump(graph: dumpGraph, format: format) { chunk in dumped.withLock { $0 += chunk } }

        let copy = try await QuadStore.open(.memory)
        try await copy.load(bytes: dumped.withLock { $0 }, name: "dump.\(format.fileExtension)", format: format, baseIRI: "http://example.org/")
        let expected = format.supportsGraphs ? original.allQuads : original.quads(in: .defaultGraph)
        let actual = copy.snapshot().allQuads
        #expect(actual.count == expected.count)
        #expect(withoutBlankNodes(actual) == withoutBlankNodes(expected))
    }
}
