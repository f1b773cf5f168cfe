import Foundation

/// Runs the `lodestar` binary built beside the test bundle.
struct CommandRunner {
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lodestar")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/lodestar")
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `lodestar arguments…` to completion.
    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting: a full pipe would block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `lodestar arguments…` and returns the running process (output discarded).
    /// Starts `lodestar arguments…` and returns the running process (output discarded).
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// Where the shared data lives: `$LODESTAR_SHARED`, else `../shared` beside the package.
enum Shared {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let root: String = ProcessInfo.processInfo.environment["LODESTAR_SHARED"]
        ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/data") }
    static func data(_ relative: String) -> String { root + "/data/" + relative }
}

struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Writes a deterministic N-Triples file of `count` EIRA/ADMS-shaped triples, with `prefix` in every subject.
func writeSyntheticNTriples(count: Int, prefix: String, to path: String) throws {
    var text = ""
    text.reserveCapacity(count * 110)
    for i in 0..<count {
        let subject = "<http://example.org/\(prefix)/solution/\(i / 5)>"
        switch i % 5 {
        case 0: text += "\(subject) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n"
        case 1: text += "\(subject) <http://purl.org/dc/terms/title> \"Solution \(i / 5)\"@en .\n"
        case 2: text += "\(subject) <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/ABB\(i % 221)> .\n"
        case 3: text += "\(subject) <http://purl.org/dc/terms/publisher> <http://example.org/\(prefix)/agent/\(i % 97)> .\n"
        default: text += "\(subject) <http://purl.org/dc/terms/modified> \"2026-01-\(10 + i % 18)\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
        }
    }
    try text.write(toFile: path, atomically: false, encoding: .utf8)
}
