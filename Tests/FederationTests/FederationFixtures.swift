import Federation
import Foundation
import RDF
import Store
import Testing

/// Paths, stores and harvesters the federation tests share.
enum FederationFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let resources = FederationResources(directory: repository + "/Ontologies/federation")

    /// `$LODESTAR_SHARED/data/<relative>`, or `nil` (with the reason printed) when the shared data is absent.
    static func shared(_ relative: String) -> String? {
        guard let root = ProcessInfo.processInfo.environment["LODESTAR_SHARED"] else {
            print("skipped: LODESTAR_SHARED is not set, so \(relative) is not available")
            return nil
        }
        let path = root + "/data/" + relative
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipped: \(path) is absent")
            return nil
        }
        return path
    }

    static var vocabularies: String? { shared("joinup-vocabularies") }

    /// A fresh store in a temporary directory, with one source registered, and a harvester over it.
    static func withHarvester(
        source: String = "test", url: String = "http://127.0.0.1:1/none.rdf", format: String? = nil,
        _ body: (QuadStore, Harvester) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("federation-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await QuadStore.open(.directory(directory))
        try await SourceRegistry.add(HarvestSource(name: source, url: url, format: format), to: store)
        let harvester = try Harvester(store: store, resources: resources, vocabularyDirectory: vocabularies, fetcher: Fetcher(timeoutSeconds: 5))
        do {
            try await body(store, harvester)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    static func published(_ store: QuadStore, _ source: String = "test") -> Set<Quad> {
        Set(store.snapshot().quads(in: .iri(FederationGraphs.source(source))))
    }

    static func write(_ text: String, name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
