import Foundation
import JSONLD
import RDF
import Store
import Testing

@Suite("lodestar load, dump, stats")
struct CommandLineTests {
    @Test func loadPrintsCountsAndStatsAgree() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/data.nt"
        try writeSyntheticNTriples(count: 1000, prefix: "x", to: file)
        let load = try CommandRunner.run(["load", "--store", directory.path + "/store", "--graph", "http://example.org/g", file])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains("1000 triples loaded"))
        let stats = try CommandRunner.run(["stats", "--store", directory.path + "/store"])
        #expect(stats.stdout.contains("quads: 1000"))
        #expect(stats.stdout.contains("<http://example.org/g>: 1000"))
    }

    @Test func aBrokenFileIsRefusedWithItsLineAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = directory.path + "/good.nt", bad = directory.path + "/bad.ttl"
        try writeSyntheticNTriples(count: 10, prefix: "x", to: good)
        try "@prefix e: <http://example.org/> .\ne:a e:p e:b .\ne:a e:p e:c .\ne:a e:p \"open .\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let store = directory.path + "/store"
        #expect(try CommandRunner.run(["load", "--store", store, good]).status == 0)
        let before = try CommandRunner.run(["dump", "--store", store]).stdout
        let load = try CommandRunner.run(["load", "--store", store, bad])
        #expect(load.status != 0)
        #expect(load.stderr.contains("bad.ttl"), "\(load.stderr)")
        #expect(load.stderr.contains("bad.ttl line 4 column 9: syntax error at"), "\(load.stderr)")
        #expect(try CommandRunner.run(["dump", "--store", store]).stdout == before)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try CommandRunner.run(["dump", "--store", "/nonexistent", "--format", "yaml"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown format"))
    }

    /// `lodestar dump` writes what `/dumps` serves (the same `DumpWriter`): every syntax of one graph reads back whole.
    @Test func dumpsAGraphInEverySyntax() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/data.nt"
        let store = directory.path + "/store"
        try writeSyntheticNTriples(count: 300, prefix: "x", to: file)
        #expect(try CommandRunner.run(["load", "--store", store, "--graph", "http://example.org/g", file]).status == 0)
        for (format, parser) in [("ntriples", "ntriples"), ("turtle", "turtle"), ("rdfxml", "rdfxml")] {
            let dump = try CommandRunner.run(["dump", "--store", store, "--graph", "http://example.org/g", "--format", format])
            #expect(dump.status == 0, "\(dump.stderr)")
            let path = directory.path + "/out." + format
            try dump.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            let rapper = Process()
            rapper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            rapper.arguments = ["rapper", "-q", "-i", parser, "-o", "ntriples", path, "http://example.org/"]
            let pipe = Pipe()
            rapper.standardOutput = pipe
            try rapper.run()
            let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
            rapper.waitUntilExit()
            #expect(rapper.terminationStatus == 0)
            #expect(lines.count == 300, "\(format)")
        }
        let jsonLD = try CommandRunner.run(["dump", "--store", store, "--graph", "http://example.org/g", "--format", "jsonld"])
        #expect(try JSONLDParser.parse(Array(jsonLD.stdout.utf8), baseIRI: "http://example.org/").count == 300)
        let whole = try CommandRunner.run(["dump", "--store", store, "--format", "jsonld"])
        #expect(whole.status != 0)
        #expect(whole.stderr.contains("cannot hold the whole store"))
    }

    @Test(.enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
    func eiraLoadsAndDumpsTheRightCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        let load = try CommandRunner.run(["load", "--store", store, Shared.data("eira-skos/EIRA_SKOS.rdf")])
        #expect(load.status == 0, "\(load.stderr)")
        let dump = try CommandRunner.run(["dump", "--store", store, "--format", "nquads"])
        #expect(dump.stdout.split(separator: "\n").count == 2158)
    }
}

@Suite("lodestar query and update")
struct QueryCommandTests {
    @Test func constructWritesEveryGraphFormatIncludingJSONLD() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/data.nt"
        try writeSyntheticNTriples(count: 50, prefix: "x", to: file)
        let store = directory.path + "/store"
        #expect(try CommandRunner.run(["load", "--store", store, file]).status == 0)
        let query = "CONSTRUCT { ?s <http://example.org/title> ?t } WHERE { ?s <http://purl.org/dc/terms/title> ?t }"
        for format in ["turtle", "ntriples", "rdfxml", "jsonld"] {
            let result = try CommandRunner.run(["query", "--store", store, "--format", format, query])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("Solution 3"), "\(format) output holds the titles")
        }
        let jsonLD = try CommandRunner.run(["query", "--store", store, "--format", "jsonld", query]).stdout
        #expect(jsonLD.contains("\"@graph\""))
    }

    @Test func selectFormatsAndErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = directory.path + "/store"
        #expect(try CommandRunner.run(["update", "--store", store, "INSERT DATA { <http://e/a> <http://e/p> \"v\" }"]).status == 0)
        let tsv = try CommandRunner.run(["query", "--store", store, "--format", "tsv", "SELECT ?o WHERE { ?s ?p ?o }"])
        #expect(tsv.stdout == "?o\n\"v\"\n")
        let bad = try CommandRunner.run(["query", "--store", store, "SELECT ?o WHERE { ?s ?p ?o"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("line 1 column"))
        let wrong = try CommandRunner.run(["query", "--store", store, "--format", "jsonld", "SELECT ?o WHERE { ?s ?p ?o }"])
        #expect(wrong.status != 0)
    }
}
