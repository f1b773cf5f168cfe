import Foundation
import RDF
import Redland
import Testing

extension RedlandTests {
    @Suite struct ParserTests {
        let world: RedlandWorld

        init() throws { world = try RedlandWorld() }

        @Test func turtleKeepsDatatypesAndLanguages() throws {
            let quads = try parse(
                """
                @prefix ex: <http://ex/> .
                ex:a ex:p "plain", "tagged"@en-GB, "typed"^^ex:dt, "7"^^<http://www.w3.org/2001/XMLSchema#integer>, <rel> .
                """, .turtle, world: world)
            let objects = Set(quads.map(\.object))
            #expect(quads.count == 5)
            #expect(objects.contains(.literal(Literal("plain"))))
            #expect(objects.contains(.literal(Literal("tagged", language: "en-gb"))))
            #expect(objects.contains(.literal(Literal("typed", datatype: IRI("http://ex/dt")))))
            #expect(objects.contains(.literal(Literal("7", datatype: XSD.integer))))
            #expect(objects.contains(.iri("http://example.org/rel")))
            #expect(quads.allSatisfy { $0.graph == .defaultGraph && $0.subject == .iri("http://ex/a") })
        }

        @Test func brokenTurtleFailsWithItsLine() throws {
            let text = "@prefix ex: <http://ex/> .\nex:a ex:b \"ok\" .\nex:a ex:b \"bad .\n"
            let error = try #require(parseError(Array(text.utf8), .turtle, world: world, fileName: "data.ttl"))
            #expect(error.code == .syntax)
            #expect(error.file == "data.ttl")
            #expect(error.line == 3)
            #expect(error.message.contains("syntax error"))
            #expect(error.description.hasPrefix("data.ttl line 3"))
        }

        @Test func undeclaredPrefixFailsWithItsLine() throws {
            let text = "@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\n\nex:a nope:b ex:c .\n"
            let error = try #require(parseError(Array(text.utf8), .turtle, world: world))
            #expect(error.code == .syntax)
            #expect(error.line == 4)
            #expect(error.message.contains("nope:b"))
        }

        @Test func brokenNTriplesLineFails() throws {
            let text = "<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/a> <http://ex/b> .\n<http://ex/a> <http://ex/b> \"x\" .\n"
            let error = try #require(parseError(Array(text.utf8), .ntriples, world: world, fileName: "data.nt"))
            #expect(error.code == .syntax)
            #expect(error.line == 2)
            #expect(error.column == 29)
            #expect(error.description == "data.nt line 2 column 29: expected an IRI, a blank node or a literal as object")
        }

        @Test func truncatedNTriplesLineFails() throws {
            let text = "<http://ex/a> <http://ex/b> <http://ex/c> .\r\n<http://ex/a> <http://ex/b> \"trunc\r\n"
            let error = try #require(parseError(Array(text.utf8), .ntriples, world: world))
            #expect(error.line == 2)
            #expect(error.message.contains("unterminated"))
        }

        @Test func nTriplesRefusesAGraphName() throws {
            let text = "<http://ex/a> <http://ex/b> <http://ex/c> <http://ex/g> .\n"
            #expect(parseError(Array(text.utf8), .ntriples, world: world)?.code == .syntax)
            #expect(try parse(text, .nquads, world: world).first?.graph == .iri(IRI("http://ex/g")))
        }

        @Test(arguments: [RDFFormat.turtle, .ntriples, .nquads, .trig, .rdfxml])
        func invalidUTF8IsRefused(format: RDFFormat) throws {
            var bytes: [UInt8]
            switch format {
            case .rdfxml:
                bytes = Array("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n".utf8)
                bytes += Array("  <rdf:Description rdf:about=\"http://ex/caf".utf8)
                bytes += [0xE9] + Array("\"/>\n</rdf:RDF>\n".utf8)
            default:
                bytes = Array("<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/a> <http://ex/b> \"caf".utf8)
                bytes += [0xFF, 0xFE] + Array("\" .\n".utf8)
            }
            let error = try #require(parseError(bytes, format, world: world))
            #expect(error.code == .invalidData)
            #expect(error.message == "invalid UTF-8")
            if format == .rdfxml {
                #expect(error.line == 3 && error.column == 44)
            } else {
                #expect(error.line == 2 && error.column == 33)
            }
        }

        /// Columns count scalars across long ASCII runs, multi-byte characters and CRLF line ends alike.
        @Test func invalidUTF8IsPlacedAfterLongLines() throws {
            var bytes = Array("<http://ex/a> <http://ex/b> \"\u{E9}\u{E9}\u{E9} a long literal, long enough\" .\r\n".utf8)
            bytes += Array("<http://ex/a> <http://ex/b> \"\u{1F600} twenty".utf8) + [0xC0, 0x80] + Array("\" .\n".utf8)
            let error = try #require(parseError(bytes, .ntriples, world: world))
            #expect(error.message == "invalid UTF-8")
            #expect(error.line == 2 && error.column == 38)
        }

        @Test func blankNodeLabelsAreAlwaysValidNTriplesLabels() throws {
            let rdfxml = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/">
                  <rdf:Description rdf:nodeID="end."><ex:p rdf:nodeID="x\u{B7}y"/></rdf:Description>
                </rdf:RDF>
                """
            for blankNodes in [BlankNodeLabeling.unique, .asWritten, .prefixed("load 1 ")] {
                let quads = try parse(rdfxml, .rdfxml, world: world, blankNodes: blankNodes)
                    + parse("_:a.b <http://ex/p> _:c .", .turtle, world: world, blankNodes: blankNodes)
                    + parse("_:a.b <http://ex/p> _:c .", .ntriples, world: world, blankNodes: blankNodes)
                let labels = quads.flatMap { [$0.subject, $0.object] }.compactMap { term -> String? in
                    if case .blankNode(let node) = term { node.id } else { nil }
                }
                #expect(labels.count == 6)
                #expect(labels.allSatisfy(NTriples.isValidBlankNodeLabel), "\(labels)")
            }
        }

        @Test func anonymousNodesDoNotCollideWithWrittenGenids() throws {
            let quads = try parse("_:genid1 <http://ex/p> \"written\" .\n[] <http://ex/p> \"anonymous\" .\n", .turtle, world: world)
            #expect(Set(quads.map(\.subject)).count == 2)
        }

        @Test func earlierSyntaxErrorWinsOverLaterBadUTF8() throws {
            for (format, text) in [
                (RDFFormat.turtle, "@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a nope:b ex:c .\nex:a ex:b ex:c .\nex:a ex:b \"caf"),
                (.ntriples, "<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/a> <b> <http://ex/c> .\n\n\n<http://ex/a> <http://ex/b> \"caf"),
                (
                    .rdfxml,
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description rdf:about=\"http://ex/a\">\n"
                        + "<unqualified>x</unqualified>\n</rdf:Description>\n<rdf:Description rdf:about=\"http://ex/caf"
                ),
            ] {
                let bytes = Array(text.utf8) + [0xE9] + Array("\" .\n".utf8)
                let error = try #require(parseError(bytes, format, world: world))
                #expect(error.code == .syntax, "\(format): \(error)")
                #expect(error.line == (format == .rdfxml ? 3 : format == .turtle ? 3 : 2), "\(format): \(error)")
            }
            // A statement cut by the bad line is not mistaken for a syntax error.
            let cut = Array("@prefix ex: <http://ex/> .\nex:a ex:b \"x\" ;\n   ex:c \"caf".utf8) + [0xE9] + Array("\" .\n".utf8)
            #expect(parseError(cut, .turtle, world: world)?.code == .invalidData)
        }

        @Test func overlongAndSurrogateEncodingsAreRefused() throws {
            for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
                let bytes = Array("<http://ex/a> <http://ex/b> \"".utf8) + bad + Array("\" .\n".utf8)
                #expect(parseError(bytes, .ntriples, world: world)?.code == .invalidData)
            }
            // Valid multi-byte text passes.
            #expect(try parse("<http://ex/a> <http://ex/b> \"é € 𝄞\" .\n", .ntriples, world: world).count == 1)
        }

        @Test(arguments: [RDFFormat.turtle, .ntriples, .rdfxml])
        func hugeIRIIsRefused(format: RDFFormat) throws {
            let iri = "http://ex/" + String(repeating: "a", count: 70_000)
            let text =
                format == .rdfxml
                ? "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex/\">\n"
                    + "<rdf:Description rdf:about=\"http://ex/s\"><ex:p rdf:resource=\"\(iri)\"/></rdf:Description>\n</rdf:RDF>\n"
                : "<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/p> <\(iri)> .\n"
            let error = try #require(parseError(Array(text.utf8), format, world: world))
            #expect(error.code == .invalidData)
            #expect(error.message.contains("object IRI of 70010 bytes"))
            // raptor's Turtle locator stands at its last token, which can be a line behind a statement's end.
            #expect(format == .turtle ? (1...2).contains(error.line ?? 0) : error.line == 2)
        }

        @Test("JSON-LD quads pass the limits of librdf's storage too: a huge IRI or language tag is refused, naming the term")
        func jsonLDAppliesRedlandLimits() throws {
            let iri = "http://ex/" + String(repeating: "a", count: 70_000)
            let hugeIRI = #"{"@id": "http://ex/s", "http://ex/p": {"@id": "\#(iri)"}}"#
            let error = try #require(parseError(Array(hugeIRI.utf8), .jsonLD, world: world, fileName: "data.jsonld"))
            #expect(error.code == .invalidData)
            #expect(error.message.contains("object IRI of 70010 bytes"))
            #expect(error.file == "data.jsonld")
            let tag = "en-" + Array(repeating: "abcdefgh", count: 40).joined(separator: "-")
            let longTag = #"{"@id": "http://ex/s", "http://ex/p": {"@value": "x", "@language": "\#(tag)"}}"#
            #expect(parseError(Array(longTag.utf8), .jsonLD, world: world)?.message.contains("language tag of \(tag.utf8.count) bytes") == true)
            let fine = #"{"@id": "http://ex/s", "http://ex/p": {"@value": "x", "@language": "en"}}"#
            #expect(try parse(fine, .jsonLD, world: world).count == 1)
        }

        @Test func blankNodesAreLocalToEachParse() throws {
            let text = "_:b0 <http://ex/p> _:b1 .\n_:b1 <http://ex/p> _:b0 .\n"
            let first = try parse(text, .ntriples, world: world)
            let second = try parse(text, .ntriples, world: world)
            #expect(first[0].subject == first[1].object)
            #expect(first[0].object == first[1].subject)
            #expect(Set(first).isDisjoint(with: Set(second)))
            let turtle = try parse("_:b0 <http://ex/p> [ <http://ex/q> _:b0 ] .", .turtle, world: world)
            // Within one document a label is one node, and an anonymous node is another.
            #expect(turtle.count == 2)
            #expect(Set(turtle.map(\.subject)).count == 2)
            #expect(turtle.contains { $0.object == turtle[0].subject || $0.subject == turtle[0].object })
            #expect(turtle.contains { quad in turtle.contains { $0.subject == quad.object } })
            let turtleAgain = try parse("_:b0 <http://ex/p> [ <http://ex/q> _:b0 ] .", .turtle, world: world)
            #expect(Set(turtle.map(\.subject)).isDisjoint(with: Set(turtleAgain.map(\.subject))))

            let kept = try parse(text, .ntriples, world: world, blankNodes: .asWritten)
            #expect(kept[0].subject == .blankNode(BlankNode("b0")))
            let shared = try parse(text, .nquads, world: world, blankNodes: .prefixed("load1_"))
            #expect(shared[0].subject == .blankNode(BlankNode("load1_b0")))
            let turtleShared = try parse("_:b0 <http://ex/p> <http://ex/o> .", .turtle, world: world, blankNodes: .prefixed("load1_"))
            #expect(turtleShared[0].subject == shared[0].subject)
        }

        @Test func nQuadsKeepGraphNames() throws {
            let quads = try parse(
                """
                <http://ex/s> <http://ex/p> "in g1" <http://ex/g1> .
                <http://ex/s> <http://ex/p> "in blank graph" _:g2 .
                <http://ex/s> <http://ex/p> "default" .
                """, .nquads, world: world, blankNodes: .asWritten)
            #expect(quads.map(\.graph) == [.iri(IRI("http://ex/g1")), .blankNode(BlankNode("g2")), .defaultGraph])
        }

        @Test func triGKeepsGraphNames() throws {
            let quads = try parse(
                """
                @prefix ex: <http://ex/> .
                ex:s ex:p "default" .
                { ex:s ex:p "default block" . }
                ex:g1 { ex:s ex:p "in g1" ; ex:q ex:o . }
                <http://ex/g2> { ex:s ex:p "in g2" . }
                """, .trig, world: world)
            #expect(quads.count == 5)
            #expect(quads.filter { $0.graph == .defaultGraph }.count == 2)
            #expect(quads.filter { $0.graph == .iri(IRI("http://ex/g1")) }.count == 2)
            #expect(quads.filter { $0.graph == .iri(IRI("http://ex/g2")) }.count == 1)
        }

        @Test func handlerErrorStopsTheParse() throws {
            struct Stop: Error {}
            for format in [RDFFormat.turtle, .ntriples] {
                var seen = 0
                #expect(throws: Stop.self) {
                    try RDFReader.parse(
                        Array("<http://ex/a> <http://ex/b> \"1\" .\n<http://ex/a> <http://ex/b> \"2\" .\n".utf8), format: format,
                        baseIRI: "http://ex/", world: world
                    ) { _ in
                        seen += 1
                        throw Stop()
                    }
                }
                #expect(seen == 1)
            }
        }

        @Test func byteOrderMarkIsSkipped() throws {
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<http://ex/a> <http://ex/b> <http://ex/c> .\n".utf8)
            for format in [RDFFormat.ntriples, .turtle] {
                var count = 0
                try RDFReader.parse(bytes, format: format, baseIRI: "http://ex/", world: world) { _ in count += 1 }
                #expect(count == 1)
            }
        }

        @Test func filesStreamAcrossChunks() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            // About 3 MiB, so several 1 MiB chunks, with multi-byte characters cut at chunk edges somewhere.
            let lines = 30_000
            var text = ""
            for index in 0..<lines { text += "<http://ex/s\(index)> <http://ex/p> \"é—𝄞 \(index) lorem ipsum dolor sit amet\"@fr .\n" }
            let good = directory.appendingPathComponent("good.nt")
            try Data(text.utf8).write(to: good)
            for format in [RDFFormat.ntriples, .turtle] {
                var count = 0
                try RDFReader.parse(file: good.path, format: format, world: world) { _ in count += 1 }
                #expect(count == lines)
            }
            let bad = directory.appendingPathComponent("bad.nt")
            try Data((text + "<http://ex/s> <http://ex/p> oops .\n" + text).utf8).write(to: bad)
            let error = try #require(throws: RedlandError.self) { try RDFReader.parse(file: bad.path, world: self.world) { _ in } }
            #expect(error.line == lines + 1)
            #expect(error.column == 29)
            #expect(error.file == bad.path)
        }

        @Test func pushParserTakesAnyChunking() throws {
            let text = "<http://ex/a> <http://ex/b> \"é—𝄞\" <http://ex/g> .\n_:x <http://ex/b> <http://ex/c> .\n"
            let trig = "<http://ex/g> { <http://ex/a> <http://ex/b> \"é—𝄞\" . }\n_:x <http://ex/b> <http://ex/c> .\n"
            for format in [RDFFormat.nquads, .trig] {
                let source = Array((format == .trig ? trig : text).utf8)
                var quads: [Quad] = []
                let parser = try RDFReader(format: format, baseIRI: "http://ex/", world: world) { quads.append($0) }
                for byte in source { try parser.feed([byte]) }
                try parser.finish()
                #expect(quads.count == 2)
                #expect(quads.contains { $0.object == .string("é—𝄞") && $0.graph == .iri(IRI("http://ex/g")) })
                #expect(throws: RedlandError.self) { try parser.feed([0x20]) }
            }
            let broken = try RDFReader(format: .ntriples, baseIRI: "http://ex/", world: world) { _ in }
            try broken.feed(Array("<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/a> <b".utf8))
            let error = try #require(throws: RedlandError.self) { try broken.feed(Array("> <http://ex/c> .\n".utf8)) }
            #expect(error.line == 2)
        }

        @Test func fileOptions() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("doc.ttl")
            try Data("<a> <b> <c> .".utf8).write(to: file)
            var quads: [Quad] = []
            try RDFReader.parse(file: file.path, world: world) { quads.append($0) }
            #expect(quads.first?.subject == .iri(IRI(file.deletingLastPathComponent().absoluteURL.absoluteString + "a")))
            let unknown = try #require(throws: RedlandError.self) {
                try RDFReader.parse(file: directory.appendingPathComponent("x.json").path, world: self.world) { _ in }
            }
            #expect(unknown.code == .unsupported)
            let missing = try #require(throws: RedlandError.self) {
                try RDFReader.parse(file: directory.appendingPathComponent("missing.ttl").path, world: self.world) { _ in }
            }
            #expect(missing.code == .io)
        }
    }
}
