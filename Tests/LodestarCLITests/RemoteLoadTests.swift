import Foundation
import Testing

/// `LOAD <http://…>` through `lodestar update`, against a real HTTP server on loopback (Python's http.server): the
/// document lands in its graph with relative IRIs resolved against where it came from; a 404, an oversized body, a
/// server that never answers and an unreachable host each fail the whole request with a message, leaving the store
/// as it was; SILENT swallows them.
@Suite(.serialized) struct RemoteLoadTests {
    /// Serves a folder, plus `/slow` (never answers) and `/moved` (303 to `/data.ttl`); prints its port.
    static let serverScript = """
        import http.server, sys, time
        root = sys.argv[1]
        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs): super().__init__(*args, directory=root, **kwargs)
            def do_GET(self):
                if self.path == "/slow":
                    time.sleep(120)
                    return
                if self.path == "/moved":
                    self.send_response(303)
                    self.send_header("Location", "/data.ttl")
                    self.end_headers()
                    return
                super().do_GET()
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Runs `test` with a document server over a folder holding `data.ttl` (relative IRIs) and `big.nt`.
    func withDocumentServer(_ test: (_ base: String, _ store: String) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let served = directory.path + "/www"
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try "@prefix ex: <http://example.org/> .\n<thing> ex:name \"Thing\" ; ex:next <other> .\n"
            .write(toFile: served + "/data.ttl", atomically: true, encoding: .utf8)
        try writeSyntheticNTriples(count: 2000, prefix: "big", to: served + "/big.nt")

        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", Self.serverScript, served]
        let output = Pipe()
        server.standardOutput = output
        try server.run()
        defer {
            // SIGKILL: the child inherits the test thread's blocked signals, SIGTERM among them.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let port = try #require(readLine(from: output.fileHandleForReading).flatMap { Int($0) }, "the document server printed no port")
        try test("http://127.0.0.1:\(port)", directory.path + "/store")
    }

    @Test func loadsADocumentIntoAGraphWithIRIsResolvedAgainstItsURL() throws {
        try withDocumentServer { base, store in
            let loaded = try CommandRunner.run(["update", "--store", store, "LOAD <\(base)/data.ttl> INTO GRAPH <urn:remote>"])
            #expect(loaded.status == 0, "\(loaded.stderr)")
            #expect(loaded.stdout.contains("2 quads inserted"))
            let rows = try CommandRunner.run([
                "query", "--store", store, "--format", "tsv", "SELECT ?s ?o WHERE { GRAPH <urn:remote> { ?s <http://example.org/next> ?o } }",
            ])
            #expect(rows.stdout == "?s\t?o\n<\(base)/thing>\t<\(base)/other>\n")

            // After a redirect, relative IRIs resolve against the document's final URL.
            let moved = try CommandRunner.run(["update", "--store", store, "LOAD <\(base)/moved> INTO GRAPH <urn:moved>"])
            #expect(moved.status == 0, "\(moved.stderr)")
            let names = try CommandRunner.run(["query", "--store", store, "--format", "tsv", "SELECT ?s WHERE { GRAPH <urn:moved> { ?s ?p \"Thing\" } }"])
            #expect(names.stdout == "?s\n<\(base)/thing>\n")
        }
    }

    @Test func aFailedFetchFailsTheWholeRequestAndChangesNothing() throws {
        try withDocumentServer { base, store in
            #expect(try CommandRunner.run(["update", "--store", store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]).status == 0)
            let failures: [(arguments: [String], message: String)] = [
                (["LOAD <\(base)/missing.ttl>"], "the server answered 404"),
                (["--load-max-bytes", "10000", "LOAD <\(base)/big.nt>"], "over the limit of 10000 bytes"),
                (["--load-timeout", "1", "LOAD <\(base)/slow>"], "within the timeout"),
                (["LOAD <http://127.0.0.1:1/nothing-listens-here.ttl>"], "LOAD <http://127.0.0.1:1/nothing-listens-here.ttl>"),
            ]
            for failure in failures {
                var arguments = ["update", "--store", store] + failure.arguments
                // The LOAD comes after an insertion in the same request: atomicity means neither applies.
                arguments[arguments.count - 1] = "INSERT DATA { <urn:x> <urn:y> <urn:z> } ; " + arguments[arguments.count - 1]
                let result = try CommandRunner.run(arguments)
                #expect(result.status != 0)
                #expect(result.stderr.contains(failure.message), "\(failure.arguments): \(result.stderr)")
            }
            let count = try CommandRunner.run(["query", "--store", store, "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
            #expect(count.stdout == "n\r\n1\r\n")

            let silent = try CommandRunner.run(["update", "--store", store, "LOAD SILENT <\(base)/missing.ttl>"])
            #expect(silent.status == 0, "\(silent.stderr)")
            let big = try CommandRunner.run(["update", "--store", store, "LOAD <\(base)/big.nt> INTO GRAPH <urn:big>"])
            #expect(big.stdout.contains("2000 quads inserted"), "\(big.stderr)")
        }
    }
}

/// One line from `handle`, without its newline; `nil` at end of file.
private func readLine(from handle: FileHandle) -> String? {
    var bytes = [UInt8]()
    while let byte = try? handle.read(upToCount: 1), let first = byte.first {
        if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
        bytes.append(first)
    }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
}
