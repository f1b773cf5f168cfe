import Foundation
import Testing
import TestKit

/// Issue 15: a query whose client has gone stops computing, and SIGTERM stops a server whose query would run for
/// minutes once `--drain-timeout` has passed. Both against a `lodestar serve` child process with one query thread.
@Suite("requests end: departed clients and SIGTERM", .serialized)
struct RequestEndTests {
    /// Billions of rows from four inline tables: runs until its 300 s deadline unless stopped.
    static let endlessQuery: String = {
        let values = (1...200).map(String.init).joined(separator: " ")
        return "SELECT (COUNT(*) AS ?n) { VALUES ?a { \(values) } VALUES ?b { \(values) } VALUES ?c { \(values) } VALUES ?d { \(values) } }"
    }()

    /// The client of a query that would run for 300 s is killed; the server's only query thread is free again, so a
    /// second query is answered (with the work still running, it would wait for the thread until its own limit).
    @Test func aQueryWhoseClientHasGoneStops() async throws {
        try await withServer { base, _ in
            let heavy = try Self.curl(["-o", "/dev/null", "--get", "--data-urlencode", "query=\(Self.endlessQuery)", "--data", "timeout=300", base + "/sparql"])
            try await Task.sleep(for: .seconds(1))  // the query has reached the thread
            kill(heavy.processIdentifier, SIGKILL)
            heavy.waitUntilExit()
            let departed = ContinuousClock.now
            let probe = try Self.curl(["-o", "/dev/null", "-w", "%{http_code}", "--max-time", "120", "--get",
                                       "--data-urlencode", "query=ASK {}", "--data", "timeout=300", base + "/sparql"], output: true)
            probe.process.waitUntilExit()
            let code = String(decoding: probe.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            print("RequestEndTests: the second query was answered \(ContinuousClock.now - departed) after the first client left")
            #expect(code == "200", "the second query got '\(code)': the departed client's query still holds the only thread")
        }
    }

    /// SIGTERM while a 300 s query runs: the server waits `--drain-timeout` (1 s), cancels the query and exits cleanly.
    @Test func sigtermEndsTheServerAfterTheDrainTimeout() async throws {
        try await withServer { base, server in
            let heavy = try Self.curl(["-o", "/dev/null", "--get", "--data-urlencode", "query=\(Self.endlessQuery)", "--data", "timeout=300", base + "/sparql"])
            defer { if heavy.isRunning { kill(heavy.processIdentifier, SIGKILL) } }
            try await Task.sleep(for: .seconds(1))
            kill(server.processIdentifier, SIGTERM)
            // Far more than the drain timeout, far less than the query's 300 s.
            for _ in 0..<1200 where server.isRunning { try await Task.sleep(for: .milliseconds(100)) }
            #expect(!server.isRunning, "the server still runs 120 s after SIGTERM with --drain-timeout 1")
            if !server.isRunning {
                #expect(server.terminationReason == .exit && server.terminationStatus == 0, "exit status \(server.terminationStatus)")
            }
        }
    }

    private func withServer(_ body: (String, Process) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let port = try FreePort.loopback()
        let base = "http://127.0.0.1:\(port)"
        let server = try CommandRunner.start([
            "serve", "--store", directory.path + "/store", "--port", "\(port)", "--max-concurrent-queries", "1", "--drain-timeout", "1",
        ])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        for _ in 0..<600 where !(try Self.isUp(base)) { try await Task.sleep(for: .milliseconds(100)) }
        try await body(base, server)
    }

    private static func curl(_ arguments: [String]) throws -> Process { try curl(arguments, output: false).process }

    private static func curl(_ arguments: [String], output: Bool) throws -> (process: Process, output: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s"] + arguments
        let pipe = Pipe()
        process.standardOutput = output ? pipe : FileHandle.nullDevice
        try process.run()
        return (process, pipe)
    }

    private static func isUp(_ base: String) throws -> Bool {
        let probe = try curl(["-f", "-o", "/dev/null", base + "/health"])
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }
}
