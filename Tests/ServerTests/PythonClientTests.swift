import Foundation
import HummingbirdTesting
import Testing

/// Real clients, as semantic-web users call us: SPARQLWrapper in JSON, XML, CSV and TSV, rdflib parsing our Turtle,
/// RDF/XML and JSON-LD, rapper counting our triples in five syntaxes, rdflib's SPARQLStore, and an update with Basic credentials (Clients/python_clients.py).
/// `make test` installs the Python packages (`make test-deps`); without them this test fails and says so.
@Suite struct PythonClientTests {
    @Test func sparqlWrapperAndRDFLibReadWhatWeSend() async throws {
        let printed = try await TestServer.run(setup: .live) { client, _ in
            let port = try #require(client.port)
            return try Self.runClients(base: "http://127.0.0.1:\(port)")
        }
        let report = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any], "python_clients.py printed no JSON object")
        #expect(report["json"] as? [String] == ["Alice", "Bob"])
        #expect((report["jsonLanguages"] as? [Any])?.last as? String == "en")
        #expect(report["xml"] as? [String] == ["Alice", "Bob"])
        #expect(report["csvHeader"] as? [String] == ["name"])
        #expect(report["csv"] as? [String] == ["Alice", "Bob"])
        #expect(report["tsvHeader"] as? String == "?name")
        #expect(report["tsv"] as? [String] == ["\"Alice\"", "\"Bob\"@en"])
        #expect(report["jsonByPost"] as? [String] == ["Alice", "Bob"])
        #expect(report["ask"] as? Bool == true)
        // The default graph holds two triples (TestServer.data); every RDF syntax gives rdflib the same two.
        #expect(report["turtleTriples"] as? Int == 2)
        #expect(report["rdfxmlTriples"] as? Int == 2)
        #expect(report["jsonldTriples"] as? Int == 2)
        #expect(report["graphsAgree"] as? Bool == true)
        #expect(report["turtleHasAlice"] as? Bool == true)
        let rapper = report["rapper"] as? [String: Any] ?? [:]
        for syntax in ["turtle", "rdfxml", "ntriples", "nquads", "trig"] {
            #expect(rapper[syntax] as? Int == 2, "rapper on our \(syntax): \(rapper[syntax] ?? "nothing")")
        }
        #expect(report["sparqlStore"] as? [String] == ["Alice", "Bob"])
        #expect(report["updateStatus"] as? Int == 204)
        #expect(Set(report["afterUpdate"] as? [String] ?? []) == ["Alice", "Bob", "Carol"])
    }

    /// Runs the client script against `base` and returns what it prints (a JSON object).
    static func runClients(base: String) throws -> Data {
        let script = TestServer.repositoryRoot + "/Tests/ServerTests/Clients/python_clients.py"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, base, TestServer.token]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if complaint.contains("ModuleNotFoundError") {
            Issue.record("Python's rdflib and SPARQLWrapper are missing: run `make test-deps`.\n\(complaint)")
        }
        try #require(process.terminationStatus == 0, "python_clients.py failed:\n\(complaint)")
        return printed
    }
}
