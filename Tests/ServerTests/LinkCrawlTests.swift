import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Server
import Store
import TestKit
import Testing

/// Crawls the site with a real link checker (Debian's `linkchecker`) from `/dr8` and `/search?q=a` on a live server
/// holding the EIRA SKOS release, ArchiMate relations and a solution: no link may be broken, and every HTML page
/// reached must have a title. The RDF alternates of each document are left out of the crawl (other tests parse them).
@Suite(.serialized) struct LinkCrawlTests {
    static let linkchecker = ["/usr/bin/linkchecker", "/usr/local/bin/linkchecker"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func noBrokenLinkAndEveryPageHasATitle() async throws {
        guard let linkchecker = Self.linkchecker, EIRAData.isAvailable else {
            Issue.record("LinkCrawlTests needs linkchecker (apt-get install linkchecker) and the EIRA data in LODESTAR_SHARED")
            return
        }
        // Redirects must name the address the crawler reaches: a real server on a port chosen before it starts
        // (HummingbirdTesting's live mode picks its own port, which the base URL cannot know in advance).
        var configuration = TestServer.configuration()
        configuration.host = "127.0.0.1"
        configuration.port = try FreePort.loopback()
        configuration.baseURL = nil
        let base = "http://127.0.0.1:\(configuration.port)"
        let store = try await QuadStore.open(.memory)
        try await EIRAData.load(into: store)
        let services = ServerServices(configuration: configuration, store: store)
        var logger = Logger(label: "lodestar.test")
        logger.logLevel = .warning
        let application = LodestarServer(configuration: configuration, store: store, logger: logger).makeApplication(services: services)
        let server = Task { try await application.runService() }
        defer { server.cancel() }
        let health = try Self.curl(["--retry-connrefused", "--retry", "50", "--retry-delay", "1", base + "/health"])
        // A server that could not start (its port taken meanwhile) would make every link "broken": say so instead.
        guard !health.isEmpty else {
            server.cancel()
            Issue.record("the server on \(base) never answered /health: \(await server.result)")
            return
        }

        var checked: [(url: String, valid: Bool, parent: String, result: String)] = []
        for start in ["/dr8", "/search?q=a"] {
            checked += try Self.crawl(linkchecker, base + start)
        }
        let broken = checked.filter { !$0.valid }
        #expect(broken.isEmpty, "broken links: \(broken.prefix(20).map { "\($0.url) (\($0.result)) on \($0.parent)" })")
        let pages = Set(checked.map(\.url).filter { $0.hasPrefix(base) })
        print("LinkCrawlTests: \(checked.count) links checked, \(pages.count) distinct URLs")
        #expect(pages.count > 300)
        var untitled: [String] = []
        for (url, text) in try Self.fetchAll(pages.sorted()) {
            guard text.hasPrefix("<!DOCTYPE html>") else { continue }
            guard let open = text.range(of: "<title>"), let close = text.range(of: "</title>"), open.upperBound < close.lowerBound,
                !text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty
            else {
                untitled.append(url)
                continue
            }
        }
        #expect(untitled.isEmpty, "pages without a title: \(untitled.prefix(20))")
        server.cancel()
        _ = try? await server.value
        await services.shutdown()
        try await store.close()
    }

    /// The body `curl -s` prints for `arguments`.
    static func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-s"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The HTML of every URL in `urls`, fetched by one curl, eight at a time.
    static func fetchAll(_ urls: [String]) throws -> [(url: String, text: String)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = urls.enumerated().map { index, url in "url = \"\(url)\"\noutput = \"\(folder.path)/\(index).html\"\n" }.joined()
        try config.write(to: folder.appendingPathComponent("urls.conf"), atomically: true, encoding: .utf8)
        _ = try curl(["--parallel", "--parallel-max", "8", "-H", "Accept: text/html", "-K", folder.appendingPathComponent("urls.conf").path])
        return try urls.enumerated().map { index, url in
            (url, try String(contentsOf: folder.appendingPathComponent("\(index).html"), encoding: .utf8))
        }
    }

    /// Lifts linkchecker's politeness delay (0.1–0.6 s between two requests to one host, unless the host sends a
    /// `LinkChecker` header, and at most `maxrequestspersecond` then) for our own server on loopback: the crawl is then
    /// bound by the server, not by sleeps. Everything else is linkchecker as installed.
    static let unthrottled = """
        import runpy, sys
        import linkcheck.director.aggregator as aggregator
        wait_for_host = aggregator.Aggregate.wait_for_host
        def wait_unthrottled(self, host):
            self.set_maxrated_for_host(host)
            wait_for_host(self, host)
        aggregator.Aggregate.wait_for_host = wait_unthrottled
        sys.argv = sys.argv[1:]
        runpy.run_path(sys.argv[0], run_name="__main__")
        """

    /// Runs linkchecker on `start` and returns every link it checked (CSV output: `valid` and `url` columns).
    static func crawl(_ linkchecker: String, _ start: String) throws -> [(url: String, valid: Bool, parent: String, result: String)] {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-linkcheckerrc-\(UUID().uuidString)")
        try "[checking]\nmaxrequestspersecond=1000\n".write(to: config, atomically: true, encoding: .utf8)
        // linkchecker run as root reads it as nobody.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config.path)
        defer { try? FileManager.default.removeItem(at: config) }
        // linkchecker's own interpreter (its `#!` line), which has its modules.
        let script = try String(contentsOfFile: linkchecker, encoding: .utf8)
        let shebang = script.hasPrefix("#!") ? script.dropFirst(2).prefix { $0 != "\n" }.split(separator: " ").map(String.init) : []
        let interpreter = shebang.isEmpty ? ["/usr/bin/python3"] : shebang
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter[0])
        process.arguments = interpreter.dropFirst() + [
            "-c", unthrottled, linkchecker, "-f", config.path,
            "--no-status", "--no-robots", "--verbose", "--threads", "4", "-o", "csv", "--ignore-url", #"\.(ttl|rdf|nt|jsonld|nq|trig)(\?|$)"#, start,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Kept for reading when the crawl fails.
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-linkcheck-\(UUID().uuidString).csv")
        try? data.write(to: saved)
        print("LinkCrawlTests: linkchecker's report of \(start) is at \(saved.path)")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: ";", omittingEmptySubsequences: false).map(String.init),
            let validColumn = header.firstIndex(of: "valid"), let urlColumn = header.firstIndex(of: "url"),
            let parentColumn = header.firstIndex(of: "parentname"), let resultColumn = header.firstIndex(of: "result")
        else { throw LinkCheckerOutputError(text: String(decoding: data.prefix(500), as: UTF8.self)) }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            // A row this naive split cannot read counts as broken, so that it is looked at rather than skipped. (The
            // start URL's row omits the trailing line and column fields, so shorter rows that reach the columns are read.)
            let needed = max(validColumn, urlColumn, parentColumn, resultColumn)
            guard fields.count > needed, fields.count <= header.count, fields[validColumn] == "True" || fields[validColumn] == "False" else {
                return (String(line), false, "", "unreadable report row")
            }
            return (fields[urlColumn], fields[validColumn] == "True", fields[parentColumn], fields[resultColumn])
        }
    }
}

struct LinkCheckerOutputError: Error, CustomStringConvertible {
    let text: String
    var description: String { "linkchecker printed no CSV header: \(text)" }
}
