import Foundation
import Testing

/// `lodestar query` and `lodestar update` once died with a segmentation fault on long operator chains (issue 15).
/// Now a chain far past the limit exits 2 with the position, and one just below it is answered.
@Suite struct DeepQueryCommandTests {
    static func plusChain(_ n: Int) -> String { "SELECT (" + Array(repeating: "1", count: n).joined(separator: " + ") + " AS ?x) {}" }
    static func union(_ n: Int) -> String { "SELECT * { " + Array(repeating: "{ ?s <p> ?o }", count: n).joined(separator: " UNION ") + " }" }
    static func pathUpdate(_ n: Int) -> String {
        "INSERT { ?s <r> ?o } WHERE { ?s " + Array(repeating: "<p>", count: n).joined(separator: "/") + " ?o }"
    }

    @Test func chainsFarPastTheLimitAreASyntaxError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        for (command, text) in [("query", Self.plusChain(40_000)), ("query", Self.union(500_000)), ("update", Self.pathUpdate(200_000))] {
            let file = directory.path + "/request.rq"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try CommandRunner.run([command, "--store", store, "--file", file])
            #expect(result.status == 2, "\(command): \(result.stderr.prefix(300))")
            #expect(result.stderr.contains("more than 10000 levels deep"))
            #expect(result.stderr.contains("line 1 column "))
        }
    }

    /// A path's steps become one join, held to the planning budget of 2,000 operands, hence 1,500 steps.
    @Test func chainsJustBelowTheLimitAreAnswered() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        for (command, text) in [("query", Self.plusChain(9_900)), ("query", Self.union(9_900)), ("update", Self.pathUpdate(1_500))] {
            let file = directory.path + "/request.rq"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try CommandRunner.run([command, "--store", store, "--file", file])
            #expect(result.status == 0, "\(command): \(result.stderr.prefix(300))")
        }
        let sum = try CommandRunner.run(["query", "--store", store, "--format", "csv", Self.plusChain(9_900)])
        #expect(sum.stdout.contains("9900"))
    }
}
