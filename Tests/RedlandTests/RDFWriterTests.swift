import Foundation
import RDF
import Redland
import Testing

extension RedlandTests {
    @Suite struct RDFWriterTests {
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
                Quad(s, p, .string("quote \" backslash \\ newline \n tab \t cr \r é € 𝄞 \"\"\" end <tag> & ]]> 'apos'")),
                Quad(s, q, .literal(Literal("tagged", language: "en-GB"))),
                Quad(s, q, .literal(Literal("42", datatype: XSD.integer))),
                Quad(s, q, .literal(Literal("odd", datatype: IRI("http://ex/datatype")))),
                Quad(.iri("http://ex/é/ünïcode"), p, .iri("http://ex/with%20escape?query=1#frag&x=y")),
                Quad(.blankNode(BlankNode("x1")), p, .blankNode(BlankNode("x2")), graph: g1),
                Quad(.blankNode(BlankNode("x2")), q, .string("in g1"), graph: g1),
                Quad(.blankNode(BlankNode("a.b-c_d")), .iri("http://ex/other/path/ünï-name.v2"), .string("odd label"), graph: g1),
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
            let bytes = try RDFWriter.serialize(quads, format: format, prefixes: ["ex": "http://ex/", "skos": SKOS.namespace])
            var parsed: [Quad] = []
            try RDFReader.parse(bytes, format: format, baseIRI: "http://base.example/", world: world) { parsed.append($0) }
            let actual = Set(parsed)
            #expect(actual.count == expected.count, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(actual.filter { !$0.hasBlankNode } == expected.filter { !$0.hasBlankNode }, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(actual.filter(\.hasBlankNode).count == expected.filter(\.hasBlankNode).count)
            // The blank node shared by two statements is still one node.
            let blankObject = try #require(actual.first { $0.predicate == .iri("http://ex/p") && $0.object.isBlankNode }?.object)
            #expect(actual.contains { $0.subject == blankObject && $0.object == .string("in g1") })
        }

        @Test func turtleAndTriGUseThePrefixes() throws {
            let quads = [Quad(.iri("http://ex/s"), .iri(SKOS.namespace + "prefLabel"), .string("x"))]
            let prefixes = ["skos": SKOS.namespace]
            let text = String(decoding: try RDFWriter.serialize(quads, format: .turtle, prefixes: prefixes), as: UTF8.self)
            #expect(text == "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n<http://ex/s>\n    skos:prefLabel \"x\" .\n")
            let trig = String(decoding: try RDFWriter.serialize(quads, format: .trig, prefixes: prefixes), as: UTF8.self)
            #expect(trig == "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n{\n  <http://ex/s>\n      skos:prefLabel \"x\" .\n}\n")
        }

        @Test func rdfXMLIsFlatWithOneDescriptionPerSubjectRun() throws {
            let s = Term.iri("http://ex/s")
            let quads = [
                Quad(s, .iri(SKOS.namespace + "prefLabel"), .literal(Literal("a < b & c", language: "en"))),
                Quad(s, .iri("http://ex/terms/related"), .blankNode(BlankNode("n1"))),
                Quad(.blankNode(BlankNode("n1")), .iri(RDFVocabulary.type.value), .iri(SKOS.concept.value)),
            ]
            let text = String(decoding: try RDFWriter.serialize(quads, format: .rdfxml, prefixes: ["skos": SKOS.namespace]), as: UTF8.self)
            #expect(
                text == """
                    <?xml version="1.0" encoding="utf-8"?>
                    <rdf:RDF
                        xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                        xmlns:skos="http://www.w3.org/2004/02/skos/core#">
                      <rdf:Description rdf:about="http://ex/s">
                        <skos:prefLabel xml:lang="en">a &lt; b &amp; c</skos:prefLabel>
                        <ns0:related xmlns:ns0="http://ex/terms/" rdf:nodeID="bn1"/>
                      </rdf:Description>
                      <rdf:Description rdf:nodeID="bn1">
                        <rdf:type rdf:resource="http://www.w3.org/2004/02/skos/core#Concept"/>
                      </rdf:Description>
                    </rdf:RDF>

                    """)
        }

        /// Issue 15: raptor's abbreviating writer nested one level per list item (quadratic, and a crash at 50,000 items).
        @Test func aLongRDFListIsWrittenFlatAndReadsBack() throws {
            let items = 50_000
            var quads: [Quad] = []
            let first = Term.iri(RDFVocabulary.namespace + "first")
            let rest = Term.iri(RDFVocabulary.namespace + "rest")
            quads.append(Quad(.iri("http://ex/list"), .iri("http://ex/items"), .blankNode(BlankNode("l0"))))
            for index in 0..<items {
                let next: Term = index + 1 < items ? .blankNode(BlankNode("l\(index + 1)")) : .iri(RDFVocabulary.namespace + "nil")
                quads.append(Quad(.blankNode(BlankNode("l\(index)")), first, .string("item \(index)")))
                quads.append(Quad(.blankNode(BlankNode("l\(index)")), rest, next))
            }
            var chunks = 0
            var bytes: [UInt8] = []
            let writer = try RDFWriter(format: .rdfxml) { chunk in
                chunks += 1
                bytes += chunk
            }
            try writer.write(contentsOf: quads)
            #expect(chunks > 1, "output flows before finish()")
            try writer.finish()
            // Linear: about 110 bytes per item; nested output would be gigabytes.
            #expect(bytes.count < items * 200)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.components(separatedBy: "<rdf:Description").count - 1 == items + 1)
            var parsed: [Quad] = []
            try RDFReader.parse(bytes, format: .rdfxml, baseIRI: "http://ex/", world: world) { parsed.append($0) }
            #expect(parsed.count == quads.count)
            #expect(Set(parsed.filter { $0.predicate == first }.map(\.object)).count == items)
            try expectValidForRapper(bytes, format: "rdfxml", triples: quads.count)
        }

        @Test func outputComesInChunks() throws {
            for format in RDFFormat.allCases {
                var chunks: [[UInt8]] = []
                let writer = try RDFWriter(format: format, chunkSize: 4096) { chunks.append($0) }
                for index in 0..<2000 {
                    try writer.write(Quad(.iri("http://ex/s\(index)"), .iri("http://ex/p"), .string("value \(index)"), graph: .iri(IRI("http://ex/g"))))
                }
                // Every syntax streams: output is already flowing before finish().
                #expect(chunks.count > 10, "\(format)")
                try writer.finish()
                #expect(chunks.dropLast().allSatisfy { $0.count >= 4096 }, "\(format)")
                var count = 0
                try RDFReader.parse(chunks.flatMap { $0 }, format: format, baseIRI: "http://ex/", world: world) { _ in count += 1 }
                #expect(count == 2000, "\(format)")
            }
        }

        @Test func whatRDFXMLCannotSayIsAnError() throws {
            for predicate in ["http://ex/123", "http://ex/", RDFVocabulary.namespace + "li", RDFVocabulary.namespace + "about"] {
                let quads = [Quad(.iri("http://ex/s"), .iri(predicate), .string("x"))]
                let error = try #require(throws: RedlandError.self) { try RDFWriter.serialize(quads, format: .rdfxml) }
                #expect(error.code == .invalidData)
            }
            let control = [Quad(.iri("http://ex/s"), .iri("http://ex/p"), .string("bell \u{07}"))]
            let error = try #require(throws: RedlandError.self) { try RDFWriter.serialize(control, format: .rdfxml) }
            #expect(error.message.contains("U+7"))
        }

        @Test func sinkErrorsAndBadPrefixesAreThrown() throws {
            struct Full: Error {}
            let writer = try RDFWriter(format: .ntriples, chunkSize: 1) { _ in throw Full() }
            #expect(throws: Full.self) { try writer.write(Quad(.iri("http://ex/s"), .iri("http://ex/p"), .string("x"))) }
            #expect(throws: RedlandError.self) { try RDFWriter(format: .turtle, prefixes: ["1x": "http://ex/"]) { _ in } }
            let literalSubject = Quad(.string("s"), .iri("http://ex/p"), .string("x"))
            #expect(throws: RedlandError.self) { try RDFWriter.serialize([literalSubject], format: .ntriples) }
        }

        /// `rapper -c` (raptor's own checker) counts the triples of `bytes`.
        private func expectValidForRapper(_ bytes: [UInt8], format: String, triples: Int) throws {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rapper") else {
                print("rapper (raptor2-utils) is not installed: skipping its check")
                return
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-writer-\(UUID().uuidString).rdf")
            try Data(bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/rapper")
            process.arguments = ["-q", "-i", format, "-c", file.path, "http://ex/"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
        }
    }
}
