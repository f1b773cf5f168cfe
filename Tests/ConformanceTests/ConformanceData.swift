import Foundation

/// Where the W3C SPARQL test suites are: `$LODESTAR_SHARED/conformance`, else `../shared/conformance` beside the package
/// root (see that folder's SOURCE.md for the upstream commit and licence).
enum ConformanceData {
    /// The `conformance` folder, as a standardised file URL (no `..`), so file IRIs built from it match the IRIs that
    /// manifests and queries resolve against it.
    static let root: URL = {
        if let shared = ProcessInfo.processInfo.environment["LODESTAR_SHARED"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("conformance").standardizedFileURL
        }
        // #filePath is …/Tests/ConformanceTests/ConformanceData.swift; the package root is three levels up.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/conformance").standardizedFileURL
    }()

    /// Whether the suites are there; prints why the conformance tests are skipped when they are not.
    static let isAvailable: Bool = {
        let present = FileManager.default.fileExists(atPath: root.appendingPathComponent("sparql11/manifest-all.ttl").path)
        if !present { print("Skipping the W3C conformance suites: \(root.path) not found (set LODESTAR_SHARED)") }
        return present
    }()

    /// The path of a file IRI below `root` relative to it (`sparql11/aggregates/agg01.rq`), or the IRI unchanged.
    static func relativePath(_ iri: String) -> String {
        let prefix = root.absoluteString.hasSuffix("/") ? root.absoluteString : root.absoluteString + "/"
        return iri.hasPrefix(prefix) ? String(iri.dropFirst(prefix.count)) : iri
    }

    /// The local file a `file:` IRI names, or `nil` for any other IRI.
    static func file(_ iri: String) -> URL? {
        guard iri.hasPrefix("file:"), let url = URL(string: iri), url.isFileURL else { return nil }
        return url
    }
}
