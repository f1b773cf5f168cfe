import Foundation
import RDF
import Redland
import Testing

/// Every Redland test runs inside this suite, one at a time: freeing a raptor world resets libxml2's global state, and
/// although the module guards its own calls, one test at a time keeps failures easy to read.
@Suite(.serialized) enum RedlandTests {}

/// Where `../shared` is: `$LODESTAR_SHARED`, or the folder beside the package root.
enum SharedData {
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["LODESTAR_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        // #filePath is …/Tests/RedlandTests/TestSupport.swift; the package root is two folders up.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared").standardizedFileURL
    }()

    static var data: URL { root.appendingPathComponent("data") }

    static var isAvailable: Bool {
        let present = FileManager.default.fileExists(atPath: data.path)
        if !present { print("Skipping shared-data tests: \(data.path) not found (set LODESTAR_SHARED)") }
        return present
    }

    static func path(_ relative: String) -> String { data.appendingPathComponent(relative).path }

    /// Every file under `data/`, relative paths, sorted.
    static func allFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: data.path) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path(next), isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }
}

/// Parses a string, collecting the quads.
func parse(
    _ text: String, _ format: RDFFormat, world: RedlandWorld, base: String = "http://example.org/",
    blankNodes: BlankNodeLabeling = .unique, fileName: String? = nil
) throws -> [Quad] {
    var quads: [Quad] = []
    try RDFReader.parse(
        Array(text.utf8), format: format, baseIRI: base, world: world, fileName: fileName, blankNodes: blankNodes
    ) { quads.append($0) }
    return quads
}

/// Parses bytes and returns the error it throws (nil if none).
func parseError(_ bytes: [UInt8], _ format: RDFFormat, world: RedlandWorld, fileName: String? = "input") -> RedlandError? {
    do {
        try RDFReader.parse(bytes, format: format, baseIRI: "http://example.org/", world: world, fileName: fileName) { _ in }
        return nil
    } catch let error as RedlandError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("redland-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Quad {
    var hasBlankNode: Bool { subject.isBlankNode || object.isBlankNode || graph.term?.isBlankNode == true }
}
