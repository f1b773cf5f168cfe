import Catalogue
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Store
import Testing

/// Debian's Chromium, headless, on the catalogue's pages over the real EIRA (SKOS v4.0.0 and ArchiMate v6.0.0) and a
/// solution: the solution's page, the building block listing it, a view drawn as a diagram, search results and a
/// replaced PURI. Each is screenshotted (paths printed) and its DOM read back. Chromium is a test dependency (`make
/// test-deps`); without it this test fails.
@Suite(.enabled(if: EIRAData.isAvailable && DiagramReference.isAvailable, "the EIRA files are not in $LODESTAR_SHARED/data"))
struct CataloguePagesBrowserTests {
    static let solution = "http://example.org/solution/portal"
    /// A solution naming its blocks by their `http://data.europa.eu/eira/` forms: its page shows the current dr8 blocks.
    static let named = "http://example.org/solution/register"
    static let data = """
        <\(solution)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> <http://example.org/g/solutions> .
        <\(solution)> <http://purl.org/dc/terms/title> "Policy portal <script>alert(1)</script>"@en <http://example.org/g/solutions> .
        <\(solution)> <http://purl.org/dc/terms/description> "Publishes every public policy of the region."@en <http://example.org/g/solutions> .
        <\(solution)> <http://purl.org/dc/terms/type> <http://data.europa.eu/dr8/PublicPolicyCourseOfAction> <http://example.org/g/solutions> .
        <\(solution)> <http://purl.org/dc/terms/publisher> <http://example.org/agency> <http://example.org/g/solutions> .
        <\(solution)> <http://www.w3.org/ns/dcat#keyword> "policy"@en <http://example.org/g/solutions> .
        <http://example.org/agency> <http://xmlns.com/foaf/0.1/name> "Regional agency" <http://example.org/g/solutions> .
        <\(named)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/adms#Asset> <http://example.org/g/solutions> .
        <\(named)> <http://purl.org/dc/terms/title> "Policy register" <http://example.org/g/solutions> .
        <\(named)> <http://purl.org/dc/terms/description> "Το μητρώο πολιτικών του δήμου Αθήνα."@el <http://example.org/g/solutions> .
        <\(named)> <http://purl.org/dc/terms/type> <http://data.europa.eu/eira/PublicPolicy> <http://example.org/g/solutions> .
        <\(named)> <http://purl.org/dc/terms/type> <http://data.europa.eu/eira/PublicPolicyCourseOfAction> <http://example.org/g/solutions> .

        """

    @Test func chromiumShowsTheCataloguePages() async throws {
        guard let chromium = PURIBrowserTests.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed (looked for \(PURIBrowserTests.candidates.joined(separator: ", "))): run `make test-deps`")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-catalogue-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await TestServer.run(data: Self.data, setup: .live) { client, store in
            try await EIRAImporter.import(EIRADocument(file: EIRAData.skosFile), into: store)
            try await EIRAImporter.import(EIRADocument(file: DiagramReference.v6), into: store)
            let port = try #require(client.port)
            let portal = "/resource?iri=" + Self.solution.urlEncoded
            let pages: [(name: String, path: String, expected: [String])] = [
                (
                    "solution", portal,
                    [
                        "<h1>Policy portal &lt;script&gt;alert(1)&lt;/script&gt;</h1>", #"href="/dr8/PublicPolicyCourseOfAction""#,
                        "Regional agency", "Publishes every public policy",
                    ]
                ),
                (
                    "solution-eira-forms", "/resource?iri=" + Self.named.urlEncoded,
                    [
                        // v6 replaced PublicPolicy by PublicPolicyCourseOfAction: both eira/ forms name that block, shown once.
                        "<h1>Policy register</h1>",
                        #"<td><span class="badge"><a href="/dr8/PublicPolicyCourseOfAction">Public Policy</a> <small>ABB9</small></span></td>"#,
                    ]
                ),
                (
                    "eira-form", "/resource?iri=" + "http://data.europa.eu/eira/PublicPolicy".urlEncoded,
                    [#"Another name of the EIRA building block <a class="replacement" href="/dr8/PublicPolicyCourseOfAction">Public Policy <code>dr8/PublicPolicyCourseOfAction</code></a>."#]
                ),
                (
                    "abb-with-solutions", "/dr8/PublicPolicyCourseOfAction",
                    ["<h1>Public Policy</h1>", "Solutions implementing this building block", "href=\"\(portal)\"", "Regional agency"]
                ),
                (
                    "view-diagram", "/dr8/view/LegalView",
                    ["<h1>Legal View</h1>", "<svg ", #"<a href="/dr8/PublicPolicyCourseOfAction">"#, "marker-start=\"url(#", "members"]
                ),
                ("search", "/search?q=polic*", ["<ol class=\"links results\">", "href=\"\(portal)\"", "<mark>"]),
                // Greek accents fold (Αθηνα finds Αθήνα), and the snippet shows the text as written.
                ("search-greek", "/search?q=" + "Αθηνα".urlEncoded, ["href=\"/resource?iri=\(Self.named.urlEncoded)\"", "<mark>Αθήνα</mark>"]),
                ("replaced-puri", "/dr8/PublicService", ["<strong>Replaced.</strong>", "class=\"replacement\"", "<code>dr8/"]),
            ]
            let mapping = "--host-resolver-rules=MAP lodestar.test:80 localhost:\(port)"
            for page in pages {
                let url = TestServer.configuration().publicBaseURL + page.path
                let png = folder.appendingPathComponent("\(page.name).png").path
                let shot = try await PURIBrowserTests.run(
                    chromium, PURIBrowserTests.flags(folder.path + "/profile-\(page.name)") + [mapping, "--screenshot=\(png)", "--window-size=1400,1600", url])
                #expect(shot.status == 0, "chromium --screenshot \(url)")
                let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
                #expect(size > 10_000, "the screenshot \(png) is missing or blank (\(size) bytes)")
                print("catalogue page screenshot (\(page.path)): \(png)")
                let dom = try await PURIBrowserTests.run(chromium, PURIBrowserTests.flags(folder.path + "/profile-\(page.name)-dom") + [mapping, "--dump-dom", url])
                #expect(dom.status == 0, "chromium --dump-dom \(url)")
                #expect(dom.output.contains("<title>"), "\(page.path) has no title")
                // A literal holding <script> became text, never an element.
                #expect(!dom.output.contains("<script"), "\(page.path) holds a script element")
                for text in page.expected { #expect(dom.output.contains(text), "\(page.path) does not show \(text)") }
                let blocks = dom.output.split(separator: "<td>EIRA building blocks</td>").dropFirst().first?.prefix { $0 != "\n" } ?? ""
                #expect(!blocks.contains("eira%2F"), "\(page.path) links a block by its eira/ form: \(blocks)")
                if !blocks.isEmpty { print("building blocks on \(page.path): \(blocks)") }
            }
        }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where entry.hasPrefix("profile-") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }
}
