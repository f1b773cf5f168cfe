import Foundation
import HummingbirdTesting
import Server
import Testing

/// Debian's Chromium, headless, against a live server: it opens the PURIs of an ABB, a view and the namespace, follows
/// the 303s to their pages, screenshots them and reads their DOM back. Chromium is a test dependency (`make test-deps` installs it); without it this test fails.
@Suite(.enabled(if: EIRAData.isAvailable, "the EIRA SKOS file is not in $LODESTAR_SHARED/data/eira-skos"))
struct PURIBrowserTests {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    @Test func chromiumRendersAnABBPageAndAViewPage() async throws {
        guard let chromium = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed (looked for \(Self.candidates.joined(separator: ", "))): run `make test-deps`")
            return
        }
        let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-screenshots-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        print("PURI page screenshots: \(screenshots.path)")
        try await TestServer.run(data: "", setup: .live) { client, store in
            try await EIRAData.load(into: store)
            let port = try #require(client.port)
            let pages = [
                ("abb-PublicPolicy", "/dr8/PublicPolicy", "Public Policy", [#"href="/dr8/LegalAct""#, #"href="/dr8/view/LegalView""#]),
                (
                    "view-LegalView", "/dr8/view/LegalView", "Legal View",
                    [#"href="/dr8/PublicPolicy""#, #"href="/dr8/LegalAgreements/InternationalTreaties""#]
                ),
                ("namespace-dr8", "/dr8", "", [#"href="/dr8/view/LegalView""#]),
            ]
            for (name, path, label, links) in pages {
                // The PURI itself, on the server's base URL: Chromium follows the 303 to the HTML document, with the
                // base URL's host mapped onto the live test server.
                let url = TestServer.configuration().publicBaseURL + path
                let mapping = "--host-resolver-rules=MAP lodestar.test:80 localhost:\(port)"
                let profile = screenshots.appendingPathComponent("profile-\(name)").path
                let png = screenshots.appendingPathComponent("\(name).png").path
                let shot = try await Self.run(chromium, Self.flags(profile) + [mapping, "--screenshot=\(png)", "--window-size=1280,2000", url])
                #expect(shot.status == 0, "chromium --screenshot \(url): \(shot.output)")
                let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
                #expect(size > 10_000, "the screenshot \(png) is missing or blank (\(size) bytes)")
                let dom = try await Self.run(chromium, Self.flags(profile + "-dom") + [mapping, "--dump-dom", url])
                #expect(dom.status == 0, "chromium --dump-dom \(url)")
                if !label.isEmpty { #expect(dom.output.contains("<h1>\(label)</h1>"), "\(url) shows no <h1>\(label)</h1>") }
                for link in links { #expect(dom.output.contains(link), "\(url) has no link \(link)") }
                try? FileManager.default.removeItem(atPath: profile)
                try? FileManager.default.removeItem(atPath: profile + "-dom")
            }
        }
    }

    static func flags(_ profile: String) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=\(profile)"]
    }

    /// Runs a program to its end without blocking a thread of the cooperative pool; returns its status and stdout.
    /// The pipe is read to its end on a thread of its own: a `readabilityHandler` (a dispatch source on the pipe) once
    /// crashed libdispatch's event loop when it was removed as the pipe closed, taking the whole test run with it.
    static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
        }
    }
}

