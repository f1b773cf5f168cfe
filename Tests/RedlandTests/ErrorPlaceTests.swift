import Foundation
import RDF
import Redland
import Testing

extension RedlandTests {
    /// Every syntax error names its line and column (issue 15), including where raptor's locator knows only the line
    /// (Turtle, TriG) or nothing (libxml2's namespace errors in RDF/XML). The printed text is checked byte for byte.
    @Suite struct ErrorPlaceTests {
        let world: RedlandWorld

        init() throws { world = try RedlandWorld() }

        func error(_ text: String, _ format: RDFFormat, chunked: Int? = nil) throws -> RedlandError {
            let bytes = Array(text.utf8)
            do {
                if let chunked {
                    // As an upload arrives: in pieces, through the push API.
                    let reader = try RDFReader(format: format, baseIRI: "http://example.org/", world: world, fileName: "doc") { _ in }
                    var start = 0
                    while start < bytes.count {
                        try reader.feed(Array(bytes[start..<min(start + chunked, bytes.count)]))
                        start += chunked
                    }
                    try reader.finish()
                } else {
                    try RDFReader.parse(bytes, format: format, baseIRI: "http://example.org/", world: world, fileName: "doc") { _ in }
                }
            } catch let error as RedlandError {
                return error
            }
            throw RedlandError(.io, "the input parsed without error: \(text)")
        }

        @Test(arguments: [nil, 7])
        func turtleErrorsNameTheToken(chunked: Int?) throws {
            let prefix = "@prefix ex: <http://example.org/> .\nex:a ex:p \"x\" .\n"
            let cases: [(String, String)] = [
                ("ex:b ex:p ex:c ex:d .\n", "doc line 3 column 16: syntax error, unexpected QName, expecting ."),
                ("ex:b ex:p ex:c ; ex:q ex:d ,, ex:e .\n", "doc line 3 column 29: syntax error, unexpected \",\""),
                ("ex:b   ex:p \"a b c\" $ .\n", "doc line 3 column 21: syntax error at '$'"),
                ("ex:b nope:p ex:c .\n", "doc line 3 column 6: The namespace prefix in \"nope:p\" was not declared."),
                ("ex:b ex:p \"\"\"two\nlines\"\"\" ex:c .\n", "doc line 4 column 10: syntax error, unexpected QName, expecting ."),
                // The input stops inside a statement: the place is its end.
                ("ex:b ex:p ex:c", "doc line 3 column 15: syntax error, unexpected $end, expecting ."),
            ]
            for (tail, expected) in cases {
                #expect(try error(prefix + tail, .turtle, chunked: chunked).description == expected, "\(tail)")
            }
        }

        @Test func turtleColumnsCountCharactersAndCRLFEndsALine() throws {
            let text = "@prefix ex: <http://example.org/> .\r\nex:é ex:p \"naïve\" ex:c .\r\n"
            #expect(try error(text, .turtle).description == "doc line 2 column 19: syntax error, unexpected QName, expecting .")
        }

        @Test func trigErrorsNameTheToken() throws {
            let text = "@prefix ex: <http://example.org/> .\nex:g { ex:a ex:p ex:b . }\nex:h { ex:a ex:p ex:b ] }\n"
            let place = try error(text, .trig)
            #expect(place.line == 3 && place.column == 23, "\(place)")
        }

        @Test func aStatementOurChecksRefuseIsPlaced() throws {
            let long = String(repeating: "a", count: 70_000)
            let text = "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:a ex:p <http://example.org/\(long)> .\n"
            let place = try error(text, .turtle)
            #expect(place.code == .invalidData)
            #expect(place.line == 3 && place.column != nil, "\(place)")
        }

        static let rdf = "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"

        @Test(arguments: [nil, 5])
        func rdfXMLErrorsHaveALineAndAColumn(chunked: Int?) throws {
            // An undeclared prefix: libxml2 tells raptor nothing of where; the place is where the start tag ends.
            let undeclared = Self.rdf + "  <rdf:Description rdf:about=\"http://e/a\">\n    <ex:p>x</ex:p>\n  </rdf:Description>\n</rdf:RDF>\n"
            let first = try error(undeclared, .rdfxml, chunked: chunked)
            #expect(first.line == 4 && first.column == 10, "\(first)")
            #expect(first.message.contains("ex:p"), "\(first)")
            // A tag mismatch.
            let mismatch = Self.rdf + "  <rdf:Description rdf:about=\"http://e/a\">\n    <rdf:value>x</rdf:valu>\n</rdf:RDF>\n"
            let second = try error(mismatch, .rdfxml, chunked: chunked)
            #expect(second.line == 4 && second.column != nil, "\(second)")
            // An element left open: the place is the end of input.
            let open = Self.rdf + "  <rdf:Description rdf:about=\"http://e/a\">\n"
            let third = try error(open, .rdfxml, chunked: chunked)
            #expect(third.line != nil && third.column != nil, "\(third)")
        }

        @Test func nTriplesTermTooLongIsPlaced() throws {
            let text = "<http://e/a> <http://e/p> <http://e/b> .\n  <http://e/\(String(repeating: "a", count: 70_000))> <http://e/p> \"x\" .\n"
            let place = try error(text, .ntriples)
            #expect(place.line == 2 && place.column == 3, "\(place)")
        }

        @Test func jsonLDErrorsHaveALineAndAColumn() throws {
            let text = "{\n  \"@id\": \"http://e/a\",\n  \"http://e/p\": {\"@value\": \"x\", \"@language\": 5}\n}\n"
            let place = try error(text, .jsonLD)
            #expect(place.line == 3 && place.column != nil, "\(place)")
        }
    }
}
