import Foundation
import RDF
import Redland
import Testing

extension RedlandTests {
    @Suite struct SerializerTests {
        let world: RedlandWorld

        init() throws { world = try RedlandWorld() }

        static func sample(for format: RDFFormat) -> [Quad] {
            let s = Term.iri("http://ex/s")
            let p = Term.iri("http://ex/p")
            let q = Term.iri("http://ex/ns#q")
            let g1 = GraphName.iri(IRI("http://ex/g1"))
            let g2 = GraphName.iri(IRI("http://ex/g2"))
            var quads = [
                Quad(s, p, .iri("http://ex/o")),
                Quad(s, p, .string("plain")),
                Quad(s, p, .string("")),
                Quad(s, p, .string("quote \" backslash \\ newline \n tab \t cr \r é € 𝄞 \"\"\" end")),
                Quad(s, q, .literal(Literal("tagged", language: "en-GB"))),
                Quad(s, q, .literal(Literal("42", datatype: XSD.integer))),
                Quad(s, q, .literal(Literal("odd", datatype: IRI("http://ex/datatype")))),
                Quad(.iri("http://ex/é/ünïcode"), p, .iri("http://ex/with%20escape?query=1#frag")),
                Quad(.blankNode(BlankNode("x1")), p, .blankNode(BlankNode("x2")), graph: g1),
                Quad(.blankNode(BlankNode("x2")), q, .string("in g1"), graph: g1),
                Quad(s, p, .string("in g2"), graph: g2),
                Quad(s, .iri(RDFVocabulary.type.value), .iri(SKOS.concept.value), graph: g2),
            ]
            if format == .nquads {
                quads.append(Quad(s, p, .string("in a blank graph"), graph: .blankNode(BlankNode("g3"))))
            }
            if format != .rdfxml {
                // XML 1.0 cannot carry U+0001.
                quads.append(Quad(s, p, .string("control \u{01} char")))
            }
            return quads
        }

        @Test(arguments: RDFFormat.allCases)
        func roundTrip(format: RDFFormat) throws {
            let quads = Self.sample(for: format)
            let expected = Set(format.supportsGraphs ? quads : quads.map { Quad($0.triple, graph: .defaultGraph) })
            let bytes = try RDFSerializer.serialize(
                quads, format: format, world: world, prefixes: ["ex": "http://ex/", "skos": SKOS.namespace])
            var parsed: [Quad] = []
            try RDFParser.parse(bytes, format: format, baseIRI: "http://base.example/", world: world) { parsed.append($0) }
            let actual = Set(parsed)
            #expect(actual.count == expected.count, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(actual.filter { !$0.hasBlankNode } == expected.filter { !$0.hasBlankNode })
            #expect(actual.filter(\.hasBlankNode).count == expected.filter(\.hasBlankNode).count)
            // The blank node shared by two statements is still one node.
            let blankObject = try #require(actual.first { $0.predicate == .iri("http://ex/p") && $0.object.isBlankNode }?.object)
            #expect(actual.contains { $0.subject == blankObject && $0.object == .string("in g1") })
        }

        @Test func turtleUsesThePrefixes() throws {
            let quads = [Quad(.iri("http://ex/s"), .iri(SKOS.namespace + "prefLabel"), .string("x"))]
            let prefixes = ["skos": SKOS.namespace]
            let text = String(decoding: try RDFSerializer.serialize(quads, format: .turtle, world: world, prefixes: prefixes), as: UTF8.self)
            #expect(text.contains("@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."))
            #expect(text.contains("skos:prefLabel"))
            let trig = String(decoding: try RDFSerializer.serialize(quads, format: .trig, world: world, prefixes: prefixes), as: UTF8.self)
            #expect(trig == "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n{\n  <http://ex/s>\n    skos:prefLabel \"x\" .\n}\n")
        }

        @Test(arguments: RDFFormat.allCases)
        func baseIRIIsWrittenWhereTheSyntaxHasOne(format: RDFFormat) throws {
            let quads = [Quad(.iri("http://ex/doc/s"), .iri("http://ex/p"), .iri("http://ex/doc/o#x"))]
            let bytes = try RDFSerializer.serialize(quads, format: format, world: world, baseIRI: "http://ex/doc/")
            var parsed: [Quad] = []
            try RDFParser.parse(bytes, format: format, baseIRI: "http://elsewhere.example/", world: world) { parsed.append($0) }
            #expect(parsed == quads, "\(String(decoding: bytes, as: UTF8.self))")
        }

        @Test func outputComesInChunks() throws {
            var chunks: [[UInt8]] = []
            let serializer = try RDFSerializer(format: .nquads, world: world, chunkSize: 4096) { chunks.append($0) }
            for index in 0..<2000 {
                let quad = Quad(.iri("http://ex/s\(index)"), .iri("http://ex/p"), .string("value \(index)"), graph: .iri(IRI("http://ex/g")))
                try serializer.write(quad)
            }
            // N-Quads stream: output is already flowing before finish().
            #expect(chunks.count > 10)
            try serializer.finish()
            #expect(chunks.dropLast().allSatisfy { $0.count >= 4096 })
            var count = 0
            try RDFParser.parse(chunks.flatMap { $0 }, format: .nquads, baseIRI: "http://ex/", world: world) { _ in count += 1 }
            #expect(count == 2000)
        }

        @Test func whatRDFXMLCannotSayIsAnError() throws {
            let quads = [Quad(.iri("http://ex/s"), .iri("http://ex/123"), .string("x"))]
            let error = try #require(throws: RedlandError.self) { try RDFSerializer.serialize(quads, format: .rdfxml, world: self.world) }
            #expect(error.code == .invalidData)
            print("RDF/XML refusal: \(error)")
        }

        @Test func sinkErrorsAndBadPrefixesAreThrown() throws {
            struct Full: Error {}
            let serializer = try RDFSerializer(format: .ntriples, world: world, chunkSize: 1) { _ in throw Full() }
            #expect(throws: Full.self) { try serializer.write(Quad(.iri("http://ex/s"), .iri("http://ex/p"), .string("x"))) }
            #expect(throws: RedlandError.self) { try RDFSerializer(format: .turtle, world: world, prefixes: ["1x": "http://ex/"]) { _ in } }
            let literalSubject = Quad(.string("s"), .iri("http://ex/p"), .string("x"))
            #expect(throws: RedlandError.self) { try RDFSerializer.serialize([literalSubject], format: .ntriples, world: world) }
        }
    }
}
