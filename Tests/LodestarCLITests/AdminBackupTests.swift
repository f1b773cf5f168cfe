import Foundation
import RDF
import Store
import Testing
import TestKit

/// Issue 10: `POST /admin/backup` on a live server copies its store, for holders of the update token only.
@Suite("POST /admin/backup", .serialized)
struct AdminBackupTests {
    @Test func aTokenHolderGetsACopyThatOpens() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        let port = try FreePort.loopback()
        let base = "http://127.0.0.1:\(port)"
        let server = try CommandRunner.start(["serve", "--store", store, "--port", "\(port)", "--update-token", "secret"])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        for _ in 0..<600 where try Self.curl(["-o", "/dev/null", base + "/health"]) != "200" { try await Task.sleep(for: .milliseconds(100)) }

        let auth = ["-H", "Authorization: Bearer secret"]
        let update = ["-o", "/dev/null", "-H", "Content-Type: application/sparql-update", "--data-binary"]
        for i in 0..<20 { #expect(try Self.curl(auth + update + ["INSERT DATA { <urn:s:\(i)> <urn:p> \(i) }", base + "/update"]) == "204") }
        let target = directory.path + "/copy"
        #expect(try Self.curl(["-o", "/dev/null", "-X", "POST", base + "/admin/backup?target=\(target)"]) == "401")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try Self.curl(auth + ["-o", "/dev/null", "-X", "POST", base + "/admin/backup?target=relative"]) == "400")
        #expect(try Self.curl(auth + ["-o", directory.path + "/answer", "-X", "POST", base + "/admin/backup?target=\(target)"]) == "201")
        let answer = try String(contentsOfFile: directory.path + "/answer", encoding: .utf8)
        #expect(answer.contains("\"target\":\"\(target)\""), "answer: \(answer)")
        #expect(try Self.curl(auth + ["-o", "/dev/null", "-X", "POST", base + "/admin/backup?target=\(target)"]) == "400")
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()

        let copy = try await QuadStore.open(.directory(target))
        #expect(copy.snapshot().count == 20)
        try await copy.close()
    }

    /// The HTTP status of one curl request.
    private static func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-w", "%{http_code}"] + arguments
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
