import Foundation
import RDF

@testable import Store

/// Where the shared data and conformance suites live: `$LODESTAR_SHARED`, else `../shared` beside the package.
enum Shared {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let root: String = ProcessInfo.processInfo.environment["LODESTAR_SHARED"]
        ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/data") }
    static func data(_ relative: String) -> String { root + "/data/" + relative }
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

func iri(_ s: String) -> Term { .iri(IRI("http://example.org/" + s)) }

func quad(_ s: String, _ p: String, _ o: String, graph: String? = nil) -> Quad {
    Quad(iri(s), iri(p), iri(o), graph: graph.map { .iri(IRI("http://example.org/" + $0)) } ?? .defaultGraph)
}

/// Replaces blank-node labels by their order of first appearance, so graphs that differ only in labels compare equal
/// when blank nodes are few and written in the same order. Used where isomorphism by sorting suffices.
func withoutBlankNodes(_ quads: [Quad]) -> Set<Quad> {
    Set(quads.filter { !$0.subject.isBlankNode && !$0.object.isBlankNode && $0.graph.term?.isBlankNode != true })
}

/// A store in `directory` whose first sync succeeds and every later one fails: it holds `kept p o`, acknowledged.
func storeWhoseNextSyncFails(in directory: TemporaryDirectory) async throws -> QuadStore {
    var options = StoreOptions.directory(directory.path)
    options.syncsBeforeFailure = 1
    let store = try await QuadStore.open(options)
    try await store.insert([quad("kept", "p", "o")])
    return store
}

/// How many of `count` concurrent single inserts, the `n`th inserting `insertion(n)`, `store` acknowledged.
func acknowledgedInserts(_ count: Int, into store: QuadStore, _ insertion: @escaping @Sendable (Int) -> Quad) async -> Int {
    await withTaskGroup(of: Bool.self) { group in
        for n in 0..<count {
            group.addTask {
                do {
                    try await store.insert([insertion(n)])
                    return true
                } catch { return false }
            }
        }
        return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}
