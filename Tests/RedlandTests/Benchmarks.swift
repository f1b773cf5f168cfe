import Foundation
import RDF
import Redland
import Testing

extension RedlandTests {
    /// Timings, printed; run with `LODESTAR_BENCH=1` (best with `-c release`).
    @Suite(.enabled(if: ProcessInfo.processInfo.environment["LODESTAR_BENCH"] != nil, "set LODESTAR_BENCH=1 to time"))
    struct Benchmarks {
        func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
            let clock = ContinuousClock()
            var result: T?
            let elapsed = try clock.measure { result = try body() }
            print("⏱ \(label): \(elapsed)")
            return result!
        }

        @Test(.enabled(if: SharedData.isAvailable)) func parseEIRA() throws {
            let world = try RedlandWorld()
            let count = try time("parse EIRA_SKOS.rdf") {
                var count = 0
                try RDFReader.parse(file: SharedData.path("eira-skos/EIRA_SKOS.rdf"), world: world) { _ in count += 1 }
                return count
            }
            #expect(count == 2180)
            _ = try time("parse adms-random.ttl (18k)") {
                try RDFReader.parse(file: SharedData.path("adms-random/adms-random.ttl"), world: world) { _ in }
            }
        }

        @Test func longLines() throws {
            // raptor's N-Triples parser needed over 10 minutes for a 50 MB literal on one line (quadratic).
            let world = try RedlandWorld()
            let literal = String(repeating: "lorem ipsum ", count: 50_000_000 / 12)
            let bytes = Array("<http://ex/s> <http://ex/p> \"\(literal)\" .\n".utf8)
            for format in [RDFFormat.ntriples, .turtle] {
                var length = 0
                try time("parse one 50 MB literal line as \(format)") {
                    try RDFReader.parse(bytes, format: format, baseIRI: "http://ex/", world: world) {
                        length = $0.object.literal?.lexicalForm.utf8.count ?? 0
                    }
                }
                #expect(length == literal.utf8.count)
            }
        }

        @Test func worldCreation() throws {
            _ = try time("create+free 10 worlds") { for _ in 0..<10 { _ = try RedlandWorld() } }
        }

        @Test func hundredThousandLines() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("100k.nt")
            var text = ""
            text.reserveCapacity(12_000_000)
            for index in 0..<100_000 {
                text += "<http://example.org/resource/\(index / 10)> <http://example.org/p\(index % 10)> \"value number \(index)\"@en .\n"
            }
            try Data(text.utf8).write(to: file)
            let world = try RedlandWorld()
            var quads: [Quad] = []
            quads.reserveCapacity(100_000)
            try time("parse 100k-line N-Triples (\(text.utf8.count) bytes)") {
                try RDFReader.parse(file: file.path, world: world) { quads.append($0) }
            }
            try time("parse 100k lines as Turtle (raptor)") {
                try RDFReader.parse(file: file.path, format: .turtle, world: world) { _ in }
            }
            let model = try RedlandModel(world: world, storageName: "hashes", name: "bench", options: "hash-type='memory',contexts='yes'")
            try time("add 100k to hashes/memory with a context") {
                for quad in quads { try model.add(quad.triple, context: .iri("urn:x-lodestar:default")) }
            }
            let count = try time("iterate 100k") {
                var count = 0
                try model.forEachStatement { _, _ in count += 1 }
                return count
            }
            #expect(count == 100_000)
            let bdb = try RedlandModel(
                world: world, storageName: "hashes", name: "bench", options: "hash-type='bdb',dir='\(directory.path)',contexts='yes',new='yes'")
            try time("add 100k to hashes/bdb with a context + sync") {
                for quad in quads { try bdb.add(quad.triple, context: .iri("urn:x-lodestar:default")) }
                try bdb.sync()
            }
            _ = try time("iterate 100k from bdb") {
                var count = 0
                try bdb.forEachStatement { _, _ in count += 1 }
                return count
            }
            for format in RDFFormat.allCases {
                let bytes = try time("serialize 100k as \(format)") { try RDFWriter.serialize(quads, format: format) }
                print("   \(bytes.count) bytes")
            }
        }
    }
}
