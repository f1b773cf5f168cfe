import Foundation
import RDF
import Store

/// Where the shared data lives: `$LODESTAR_SHARED`, else `../shared` beside the package.
enum Shared {
    static let root: String =
        ProcessInfo.processInfo.environment["LODESTAR_SHARED"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared").path
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/data/eira-archimate/v6.0.0/EIRA.xml") }
    static func data(_ relative: String) -> String { root + "/data/" + relative }

    static let skosV4 = data("eira-skos/EIRA_SKOS.rdf")
    static let archiMateV4 = data("eira-archimate/v4.0.0/EIRA.xml")
    static let archiMateV6 = data("eira-archimate/v6.0.0/EIRA.xml")
}

/// A store in a fresh temporary directory, closed and deleted after `body`.
func withTemporaryStore<T>(_ body: (QuadStore) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-catalogue-\(UUID().uuidString)").path
    let store = try await QuadStore.open(.directory(path))
    do {
        let result = try await body(store)
        try await store.close()
        try? FileManager.default.removeItem(atPath: path)
        return result
    } catch {
        try? await store.close()
        try? FileManager.default.removeItem(atPath: path)
        throw error
    }
}

let dr8 = "http://data.europa.eu/dr8/"
let arch = "https://w3id.org/lodestar/archimate#"

extension Array where Element == Quad {
    /// Objects of `predicate` on `subject`.
    func objects(_ subject: String, _ predicate: IRI) -> Set<Term> {
        Set(filter { $0.subject == .iri(subject) && $0.predicate == .iri(predicate) }.map(\.object))
    }

    /// Distinct subjects with `rdf:type` `type`.
    func subjects(typed type: IRI) -> Set<Term> {
        Set(filter { $0.predicate == .iri(RDFVocabulary.type) && $0.object == .iri(type) }.map(\.subject))
    }
}
