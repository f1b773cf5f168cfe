import Foundation
import HummingbirdTesting
import RDF
import Store
import Testing

@testable import Server

/// The check the issue announces: a live server with the EIRA and an ADMS-AP graph, pulled with curl and parsed with
/// rapper and rdflib.
@Suite(.enabled(if: SharedDumpData.available, "LODESTAR_SHARED data (eira-skos, joinup-federation-fixtures) is absent"))
struct DumpRealDataTests {
    static var shared: String { SharedDumpData.root }

    @Test func eiraAndADMSAPDumps() async throws {
        try await TestServer.run(data: "", setup: .live) { client, store in
            let port = try #require(client.port)
            let server = "http://localhost:\(port)"
            let eira = GraphName.iri(IRI("http://data.europa.eu/dr8/"))
            try await store.load(file: Self.shared + "/data/eira-skos/EIRA_SKOS.rdf", into: eira)
            try await store.load(file: Self.shared + "/data/joinup-federation-fixtures/valid_adms.rdf", into: .iri(IRI("http://example.org/adms-ap")))
            #expect(store.snapshot().count == 2158 + 96)
            let directory = try scratchDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }

            // N-Quads: type, length, count.
            let nquads = directory + "/all.nq"
            let headers = try await ChildProcess.run(["curl", "-s", "-D", "-", "-o", nquads, server + "/dumps/all.nq"]).text
            #expect(headers.hasPrefix("HTTP/1.1 200"))
            #expect(headers.lowercased().contains("content-type: application/n-quads\r\n"))
            let size = try FileManager.default.attributesOfItem(atPath: nquads)[.size] as? Int ?? -1
            #expect(headers.lowercased().contains("content-length: \(size)\r\n"))
            let rapper = try await ChildProcess.run(["rapper", "-i", "nquads", "-c", nquads])
            #expect(rapper.stderr.contains("returned \(2158 + 96) "), "\(rapper.stderr)")

            // gzip, and the EIRA graph's Turtle through rapper.
            let gz = try await ChildProcess.run(["curl", "-s", server + "/dumps/all.nq.gz"])
            #expect(try gunzip(Array(gz.stdout)) == Array(try Data(contentsOf: URL(fileURLWithPath: nquads))))
            let turtle = directory + "/eira.ttl"
            _ = try await ChildProcess.run(["curl", "-s", "-o", turtle, server + "/dumps/" + GraphSlug.slug(for: eira) + ".ttl"])
            let turtleCount = try await ChildProcess.run(["rapper", "-i", "turtle", "-c", turtle])
            #expect(turtleCount.stderr.contains("returned 2158 "), "\(turtleCount.stderr)")
            #expect(try await ChildProcess.python(rdflibCounts, [turtle, "turtle"]) == "\(turtle) 2158")

            // VoID names the dumps; DCAT gives download URLs.
            let void = try await ChildProcess.run(["curl", "-s", server + "/.well-known/void"]).text
            #expect(void.contains("void:dataDump"))
            #expect(void.contains("/dumps/all.nq.gz"))
            let catalog = try await ChildProcess.run(["curl", "-s", "-H", "Accept: application/n-triples", server + "/catalog"]).text
            #expect(catalog.contains("<http://www.w3.org/ns/dcat#downloadURL> <http://lodestar.test/dumps/all.nq>"))
        }
    }
}

/// Where the shared data is: `$LODESTAR_SHARED`, else `../shared` beside the repository.
enum SharedDumpData {
    static var root: String { ProcessInfo.processInfo.environment["LODESTAR_SHARED"] ?? TestServer.repositoryRoot + "/../shared" }
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/data/eira-skos/EIRA_SKOS.rdf") }
}
