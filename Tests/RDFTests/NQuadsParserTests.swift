import RDF
import Testing

@Suite("N-Quads parser")
struct NQuadsParserTests {
    private func parse(_ text: String, allowsGraphs: Bool = true) throws -> [Quad] {
        var quads = [Quad]()
        try NQuadsParser.parse(Array(text.utf8), allowsGraphs: allowsGraphs) { quads.append($0) }
        return quads
    }

    @Test func parsesEveryTermKind() throws {
        let quads = try parse(
            """
            # a comment
            <http://e/s> <http://e/p> "plain" .
            _:b1 <http://e/p> "chat"@FR-be <http://e/g> .
            <http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> _:g .
            <http://e/s> <http://e/p> "esc\\t\\"\\u00E9\\U0001F600\\n" . # trailing comment

            """)
        #expect(quads.count == 4)
        #expect(quads[0].object == .string("plain"))
        #expect(quads[1].subject == .blankNode(BlankNode("b1")))
        #expect(quads[1].object == .literal(Literal("chat", language: "fr-be")))
        #expect(quads[1].graph == .iri(IRI("http://e/g")))
        #expect(quads[2].object == .literal(Literal("1", datatype: XSD.integer)))
        #expect(quads[2].graph == .blankNode(BlankNode("g")))
        #expect(quads[3].object == .string("esc\t\"é😀\n"))
    }

    @Test func writingThenParsingGivesTheSameQuads() throws {
        let original = [
            Quad(.blankNode(BlankNode("x.y")), .iri("http://e/p"), .string("line\nbreak\r\"q\"\\ \u{7}"), graph: .iri(IRI("http://e/g"))),
            Quad(.iri("http://e/caf\u{E9}/\u{1F600}"), .iri("http://e/p"), .literal(Literal("v", language: "en"))),
            Quad(.iri("http://e/s"), .iri("http://e/p"), .literal(Literal("x", datatype: IRI("http://e/dt")))),
        ]
        let text = original.map { $0.description + "\n" }.joined()
        #expect(try parse(text) == original)
        var bytes = [UInt8]()
        for quad in original { NTriples.append(quad, to: &bytes) }
        #expect(bytes == Array(text.utf8), "the byte writer and description agree")
    }

    @Test(arguments: [
        ("<http://e/s> <http://e/p> \"open .\n", "line 1 column 27: unterminated string"),
        ("<http://e/s> <http://e/p> <http://e/o>\n", "line 1 column 39: expected an IRI or a blank node as graph name, or '.'"),
        ("\n<relative> <http://e/p> <http://e/o> .\n", "line 2 column 1: relative IRI <relative> (N-Triples needs absolute IRIs)"),
        ("<http://e/s> \"lit\" <http://e/o> .\n", "line 1 column 14: expected an IRI in '<…>'"),
        ("<http://e/s> <http://e/p> \"x\"@1en .\n", "line 1 column 30: invalid language tag '@1en'"),
        ("<http://e/s> <http://e/p> \"\\q\" .\n", "line 1 column 28: invalid escape sequence"),
        ("\"s\" <http://e/p> <http://e/o> .\n", "line 1 column 1: expected an IRI or a blank node as subject"),
        ("<http://e/s> <http://e/p> <http://e/o> .\r\n<http://e/s> <http://e/p> <bad iri> .\r\n", "line 2 column 31: character not allowed in an IRI"),
        // Past an escape, the IRI is read one byte at a time: the same refusals hold there.
        ("<http://e/s> <http://e/p> <http://e/\\u0041 b> .\n", "line 1 column 43: character not allowed in an IRI"),
        ("<http://e/s> <http://e/p> <http://e/\\u0020> .\n", "line 1 column 43: character U+20 not allowed in an IRI"),
        ("<http://e/s> <http://e/p> <http://e/o", "line 1 column 27: unterminated IRI"),
        ("<http://e/s> <http://e/p> <http://e/\\u0041", "line 1 column 27: unterminated IRI"),
    ])
    func errorsNameLineAndColumn(input: String, expected: String) {
        do {
            _ = try parse(input)
            Issue.record("accepted: \(input)")
        } catch {
            #expect("\(error)" == "Syntax error at \(expected)")
        }
    }

    @Test func escapedAndPlainIRIsReadAlike() throws {
        let quads = try parse("<http://e/\\u00E9t\\U0001F600> <http://e/p> <http://e/\u{E9}t\u{1F600}> .\n")
        #expect(quads.first?.subject == .iri(IRI("http://e/\u{E9}t\u{1F600}")))
        #expect(quads.first?.subject == quads.first?.object)
    }

    @Test func nTriplesRefusesAGraph() {
        #expect(throws: RDFSyntaxError.self) { try parse("<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n", allowsGraphs: false) }
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array("<http://e/s> <http://e/p> \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\" .\n".utf8)
        #expect(throws: RDFSyntaxError.self) { try NQuadsParser.parse(bytes) { _ in } }
    }

    @Test func aLongLineParsesInLinearTime() throws {
        let literal = String(repeating: "a", count: 5_000_000)
        let quads = try parse("<http://e/s> <http://e/p> \"\(literal)\" .\n")
        #expect(quads.first?.object == .string(literal))
    }
}

@Suite("N-Triples forms")
struct NTriplesFormTests {
    @Test func iriEscapesForbiddenCharacters() {
        #expect(NTriples.iri("http://e/a b>") == "<http://e/a\\u0020b\\u003E>")
    }

    @Test func literalsUseECHARAndUCHAR() {
        #expect(Literal("a\"b\\c\nd\re\u{1}").description == "\"a\\\"b\\\\c\\nd\\re\\u0001\"")
        #expect(Literal("x", datatype: XSD.string).description == "\"x\"")
        #expect(Literal("x", language: "EN-gb").description == "\"x\"@en-gb")
    }

    /// RDF compares terms by code points: Swift's canonical equivalence ("é" == "e\u{301}") must not merge them.
    @Test func termsCompareByCodePoints() {
        #expect(IRI("http://e/\u{E9}") != IRI("http://e/e\u{301}"))
        #expect(Literal("\u{E9}") != Literal("e\u{301}"))
        #expect(Set([Term.string("\u{E9}"), Term.string("e\u{301}")]).count == 2)
        #expect(BlankNode("\u{E9}") != BlankNode("e\u{301}"))
        #expect(IRI("http://e/a") < IRI("http://e/b"))
    }

    @Test func unsafeBlankNodeLabelsBecomeSafeOnes() {
        #expect(NTriples.blankNode("ok1") == "_:ok1")
        #expect(NTriples.isValidBlankNodeLabel(NTriples.safeBlankNodeLabel("a b:c.")))
        #expect(NTriples.safeBlankNodeLabel("a b") != NTriples.safeBlankNodeLabel("a_b"))
    }
}

@Suite("In-memory dataset")
struct InMemoryDatasetTests {
    @Test func patternsAndGraphs() {
        var dataset = InMemoryDataset()
        let s = Term.iri("http://e/s"), p = Term.iri("http://e/p")
        dataset.insert(Quad(s, p, .string("a")))
        dataset.insert(Quad(s, p, .string("b"), graph: .iri(IRI("http://e/g"))))
        let insertedAgain = dataset.insert(Quad(s, p, .string("a")))
        #expect(!insertedAgain)
        let g = dataset.id(of: .iri("http://e/g"))!
        #expect(dataset.namedGraphs == [g])
        #expect(dataset.quads(matching: EncodedQuadPattern(graph: .defaultGraph)).count == 1)
        #expect(dataset.estimatedCount(matching: EncodedQuadPattern(subject: dataset.id(of: s))) == 2)
    }
}
