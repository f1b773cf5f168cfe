import RDF
import Redland
import Testing

extension RedlandTests {
    /// Issue 15: raptor's RDF/XML parse time grows with the square of the nesting depth; deep input is refused first.
    @Suite struct RDFXMLDepthTests {
        let world: RedlandWorld

        init() throws { world = try RedlandWorld() }

        /// `levels` nested property/node element pairs: `<rdf:Description><ex:p><rdf:Description>…`, one per line.
        static func nested(levels: Int, extra: String = "") -> [UInt8] {
            var text = "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex/\">\n"
            text += extra
            for _ in 0..<levels { text += "<rdf:Description><ex:p>\n" }
            text += "<rdf:Description ex:leaf=\"x\"/>"
            for _ in 0..<levels { text += "</ex:p></rdf:Description>\n" }
            text += "</rdf:RDF>\n"
            return Array(text.utf8)
        }

        @Test func deepNestingIsRefusedWithTheLimitAndThePlace() throws {
            let bytes = Self.nested(levels: 50_000)
            let error = try #require(throws: RedlandError.self) {
                try RDFReader.parse(bytes, format: .rdfxml, baseIRI: "http://ex/", world: self.world) { _ in }
            }
            #expect(error.code == .syntax)
            #expect(error.message.contains("1000 elements"), "\(error)")
            // rdf:RDF is element 1; line 3 + k holds elements 2k+2 and 2k+3, so element 1001 opens line 502 at column 18.
            #expect(error.line == 502)
            #expect(error.column == 18)
        }

        @Test func nestingWithinTheLimitParses() throws {
            // Markup that looks like tags inside comments, CDATA and attribute values does not count.
            let extra = "<!-- <a><b><c> --><?pi <d>?>\n<rdf:Description rdf:about=\"http://ex/s\" ex:q=\"a>b &lt;e>\"><ex:r><![CDATA[<f><g>]]></ex:r></rdf:Description>\n"
            var count = 0
            try RDFReader.parse(Self.nested(levels: 400, extra: extra), format: .rdfxml, baseIRI: "http://ex/", world: world) { _ in count += 1 }
            #expect(count == 400 + 1 + 2)
        }

        @Test func theGuardSeesChunksAsTheyArrive() throws {
            let bytes = Self.nested(levels: 2_000)
            var count = 0
            let reader = try RDFReader(format: .rdfxml, baseIRI: "http://ex/", world: world) { _ in count += 1 }
            let error = try #require(throws: RedlandError.self) {
                for start in stride(from: 0, to: bytes.count, by: 7) { try reader.feed(Array(bytes[start..<min(start + 7, bytes.count)])) }
                try reader.finish()
            }
            #expect(error.line == 502)
        }
    }
}
