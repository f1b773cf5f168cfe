import Foundation
import RDF
import Store
import Synchronization
import Testing

/// Runs the real clients the dump tests drive (curl, rapper, python3 with rdflib and pySHACL) as child processes.
enum ChildProcess {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `arguments[0]` (found on PATH) with the rest; waits for it to exit on a thread of its own, never on the
    /// cooperative pool, which the server under test needs to answer the child.
    static func run(_ arguments: [String], input: Data? = nil) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runBlocking(arguments, input: input) }) }.start()
        }
    }

    private static func runBlocking(_ arguments: [String], input: Data?) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let errorData = Mutex<Data>(Data())
        let errorRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
            errorRead.signal()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: data, stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }

    /// Runs a Python script (with `argv` after it); fails the test with the script's stderr if it exits non-zero.
    /// rdflib and pySHACL come from `make test-deps`; a missing module fails with a message saying so.
    static func python(_ script: String, _ argv: [String] = [], input: Data? = nil) async throws -> String {
        let output = try await run(["python3", "-c", script] + argv, input: input)
        if output.stderr.contains("ModuleNotFoundError") {
            Issue.record("python3 lacks a module the dump tests need (rdflib, pyshacl): run `make test-deps`\n\(output.stderr)")
        } else if output.status != 0 {
            Issue.record("python3 exited with \(output.status):\n\(output.stderr)")
        }
        return output.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A scratch folder for one test, removed by the caller.
func scratchDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-dump-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Python that prints, for each `path format` pair of its arguments, the path and the number of triples (quads for
/// N-Quads/TriG) rdflib reads from it, gunzipping `.gz` files.
let rdflibCounts = """
    import sys, gzip, rdflib
    args = sys.argv[1:]
    for path, fmt in zip(args[0::2], args[1::2]):
        data = gzip.open(path).read() if path.endswith('.gz') else open(path, 'rb').read()
        if fmt in ('nquads', 'trig'):
            g = rdflib.Dataset()
            g.parse(data=data, format=fmt)
            print(path, sum(len(c) for c in g.contexts()))
        else:
            g = rdflib.Graph()
            g.parse(data=data, format=fmt)
            print(path, len(g))
    """

/// The N-Quads of the tests that need more than `TestServer.data`: `subjects` subjects with two triples each in
/// `<http://example.org/big>`, plus the small dataset.
func pagedData(subjects: Int) -> String {
    var text = TestServer.data
    for index in 0..<subjects {
        text += "<http://example.org/item/\(index)> <http://purl.org/dc/terms/title> \"Item \(index)\" <http://example.org/big> .\n"
        text +=
            "<http://example.org/item/\(index)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Item> <http://example.org/big> .\n"
    }
    return text
}
