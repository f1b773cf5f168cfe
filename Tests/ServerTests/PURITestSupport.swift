import Foundation
import HTTPTypes
import HummingbirdTesting
import RDF
import Redland
import Server
import Store
import Testing

/// The EIRA v4.0.0 SKOS file from the shared data, loaded as the importer will load it: in its release graph.
enum EIRAData {
    static var shared: String { ProcessInfo.processInfo.environment["LODESTAR_SHARED"] ?? TestServer.repositoryRoot + "/../shared" }
    static var skosFile: String { shared + "/data/eira-skos/EIRA_SKOS.rdf" }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: skosFile) }
    static let skosGraph = "https://w3id.org/lodestar/graph/eira/skos/v4.0.0"
    static let archimateGraph = "https://w3id.org/lodestar/graph/eira/archimate/v6.0.0"

    /// A few ArchiMate relations and types between v4 PURIs (the importer's data contract), and a solution.
    static let archimate = """
        <http://data.europa.eu/dr8/PublicPolicy> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/lodestar/archimate#Driver> <\(archimateGraph)> .
        <http://data.europa.eu/dr8/PublicPolicy> <https://w3id.org/lodestar/archimate#association> <http://data.europa.eu/dr8/LegalAct> <\(archimateGraph)> .
        <http://data.europa.eu/dr8/BindingInstrument> <https://w3id.org/lodestar/archimate#realization> <http://data.europa.eu/dr8/PublicPolicy> <\(archimateGraph)> .
        <http://example.org/solution/cap> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/PublicPolicy> <http://example.org/graph/solutions> .
        <http://example.org/solution/cap> <http://purl.org/dc/terms/title> "Common Agricultural Policy portal"@en <http://example.org/graph/solutions> .

        """

    /// Loads the SKOS file into its graph and the ArchiMate sample into its own.
    static func load(into store: QuadStore) async throws {
        try await store.load(file: skosFile, format: .rdfxml, baseIRI: "http://data.europa.eu/dr8/", into: .iri(IRI(skosGraph)))
        try await store.load(bytes: Array(archimate.utf8), name: "archimate.nq", format: .nquads, baseIRI: "http://example.org/")
    }

    /// Every IRI under `http://data.europa.eu/dr8` in the SKOS file, with its English prefLabel if it has one.
    static func puris() throws -> [(iri: IRI, prefLabel: String?)] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: skosFile)))
        let quads = try parseRDF(bytes, format: .rdfxml, baseIRI: "http://data.europa.eu/dr8/")
        var labels: [IRI: String] = [:]
        var iris: Set<IRI> = []
        for quad in quads {
            for term in [quad.subject, quad.object] {
                if let iri = term.iri, iri.value.hasPrefix("http://data.europa.eu/dr8") { iris.insert(iri) }
            }
            if quad.predicate == .iri(SKOS.prefLabel), let iri = quad.subject.iri, let literal = quad.object.literal {
                labels[iri] = literal.lexicalForm
            }
        }
        return iris.sorted().map { ($0, labels[$0]) }
    }
}

extension TestClientProtocol {
    /// GET (or another method) with an optional `Accept` and extra headers.
    func get(_ uri: String, accept: String? = nil, method: HTTPRequest.Method = .get, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let accept { headers[.accept] = accept }
        return try await execute(uri: uri, method: method, headers: headers)
    }
}

/// Runs `rapper` (raptor's command line) on `bytes`; returns its exit status and what it printed.
func runRapper(_ bytes: [UInt8], syntax: String, baseIRI: String) throws -> (status: Int32, output: String) {
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-rapper-\(UUID().uuidString)")
    try Data(bytes).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["rapper", "-i", syntax, "-c", input.path, baseIRI]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
