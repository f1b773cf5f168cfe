import Foundation
import Testing

/// A PostgreSQL cluster of our own in a temporary directory, started once for the suite (on port 55430) and stopped
/// when the test process exits. PostgreSQL refuses to run as root: as root, its files belong to `postgres` and its
/// commands run through `runuser -u postgres`.
final class PostgresServer: Sendable {
    static let port = 55430
    let directory: String
    let binaries: String

    /// The suite's server; a missing PostgreSQL fails the tests (`make test` installs it).
    static let shared: Result<PostgresServer, any Error> = Result { try PostgresServer() }

    static func running() throws -> PostgresServer { try shared.get() }

    private init() throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted().last else {
            throw TestFailure("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): install the Debian package 'postgresql' (make test does)")
        }
        binaries = "/usr/lib/postgresql/\(version)/bin"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-pg-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try Self.shell("chown postgres \(directory)") }
        try run("initdb", "-D \(directory)/data -A trust -U postgres --no-sync -E UTF8")
        try start()
        stopAtExit = self
        atexit { stopAtExit?.stop() }
    }

    func url(database: String) throws -> String {
        try Self.shell("\(asOwner)\(binaries)/psql -h 127.0.0.1 -p \(Self.port) -U postgres -qc 'CREATE DATABASE \(database)' postgres")
        return "postgresql://postgres@127.0.0.1:\(Self.port)/\(database)"
    }

    func start() throws {
        try run("pg_ctl", "-D \(directory)/data -l \(directory)/log -w -o '-p \(Self.port) -k \(directory) -c listen_addresses=127.0.0.1' start")
    }

    /// Stops at once, as a crash would (`immediate`: no checkpoint; committed transactions come back from PostgreSQL's WAL).
    func stop() { try? run("pg_ctl", "-D \(directory)/data -m immediate -w stop") }

    private var asOwner: String { getuid() == 0 ? "runuser -u postgres -- " : "" }

    private func run(_ command: String, _ arguments: String) throws {
        try Self.shell("\(asOwner)\(binaries)/\(command) \(arguments)")
    }

    @discardableResult
    static func shell(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw TestFailure("'\(command)' failed (\(process.terminationStatus)): \(text)") }
        return text
    }
}

nonisolated(unsafe) private var stopAtExit: PostgresServer?

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
