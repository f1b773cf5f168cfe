import Foundation
import Testing

/// deploy/varnish/lodestar.vcl in front of two live `lodestar serve` processes (a primary and a "replica" loaded with the
/// same data), as `make cluster` runs it: cache hits, Accept normalisation, 304s, writes to the primary, bans on commit.
/// Skips with a reason when varnishd is not installed (`make test` installs it).
@Suite(.serialized) struct CacheInFrontTests {
    static let varnishd = "/usr/sbin/varnishd"
    static let token = "cache-test-token"
    static let (cachePort, primaryPort, replicaPort) = (18480, 18481, 18482)
    static let data = """
        <http://data.europa.eu/dr8/CachedBlock> <http://www.w3.org/2004/02/skos/core#prefLabel> "Cached block"@en <http://example.org/g1> .
        <http://data.europa.eu/dr8/OtherBlock> <http://www.w3.org/2004/02/skos/core#prefLabel> "Other block"@en <http://example.org/g2> .

        """
    static let chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8"
    static let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: varnishd), "varnishd is not installed (Debian package varnish)"))
    func varnishInFrontOfLodestar() async throws {
        let folder = try TemporaryDirectory()
        var processes: [Process] = []
        defer {
            let pidText = try? String(contentsOfFile: folder.path + "/varnish.pid", encoding: .utf8)
            if let pid = pidText.flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
                // SIGKILL: a child spawned from the test runner inherits its blocked signals, SIGTERM among them. The worker
                // process exits when its manager is gone; the cache held nothing worth a clean stop.
                kill(pid, SIGKILL)
                for _ in 0..<50 where kill(pid, 0) == 0 { usleep(100_000) }
            }
            for process in processes where process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            folder.remove()
        }
        try Data(Self.data.utf8).write(to: URL(fileURLWithPath: folder.path + "/data.nq"))
        let cache = "http://127.0.0.1:\(Self.cachePort)"
        for (name, port) in [("primary", Self.primaryPort), ("replica", Self.replicaPort)] {
            let load = try CommandRunner.run(["load", "--store", folder.path + "/" + name, folder.path + "/data.nq"])
            #expect(load.status == 0, "\(load.stderr)")
            // Every server calls itself by the cache's URL, so their answers are the same bytes.
            processes.append(
                try CommandRunner.start([
                    "serve", "--store", folder.path + "/" + name, "--port", String(port), "--base-url", cache, "--update-token", Self.token,
                    "--purge", cache + "/",
                ]))
        }
        let render = Process()
        render.executableURL = URL(fileURLWithPath: Shared.packageRoot.path + "/deploy/varnish/render-vcl.sh")
        render.arguments = ["127.0.0.1:\(Self.primaryPort)", "127.0.0.1:\(Self.replicaPort)"]
        FileManager.default.createFile(atPath: folder.path + "/lodestar.vcl", contents: nil)
        render.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path + "/lodestar.vcl"))
        try render.run()
        render.waitUntilExit()
        #expect(render.terminationStatus == 0)
        // varnishd daemonises (no -F): a child that never exits stalls Foundation's reaping of the curl children on Linux.
        let varnish = Process()
        varnish.executableURL = URL(fileURLWithPath: Self.varnishd)
        varnish.arguments = [
            "-a", "127.0.0.1:\(Self.cachePort)", "-n", folder.path + "/varnish", "-f", folder.path + "/lodestar.vcl", "-s", "malloc,32m",
            "-T", "none", "-P", folder.path + "/varnish.pid",
        ]
        varnish.standardOutput = FileHandle.nullDevice
        varnish.standardError = FileHandle.nullDevice
        try varnish.run()
        varnish.waitUntilExit()
        #expect(varnish.terminationStatus == 0, "varnishd did not start")

        // Both servers up and the replica probed healthy: until then reads fall back to the primary.
        for port in [Self.primaryPort, Self.replicaPort] { try await waitFor("http://127.0.0.1:\(port)/health") }
        try await waitFor(cache + "/health")

        let turtle = cache + "/doc/dr8/CachedBlock.ttl"
        let first = try HTTP.get(turtle)
        #expect(first.status == 200 && first.headers["x-cache"] == "MISS")
        let second = try HTTP.get(turtle)
        #expect(second.headers["x-cache"] == "HIT", "the second GET is served from the cache")
        #expect(second.body == first.body)
        #expect(second.headers["surrogate-key"] == nil, "keys stay between Lodestar and the cache")

        let page = cache + "/doc/dr8/CachedBlock"
        #expect(try HTTP.get(page, ["-H", "Accept: \(Self.chrome)"]).headers["x-cache"] == "MISS")
        let other = try HTTP.get(page, ["-H", "Accept: \(Self.firefox)"])
        #expect(other.headers["x-cache"] == "HIT", "two browsers' Accept headers share one cached page")
        #expect(other.headers["content-type"]?.hasPrefix("text/html") == true)

        let tag = try #require(second.headers["etag"])
        #expect(try HTTP.get(turtle, ["-H", "If-None-Match: \(tag)"]).status == 304)
        let untouched = cache + "/doc/dr8/OtherBlock.ttl"
        _ = try HTTP.get(untouched)
        #expect(try HTTP.get(untouched).headers["x-cache"] == "HIT")

        // A write through the cache reaches the primary only.
        let insert = """
            INSERT DATA { GRAPH <http://example.org/g1> {
              <http://data.europa.eu/dr8/CachedBlock> <http://www.w3.org/2004/02/skos/core#altLabel> "Fresh"@en } }
            """
        let write = try HTTP.get(
            cache + "/update", ["-X", "POST", "-H", "Authorization: Bearer \(Self.token)", "-H", "Content-Type: application/sparql-update",
                "--data-binary", insert])
        #expect(write.status == 204)
        let query = "ASK { GRAPH ?g { ?s <http://www.w3.org/2004/02/skos/core#altLabel> \"Fresh\"@en } }"
        let ask = "/sparql?query=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        func answer(_ port: Int) throws -> String {
            String(decoding: try HTTP.get("http://127.0.0.1:\(port)" + ask, ["-H", "Accept: text/csv"]).body, as: UTF8.self)
        }
        #expect(try answer(Self.primaryPort).contains("true"))
        #expect(try answer(Self.replicaPort).contains("false"))

        // The replica applies the same write (here sent to it directly, as its follower would apply the log record), and
        // bans what it changed before it answers: reading through the cache then shows it.
        let applied = try HTTP.get(
            "http://127.0.0.1:\(Self.replicaPort)/update",
            ["-X", "POST", "-H", "Authorization: Bearer \(Self.token)", "-H", "Content-Type: application/sparql-update", "--data-binary", insert])
        #expect(applied.status == 204)
        let fresh = try HTTP.get(turtle)
        #expect(fresh.headers["x-cache"] == "MISS")
        #expect(String(decoding: fresh.body, as: UTF8.self).contains("Fresh"))
        #expect(fresh.headers["etag"] != tag)
        #expect(try HTTP.get(untouched).headers["x-cache"] == "HIT", "a document of another resource in another graph stays cached")
        #expect(try HTTP.get(cache + "/health", ["-X", "PURGE", "-H", "Lodestar-Ban: ."]).status == 200, "bans from loopback")
    }

    /// Polls `url` until it answers 200 (servers and probes starting), for at most 60 s.
    private func waitFor(_ url: String) async throws {
        for _ in 0..<600 {
            if (try? HTTP.get(url))?.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("\(url) did not answer within 60 s")
    }
}

/// curl as a child process: status, headers (lower-cased names) and body.
enum HTTP {
    static func get(_ url: String, _ options: [String] = []) throws -> (status: Int, headers: [String: String], body: Data) {
        let headerFile = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: headerFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "30", "-D", headerFile] + options + [url]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let body = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = (try? String(contentsOfFile: headerFile, encoding: .utf8))?.components(separatedBy: "\r\n") ?? []
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers, body)
    }
}
