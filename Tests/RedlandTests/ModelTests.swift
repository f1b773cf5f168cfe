import Foundation
import RDF
import Redland
import Testing

extension RedlandTests {
    @Suite struct ModelTests {
        static let memory = "hash-type='memory',contexts='yes'"
        let world: RedlandWorld

        init() throws { world = try RedlandWorld() }

        func contents(_ model: RedlandModel) throws -> [Quad] {
            var quads: [Quad] = []
            try model.forEachStatement { triple, context in
                quads.append(Quad(triple, graph: context.flatMap { GraphName($0) } ?? .defaultGraph))
            }
            return quads
        }

        static let g1 = Term.iri("http://ex/g1")
        static let g2 = Term.iri("http://ex/g2")
        static let triples = [
            Triple(.iri("http://ex/s"), .iri("http://ex/p"), .iri("http://ex/o")),
            Triple(.iri("http://ex/s"), .iri("http://ex/p"), .string("plain")),
            Triple(.iri("http://ex/s"), .iri("http://ex/p"), .literal(Literal("tagged", language: "fr"))),
            Triple(.iri("http://ex/s"), .iri("http://ex/p"), .literal(Literal("1", datatype: XSD.integer))),
            Triple(.blankNode(BlankNode("b1")), .iri("http://ex/p"), .string("")),
            Triple(.iri("http://ex/s"), .iri("http://ex/p"), .string("nul \u{0} inside é")),
        ]

        @Test func addRemoveAndList() throws {
            let model = try RedlandModel(world: world, storageName: "hashes", name: "test", options: Self.memory)
            for triple in Self.triples { try model.add(triple, context: Self.g1) }
            try model.add(Self.triples[0], context: Self.g2)
            try model.add(Self.triples[1], context: .blankNode(BlankNode("graph")))
            var quads = try contents(model)
            #expect(quads.count == Self.triples.count + 2)
            #expect(Set(quads.filter { $0.graph == .iri(IRI("http://ex/g1")) }.map(\.triple)) == Set(Self.triples))
            #expect(quads.contains(Quad(Self.triples[0], graph: .iri(IRI("http://ex/g2")))))
            #expect(quads.contains(Quad(Self.triples[1], graph: .blankNode(BlankNode("graph")))))

            #expect(try model.remove(Self.triples[0], context: Self.g1))
            #expect(try !model.remove(Self.triples[0], context: Self.g1))  // not there any more: no error
            quads = try contents(model)
            #expect(!quads.contains(Quad(Self.triples[0], graph: .iri(IRI("http://ex/g1")))))
            #expect(quads.contains(Quad(Self.triples[0], graph: .iri(IRI("http://ex/g2")))))

            try model.removeAll(in: Self.g1)
            try model.removeAll(in: .iri("http://ex/never-used"))
            quads = try contents(model)
            #expect(quads.count == 2)
            #expect(!quads.contains { $0.graph == .iri(IRI("http://ex/g1")) })
            try model.sync()
        }

        @Test func contextAddsDoNotDedupe() throws {
            // The trap this type documents: the caller dedupes.
            let model = try RedlandModel(world: world, storageName: "hashes", name: "test", options: Self.memory)
            try model.add(Self.triples[0], context: Self.g1)
            try model.add(Self.triples[0], context: Self.g1)
            #expect(try contents(model).count == 2)
        }

        @Test func refusesWhatHashesWouldDrop() throws {
            let model = try RedlandModel(world: world, storageName: "hashes", name: "test", options: Self.memory)
            let longestIRI = "http://ex/" + String(repeating: "a", count: RedlandLimits.maxIRIBytes - 10)
            let longest = Triple(.iri("http://ex/s"), .iri("http://ex/p"), .iri(longestIRI))
            try model.add(longest, context: Self.g1)
            #expect(try contents(model).map(\.triple) == [longest])
            let tooLong = Triple(.iri("http://ex/s"), .iri("http://ex/p"), .iri("http://ex/" + String(repeating: "a", count: 70_000)))
            let error = try #require(throws: RedlandError.self) { try model.add(tooLong, context: Self.g1) }
            #expect(error.code == .invalidData)
            #expect(error.message.contains("70010 bytes"))
            #expect(throws: RedlandError.self) { try model.add(Self.triples[0], context: .string("literal graph")) }
            #expect(throws: RedlandError.self) { try model.add(Triple(.string("s"), .iri("http://ex/p"), .string("o")), context: Self.g1) }
            #expect(try contents(model).count == 1)
        }

        @Test func berkeleyDBKeepsDataAcrossReopen() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let options = "hash-type='bdb',dir='\(directory.path)',contexts='yes'"
            do {
                let model = try RedlandModel(world: world, storageName: "hashes", name: "lodestar", options: options + ",new='yes'")
                for triple in Self.triples { try model.add(triple, context: Self.g1) }
                try model.add(Self.triples[0], context: Self.g2)
                try model.sync()
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(files.contains { $0.hasPrefix("lodestar-") && $0.hasSuffix(".db") })
            let reopened = try RedlandModel(world: world, storageName: "hashes", name: "lodestar", options: options + ",new='no'")
            let quads = try contents(reopened)
            #expect(quads.count == Self.triples.count + 1)
            #expect(Set(quads.filter { $0.graph == .iri(IRI("http://ex/g1")) }.map(\.triple)) == Set(Self.triples))
            // A second world may open the same files too (separate worlds are independent).
            let otherWorld = try RedlandWorld()
            let readOnly = try RedlandModel(world: otherWorld, storageName: "hashes", name: "lodestar", options: options + ",new='no',write='no'")
            var count = 0
            try readOnly.forEachStatement { _, _ in count += 1 }
            #expect(count == Self.triples.count + 1)
        }

        @Test func openFailuresAreErrors() throws {
            let error = try #require(throws: RedlandError.self) {
                try RedlandModel(
                    world: world, storageName: "hashes", name: "x", options: "hash-type='bdb',dir='/nonexistent/dir',contexts='yes',new='yes'")
            }
            #expect(error.code == .storage)
            print("bdb open failure: \(error)")
            #expect(throws: RedlandError.self) { try RedlandModel(world: world, storageName: "no-such-storage", name: "x", options: "") }
        }

        @Test func parsedQuadsGoIntoTheirContexts() throws {
            let model = try RedlandModel(world: world, storageName: "hashes", name: "test", options: Self.memory)
            let defaultContext = Term.iri("urn:lodestar:default-graph")
            try RDFReader.parse(
                Array("<http://ex/s> <http://ex/p> \"d\" .\n<http://ex/s> <http://ex/p> _:o <http://ex/g> .\n".utf8), format: .nquads,
                baseIRI: "http://ex/", world: world
            ) { quad in
                try model.add(quad.triple, context: quad.graph.term ?? defaultContext)
            }
            let quads = try contents(model)
            #expect(quads.count == 2)
            #expect(quads.contains { $0.graph == .iri(IRI("http://ex/g")) && $0.object.isBlankNode })
            #expect(quads.contains { $0.graph == .iri(IRI("urn:lodestar:default-graph")) })
        }
    }
}
