import Foundation
import LocalHTTPServer
import Testing

/// `LOAD <http://…>` through `lodestar update`, against a real HTTP server on loopback (Python's http.server): the
/// document lands in its graph with relative IRIs resolved against where it came from; a 404, an oversized body, a
/// server that never answers and an unreachable host each fail the whole request with a message, leaving the store
/// as it was; SILENT swallows them.
@Suite(.serialized) struct RemoteLoadTests {
    /// Runs `test` with a document server over a folder holding `data.ttl` (relative IRIs) and `big.nt`.
    func withDocumentServer(_ test: (_ base: String, _ store: String) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let served = directory.path + "/www"
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try "@prefix ex: <http://example.org/> .\n<thing> ex:name \"Thing\" ; ex:next <other> .\n"
            .write(toFile: served + "/data.ttl", atomically: true, encoding: .utf8)
        try writeSyntheticNTriples(count: 2000, prefix: "big", to: served + "/big.nt")

        let server = try LocalHTTPServer(serving: served)
        defer { server.stop() }
        try test(server.base, directory.path + "/store")
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
            let moved = try CommandRunner.run(["update", "--store", store, "LOAD <\(base)/moved/data.ttl> INTO GRAPH <urn:moved>"])
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
