import Foundation
import RDF
import Store
import Testing
import TestKit

/// Issue 10: `kill -9` of a live server while eight clients send single writes, one client replaces a 50 000-quad graph
/// (GSP PUT) and another sends a 100 000-quad update, with checkpoints running all along. After reopening, every
/// acknowledged write is whole in the store, nothing unacknowledged is half there, and the store always opens.
@Suite("kill -9 during concurrent HTTP writes", .serialized)
struct ServerCrashTests {
    @Test(arguments: [1, 2])
    func acknowledgedWritesSurviveAKilledServer(round: Int) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        let port = try FreePort.loopback()
        let base = "http://127.0.0.1:\(port)"
        try writeSyntheticNTriples(count: 50_000, prefix: "put", to: directory.path + "/put.nt")
        let bulk = "INSERT DATA {\n" + (0..<100_000).map { "<urn:bulk:\($0)> <urn:p> \"v\($0)\" .\n" }.joined() + "}"
        try bulk.write(toFile: directory.path + "/bulk.ru", atomically: true, encoding: .utf8)

        // A small checkpoint bound, so checkpoints run (and get killed) in the middle of the writes.
        let server = try CommandRunner.start([
            "serve", "--store", store, "--port", "\(port)", "--update-token", "secret", "--checkpoint-bytes", "2000",
        ])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        for _ in 0..<600 where !(try Self.isUp(base)) { try await Task.sleep(for: .milliseconds(100)) }
        // Had the bind failed, every write would go to whatever holds the port.
        try #require(server.isRunning, "the server did not start (port \(port) taken?)")

        let curl = #"curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer secret'"#
        var script = ""
        for writer in 0..<8 {
            script += """
                (for i in $(seq 1 100000); do
                  code=$(\(curl) -H 'Content-Type: application/sparql-update' \
                    --data-binary "INSERT DATA { <urn:w\(writer):$i> <urn:p> 1, 2, 3 }" \(base)/update)
                  case $code in 2*) echo w\(writer):$i >> "\(directory.path)/acks";; *) exit;; esac
                done) &

                """
        }
        script += """
            (code=$(\(curl) -X PUT -H 'Content-Type: application/n-triples' --data-binary @\(directory.path)/put.nt \
               "\(base)/store?graph=urn:put"); case $code in 2*) echo put >> "\(directory.path)/acks";; esac) &
            (code=$(\(curl) -H 'Content-Type: application/sparql-update' --data-binary @\(directory.path)/bulk.ru \(base)/update); \
               case $code in 2*) echo bulk >> "\(directory.path)/acks";; esac) &
            wait

            """
        let clients = Process()
        clients.executableURL = URL(fileURLWithPath: "/bin/bash")
        clients.arguments = ["-c", script]
        try clients.run()
        let acks = directory.path + "/acks"
        for _ in 0..<600 where ((try? String(contentsOfFile: acks, encoding: .utf8)) ?? "").split(separator: "\n").count < 100 {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...6000)))
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        clients.waitUntilExit()  // each client stops at its first refused connection

        let acknowledged = Set(((try? String(contentsOfFile: acks, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        let reopened = try await QuadStore.open(.directory(store))
        let snapshot = reopened.snapshot()
        var perRequest = [String: Int]()
        var bulkCount = 0
        for quad in snapshot.allQuads {
            guard case .iri(let subject) = quad.subject else { continue }
            if subject.value.hasPrefix("urn:bulk:") { bulkCount += 1 } else if subject.value.hasPrefix("urn:w") {
                perRequest[String(subject.value.dropFirst(4)), default: 0] += 1
            }
        }
        let putCount = snapshot.quads(in: .iri(IRI("urn:put"))).count
        try await reopened.close()
        print("round \(round): \(acknowledged.count) acknowledged; after kill -9: \(perRequest.count) single writes, PUT \(putCount), bulk \(bulkCount)")
        #expect(acknowledged.count >= 100, "too few writes acknowledged before the kill for the test to mean anything")
        for name in acknowledged where name.hasPrefix("w") {
            #expect(perRequest[name] == 3, "acknowledged write \(name) has \(perRequest[name] ?? 0) of 3 triples")
        }
        for (name, count) in perRequest { #expect(count == 3, "write \(name) is half-applied: \(count) of 3 triples") }
        #expect(perRequest.count <= acknowledged.count + 8, "at most the writes in flight are present unacknowledged")
        #expect(putCount == 0 || putCount == 50_000, "the PUT is half there: \(putCount)")
        #expect(bulkCount == 0 || bulkCount == 100_000, "the 100k update is half there: \(bulkCount)")
        if acknowledged.contains("put") { #expect(putCount == 50_000) }
        if acknowledged.contains("bulk") { #expect(bulkCount == 100_000) }
    }

    private static func isUp(_ base: String) throws -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        probe.arguments = ["-sf", "-o", "/dev/null", base + "/health"]
        try probe.run()
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }
}
