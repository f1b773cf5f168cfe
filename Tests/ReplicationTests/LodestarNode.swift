import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One `lodestar serve` process of the built binary, with its own store, on a port of the suite's range (18300–18399).
final class LodestarNode: @unchecked Sendable {
    // @unchecked: each node is driven by one test at a time.
    static let executable: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lodestar").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/lodestar").path
    }()
    static let token = "replication-secret"

    let store: String
    let port: Int
    let extra: [String]
    private var process: Process?
    private(set) var errors = ""
    var url: String { "http://127.0.0.1:\(port)" }

    init(store: String, port: Int, _ extra: [String]) {
        self.store = store
        self.port = port
        self.extra = extra
    }

    /// Starts the server and waits until it answers `/health`.
    func start() async throws {
        if (try? await health()) != nil { throw TestFailure("port \(port) is already taken by another server") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--store", store, "--port", String(port), "--update-token", Self.token, "--queries", "/nonexistent"] + extra
        let log = store + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        self.process = process
        for _ in 0..<600 {
            if !process.isRunning {
                errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw TestFailure("lodestar serve \(extra) exited with \(process.terminationStatus): \(errors)")
            }
            if (try? await health()) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestFailure("lodestar serve on port \(port) did not answer /health")
    }

    /// Runs the server to its exit (for one refused at start) and returns its status and standard error.
    func runToExit() throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--store", store, "--port", String(port), "--update-token", Self.token] + extra
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func kill9() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    // MARK: Requests

    func health() async throws -> String { try await get("/health").body }

    /// The store version `/health` reports.
    func version() async throws -> UInt64 {
        let body = try await health()
        guard let line = body.split(separator: "\n").first(where: { $0.hasPrefix("version: ") }), let version = UInt64(line.dropFirst(9)) else {
            throw TestFailure("no version in /health: \(body)")
        }
        return version
    }

    /// Waits until the node is at `version` or past it.
    func waitForVersion(_ version: UInt64, seconds: Int = 60) async throws {
        for _ in 0..<(seconds * 20) {
            if let current = try? await self.version(), current >= version { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("\(url) did not reach version \(version): \((try? await health()) ?? "no answer")")
    }

    func update(_ sparql: String) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url + "/update")!)
        request.httpMethod = "POST"
        request.setValue("application/sparql-update", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(sparql.utf8)
        return try await send(request)
    }

    /// The whole store as sorted N-Quads lines (what a dump holds), with the version it is at.
    func content() async throws -> (version: String, lines: [String]) {
        let (status, body, headers) = try await sendWithHeaders(URLRequest(url: URL(string: url + "/dumps/all.nq")!))
        guard status == 200 else { throw TestFailure("/dumps/all.nq answered \(status): \(body)") }
        return (headers["x-lodestar-version"] ?? "none", body.split(separator: "\n").map(String.init).sorted())
    }

    func get(_ path: String) async throws -> (status: Int, body: String) {
        try await send(URLRequest(url: URL(string: url + path)!))
    }

    private func send(_ request: URLRequest) async throws -> (status: Int, body: String) {
        let (status, body, _) = try await sendWithHeaders(request)
        return (status, body)
    }

    private func sendWithHeaders(_ request: URLRequest) async throws -> (Int, String, [String: String]) {
        var request = request
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers = [String: String]()
        for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
        return (http.statusCode, String(decoding: data, as: UTF8.self), headers)
    }
}
