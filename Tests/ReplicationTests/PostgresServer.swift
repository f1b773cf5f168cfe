import Foundation
import TestKit
import Testing

/// A PostgreSQL cluster of our own in a temporary directory: the suite's, started once (on a free port) and stopped
/// when the test process exits, or a test's own (the failover test's primary and standby). PostgreSQL refuses to run
/// as root: as root, its files belong to `postgres` and its commands run through `runuser -u postgres`.
final class PostgresServer: Sendable {
    let port: Int
    let directory: String
    let binaries: String

    /// The suite's server; a missing PostgreSQL fails the tests (`make test` installs it).
    static let shared: Result<PostgresServer, any Error> = Result {
        let server = try PostgresServer(port: FreePort.loopback())
        stopAtExit = server
        atexit {
            stopAtExit?.stop()
            stopAtExit?.remove()
        }
        return server
    }

    static func running() throws -> PostgresServer { try shared.get() }

    /// A new cluster (initdb), started; or, with `standbyOf`, a synchronous streaming standby of that one.
    init(port: Int, standbyOf primary: PostgresServer? = nil) throws {
        self.port = port
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted().last else {
            throw TestFailure("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): install the Debian package 'postgresql' (make test does)")
        }
        binaries = "/usr/lib/postgresql/\(version)/bin"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-pg-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try Self.shell("chown postgres \(directory)") }
        if let primary {
            try run("pg_basebackup", "-h 127.0.0.1 -p \(primary.port) -U postgres -D \(directory)/data -R -X stream")
        } else {
            try run("initdb", "-D \(directory)/data -A trust -U postgres --no-sync -E UTF8")
        }
        try start()
        if let primary {  // every commit on the primary now waits for this standby
            try primary.sql("ALTER SYSTEM SET synchronous_standby_names = '*'", database: "postgres")
            try primary.sql("SELECT pg_reload_conf()", database: "postgres")
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Makes a standby the primary.
    func promote() throws { try run("pg_ctl", "-D \(directory)/data -w promote") }

    func url(database: String) throws -> String {
        try sql("CREATE DATABASE \(database)", database: "postgres")
        return "postgresql://postgres@127.0.0.1:\(port)/\(database)"
    }

    /// Runs one SQL statement in `database` with psql.
    func sql(_ statement: String, database: String) throws {
        try Self.shell("\(asOwner)\(binaries)/psql -h 127.0.0.1 -p \(port) -U postgres -qc \"\(statement)\" \(database)")
    }

    func start() throws {
        try run("pg_ctl", "-D \(directory)/data -l \(directory)/log -w -o '-p \(port) -k \(directory) -c listen_addresses=127.0.0.1' start")
    }

    /// Stops at once, as a crash would (`immediate`: no checkpoint; committed transactions come back from PostgreSQL's WAL).
    func stop() { try? run("pg_ctl", "-D \(directory)/data -m immediate -w stop") }

    private var asOwner: String { getuid() == 0 ? "runuser -u postgres -- " : "" }

    private func run(_ command: String, _ arguments: String) throws {
        try Self.shell("\(asOwner)\(binaries)/\(command) \(arguments)")
    }

    @discardableResult
    static func shell(_ command: String) throws -> String {
        // posix_spawn and waitpid, not Process: the server pg_ctl leaves running inherits what Process sets up, and
        // waitUntilExit was seen never to return. Output goes to a file, which the server may keep open harmlessly.
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-pg-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let script = "(\(command)) > '\(outputPath)' 2>&1 < /dev/null"
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", script]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, arguments, environ) == 0 else { throw TestFailure("cannot run /bin/sh") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status >> 8) & 0xff
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status & 0x7f == 0, exitStatus == 0 else { throw TestFailure("'\(command)' failed (status \(status)): \(text)") }
        return text
    }
}

nonisolated(unsafe) private var stopAtExit: PostgresServer?

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
