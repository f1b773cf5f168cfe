import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Testing

/// Debian's Chromium, headless, on the query page under its Content-Security-Policy: a permalink opens the editor
/// (CodeMirror from libjs-codemirror, with SPARQL highlighting), `#run` runs the query into a table whose IRIs link to
/// their pages, and a syntax error is marked at its line. Chromium and libjs-codemirror are dependencies (`make
/// test-deps`); without them this test fails.
@Suite struct QueryEditorBrowserTests {
    @Test func editorRunsAQueryAndMarksAnError() async throws {
        guard let chromium = PURIBrowserTests.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed (looked for \(PURIBrowserTests.candidates.joined(separator: ", "))): run `make test-deps`")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-editor-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await TestServer.run(setup: .live) { client, _ in
            let port = try #require(client.port)
            let query = "SELECT ?person ?name WHERE {\n  ?person <http://xmlns.com/foaf/0.1/name> ?name\n}\nORDER BY ?name"
            let url = "http://localhost:\(port)/sparql?query=\(query.urlEncoded)#run"
            let wait = "--virtual-time-budget=15000"
            let png = folder.appendingPathComponent("query-editor.png").path
            let shot = try await PURIBrowserTests.run(
                chromium, PURIBrowserTests.flags(folder.path + "/profile-shot") + [wait, "--screenshot=\(png)", "--window-size=1280,1000", url])
            #expect(shot.status == 0, "chromium --screenshot \(url)")
            print("query editor screenshot: \(png)")
            let dom = try await PURIBrowserTests.run(chromium, PURIBrowserTests.flags(folder.path + "/profile-dom") + [wait, "--dump-dom", url])
            #expect(dom.status == 0)
            // The editor loaded from /assets (the CSP let it run) and highlighted the query's keywords.
            #expect(dom.output.contains("class=\"CodeMirror"), "no CodeMirror editor in the page")
            #expect(dom.output.contains("cm-keyword\">SELECT</span>"), "SELECT is not highlighted as a keyword")
            // The results table, with IRIs linked to their pages here.
            #expect(dom.output.contains("id=\"result-table\""), "no results table")
            #expect(dom.output.contains(">?person</th>"), "no ?person column")
            #expect(dom.output.contains(#"href="/resource?iri=http%3A%2F%2Fexample.org%2Falice""#), "alice's IRI does not link to her page")
            #expect(dom.output.contains("2 rows in"), "the status does not count two rows")

            // CONSTRUCT answers show as Turtle.
            let construct = "CONSTRUCT { ?s <http://example.org/named> ?name } WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?name }"
            let graphDOM = try await PURIBrowserTests.run(
                chromium,
                PURIBrowserTests.flags(folder.path + "/profile-graph") + [
                    wait, "--dump-dom", "http://localhost:\(port)/sparql?query=\(construct.urlEncoded)#run",
                ])
            let turtle = graphDOM.output.components(separatedBy: "<pre id=\"graph\">").dropFirst().first?.components(separatedBy: "</pre>").first
            #expect(turtle != nil, "no Turtle block for a CONSTRUCT")
            #expect(turtle?.contains("example.org/alice") == true && turtle?.contains("named") == true, "\(turtle ?? "")")

            let broken = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(\n}"
            let errorURL = "http://localhost:\(port)/sparql?query=\(broken.urlEncoded)#run"
            let errorDOM = try await PURIBrowserTests.run(
                chromium, PURIBrowserTests.flags(folder.path + "/profile-error") + [wait, "--dump-dom", errorURL])
            #expect(errorDOM.output.contains("error-line"), "the syntax error's line is not marked")
            #expect(errorDOM.output.contains("Syntax error at line 4"), "the error message does not name line 4")
        }
        for profile in ["profile-shot", "profile-dom", "profile-error", "profile-graph"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(profile))
        }
    }

    /// Prefix completion, driven as a person would: Ctrl-Space after `sk` offers `skos:`, and picking it declares the
    /// prefix at the top. The page is the server's own, saved to a file with a harness script after it (the harness
    /// cannot be inline in the served page: its CSP forbids that).
    @Test func prefixCompletionOffersAndDeclaresAPrefix() async throws {
        guard let chromium = PURIBrowserTests.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed (looked for \(PURIBrowserTests.candidates.joined(separator: ", "))): run `make test-deps`")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-completion-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestServer.run(setup: .live) { client, _ in
            let port = try #require(client.port)
            let query = "SELECT * WHERE { ?s a sk"
            let page = try await client.execute(uri: "/sparql?query=\(query.urlEncoded)", method: .get, headers: [.accept: "text/html"]).text
            let harness = """
                window.addEventListener("load", function () {
                  var cm = document.querySelector(".CodeMirror").CodeMirror;
                  cm.focus();
                  cm.setCursor({ line: 0, ch: cm.getLine(0).length });
                  var ctrlSpace = { type: "keydown", keyCode: 32, ctrlKey: true };
                  ctrlSpace.preventDefault = ctrlSpace.stopPropagation = function () {};
                  cm.triggerOnKeyDown(ctrlSpace);
                  var out = document.createElement("pre");
                  out.id = "harness";
                  var offered = Array.prototype.map.call(document.querySelectorAll(".CodeMirror-hint"), function (li) { return li.textContent; });
                  var active = cm.state.completionActive;
                  if (active && active.widget) { active.widget.pick(); }
                  out.textContent = "offered=" + offered.join("|") + "\\nvalue=" + cm.getValue();
                  document.body.appendChild(out);
                });
                """
            let dom = try await Self.dumpDOM(page, port: port, harness: harness, in: folder, chromium: chromium)
            #expect(dom.contains("offered=skos: &lt;http://www.w3.org/2004/02/skos/core#&gt;"), "\(dom.suffix(600))")
            let declared = "value=PREFIX skos: &lt;http://www.w3.org/2004/02/skos/core#&gt;\nSELECT * WHERE { ?s a skos:"
            #expect(dom.contains(declared), "\(dom.suffix(600))")
        }
    }

    /// 150 rows: two pages of 100; a click on the header sorts (numerically, then the other way), Next turns the page.
    @Test func resultsSortAndPage() async throws {
        guard let chromium = PURIBrowserTests.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed (looked for \(PURIBrowserTests.candidates.joined(separator: ", "))): run `make test-deps`")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-paging-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestServer.run(setup: .live) { client, _ in
            let port = try #require(client.port)
            let query = "SELECT ?n WHERE { VALUES ?n { " + (1...150).map(String.init).joined(separator: " ") + " } }"
            let page = try await client.execute(uri: "/sparql?query=\(query.urlEncoded)", method: .get, headers: [.accept: "text/html"]).text
            let harness = """
                window.addEventListener("load", function () {
                  document.getElementById("run").click();
                  var report = [];
                  function firstCell() { return document.querySelector("#result-table tbody td").textContent; }
                  function pager() { return document.querySelector(".pager span").textContent; }
                  var wait = setInterval(function () {
                    if (!document.getElementById("result-table")) { return; }
                    clearInterval(wait);
                    report.push("rows=" + document.querySelectorAll("#result-table tbody tr").length, pager());
                    document.querySelector("#result-table th").click();
                    document.querySelector("#result-table th").click();
                    report.push("descending-first=" + firstCell());
                    document.querySelectorAll(".pager button")[1].click();
                    report.push(pager(), "page2-rows=" + document.querySelectorAll("#result-table tbody tr").length);
                    var out = document.createElement("pre");
                    out.id = "harness"; out.textContent = report.join(";");
                    document.body.appendChild(out);
                  }, 50);
                });
                """
            let dom = try await Self.dumpDOM(page, port: port, harness: harness, in: folder, chromium: chromium)
            #expect(dom.contains("rows=100;page 1 of 2;descending-first=150 ^^xsd:integer;page 2 of 2;page2-rows=50"), "\(dom.suffix(400))")
        }
    }

    /// The server's `page`, saved to a file that loads its assets from the live server (`<base>`) and runs `harness`
    /// after the page's own scripts; Chromium's DOM once the harness is done.
    static func dumpDOM(_ page: String, port: Int, harness: String, in folder: URL, chromium: String) async throws -> String {
        let script = folder.appendingPathComponent("harness.js")
        try harness.write(to: script, atomically: true, encoding: .utf8)
        let html = page.replacingOccurrences(of: "<head>", with: "<head><base href=\"http://localhost:\(port)/\">")
            .replacingOccurrences(of: "</body>", with: "<script src=\"\(script.absoluteString)\"></script></body>")
        let file = folder.appendingPathComponent("page.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let flags = ["--allow-file-access-from-files", "--virtual-time-budget=15000", "--dump-dom", file.absoluteString]
        return try await PURIBrowserTests.run(chromium, PURIBrowserTests.flags(folder.path + "/profile") + flags).output
    }
}
