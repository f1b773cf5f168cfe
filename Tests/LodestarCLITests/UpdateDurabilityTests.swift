import Foundation
import RDF
import Store
import Testing

/// Issue 4's durability test: numbered INSERT DATA requests, each acknowledged only after `lodestar update` returns;
/// a SIGKILL at a random moment; then every acknowledged request is in the store and none is half-applied.
@Suite("kill -9 during updates", .serialized)
struct UpdateDurabilityTests {
    @Test(arguments: [1, 2])
    func acknowledgedUpdatesSurvive(round: Int) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        let acknowledgements = directory.path + "/acks"
        // Each request inserts three triples, so a half-applied one shows as one or two of them.
        let script = """
            for i in $(seq 1 400); do
              "\(CommandRunner.executable.path)" update --store "\(store)" \
                "INSERT DATA { <urn:request:$i> <urn:p> 1, 2, 3 }" > /dev/null 2>&1 && echo $i >> "\(acknowledgements)"
            done
            """
        let loop = Process()
        loop.executableURL = URL(fileURLWithPath: "/bin/bash")
        loop.arguments = ["-c", script]
        try loop.run()
        // Kill at a random moment after the first acknowledgement, however slow the machine is today.
        for _ in 0..<600 where ((try? String(contentsOfFile: acknowledgements, encoding: .utf8)) ?? "").isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...2500)))
        // Kill the loop first, so no further request starts, then the request in flight.
        kill(loop.processIdentifier, SIGKILL)
        loop.waitUntilExit()
        _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/pkill"), arguments: ["-9", "-f", "update --store \(store)"]).waitUntilExit()

        let acknowledged = ((try? String(contentsOfFile: acknowledgements, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int($0) }
        let reopened = try await QuadStore.open(.directory(store))
        let snapshot = reopened.snapshot()
        var perRequest = [Int: Int]()
        for quad in snapshot.allQuads {
            guard case .iri(let subject) = quad.subject, let number = Int(subject.value.dropFirst("urn:request:".count)) else { continue }
            perRequest[number, default: 0] += 1
        }
        try await reopened.close()
        print("round \(round): \(acknowledged.count) acknowledged, \(perRequest.count) requests in the store after kill -9")
        #expect(!acknowledged.isEmpty, "the loop acknowledged nothing before the kill; the test proves nothing")
        for number in acknowledged { #expect(perRequest[number] == 3, "acknowledged request \(number) has \(perRequest[number] ?? 0) of 3 triples") }
        for (number, count) in perRequest { #expect(count == 3, "request \(number) is half-applied: \(count) of 3 triples") }
        #expect(perRequest.count <= acknowledged.count + 1, "at most the request in flight is present without an acknowledgement")
    }
}
