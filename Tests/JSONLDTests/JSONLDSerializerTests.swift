import Foundation
import JSONLD
import RDF
import Testing

@Suite("JSON-LD serializer")
struct JSONLDSerializerTests {
    private static let prefixes = [
        "skos": SKOS.namespace, "dct": DCTerms.namespace, "xsd": XSD.namespace, "rdfs": RDFS.namespace,
        "unused": "http://unused.example/",
    ]

    private static let small: [Quad] = [
        Quad(.iri("http://data.europa.eu/dr8/PublicPolicy"), .iri(RDFVocabulary.type), .iri(SKOS.concept)),
        Quad(.iri("http://data.europa.eu/dr8/PublicPolicy"), .iri(SKOS.prefLabel), .literal(Literal("Public Policy", language: "en"))),
        Quad(.iri("http://data.europa.eu/dr8/PublicPolicy"), .iri(SKOS.notation), .literal(Literal("7", datatype: XSD.integer))),
        Quad(.iri("http://data.europa.eu/dr8/PublicPolicy"), .iri(SKOS.altLabel), .string("Policy")),
        Quad(.iri("http://data.europa.eu/dr8/PublicPolicy"), .iri(SKOS.altLabel), .string("Beleid")),
        Quad(.iri("http://data.europa.eu/dr8/PublicPolicy"), .iri(SKOS.broader), .blankNode(BlankNode("n1"))),
        Quad(.blankNode(BlankNode("n1")), .iri(DCTerms.title), .string("Anonymous")),
        Quad(.iri("http://data.europa.eu/dr8/"), .iri(RDFVocabulary.type), .iri(SKOS.conceptScheme), graph: .iri(IRI("http://e/g"))),
    ]

    @Test func smallGraphGivesExactlyTheseBytes() throws {
        // Given out of order and with a duplicate: grouping sorts and removes it.
        let input = Self.small.reversed() + [Self.small[1]]
        let text = String(decoding: try JSONLDSerializer.serialize(input, prefixes: Self.prefixes), as: UTF8.self)
        #expect(
            text == """
                {
                  "@context": {
                    "dct": "http://purl.org/dc/terms/",
                    "skos": "http://www.w3.org/2004/02/skos/core#",
                    "xsd": "http://www.w3.org/2001/XMLSchema#"
                  },
                  "@graph": [
                    {
                      "@id": "http://data.europa.eu/dr8/PublicPolicy",
                      "@type": "skos:Concept",
                      "skos:altLabel": [
                        "Beleid",
                        "Policy"
                      ],
                      "skos:broader": {"@id": "_:n1"},
                      "skos:notation": {"@value": "7", "@type": "xsd:integer"},
                      "skos:prefLabel": {"@value": "Public Policy", "@language": "en"}
                    },
                    {
                      "@id": "http://e/g",
                      "@graph": [
                        {
                          "@id": "http://data.europa.eu/dr8/",
                          "@type": "skos:ConceptScheme"
                        }
                      ]
                    },
                    {
                      "@id": "_:n1",
                      "dct:title": "Anonymous"
                    }
                  ]
                }

                """
        )
    }

    @Test func emptyInputIsAnEmptyDocument() throws {
        let text = String(decoding: try JSONLDSerializer.serialize([], prefixes: Self.prefixes), as: UTF8.self)
        #expect(text == "{\n  \"@context\": {},\n  \"@graph\": []\n}\n")
        #expect(try parseJSONLD(text).isEmpty)
    }

    @Test func stringsAreEscaped() throws {
        let quad = Quad(.iri("http://e/s"), .iri("http://e/p"), .string("q\" b\\ \n\r\t\u{8}\u{C} \u{0}\u{1F}\u{7F} \u{2028}\u{2029} é 😀 \u{E2}"))
        let text = String(decoding: try JSONLDSerializer.serialize([quad]), as: UTF8.self)
        #expect(text.contains(#""http://e/p": "q\" b\\ \n\r\t\b\f \u0000\u001F\u007F \u2028\u2029 é 😀 â""#))
        #expect(try parseJSONLD(text) == [quad])
    }

    @Test func graphNamesThatAreSubjectsHoldTheirGraph() throws {
        let g = Term.iri("http://e/g")
        let quads = [
            Quad(g, .iri(DCTerms.modified), .literal(Literal("2024-01-01", datatype: XSD.date))),
            Quad(.iri("http://e/s"), .iri("http://e/p"), .string("in g"), graph: .iri(IRI("http://e/g"))),
        ]
        let text = String(decoding: try JSONLDSerializer.serialize(quads, prefixes: Self.prefixes), as: UTF8.self)
        #expect(
            text == """
                {
                  "@context": {
                    "dct": "http://purl.org/dc/terms/",
                    "xsd": "http://www.w3.org/2001/XMLSchema#"
                  },
                  "@graph": [
                    {
                      "@id": "http://e/g",
                      "dct:modified": {"@value": "2024-01-01", "@type": "xsd:date"},
                      "@graph": [
                        {
                          "@id": "http://e/s",
                          "http://e/p": "in g"
                        }
                      ]
                    }
                  ]
                }

                """
        )
        #expect(isomorphic(try parseJSONLD(text), quads))
    }

    static let tricky: [Quad] = {
        let s = Term.iri("http://e/s")
        let p = Term.iri("http://e/p")
        let b1 = Term.blankNode(BlankNode("b1"))
        let b2 = Term.blankNode(BlankNode("weird label."))
        let g1 = GraphName.iri(IRI("http://e/g1"))
        let g2 = GraphName.blankNode(BlankNode("graph"))
        return [
            Quad(s, p, .string("")),
            Quad(s, p, .string("line\nbreak \"quoted\" back\\slash \u{0}\u{1}\u{7F} \u{2028} e\u{301} é 😀")),
            Quad(s, p, .literal(Literal("true", datatype: XSD.boolean))),
            Quad(s, p, .literal(Literal("01", datatype: XSD.integer))),
            Quad(s, p, .literal(Literal("1.10", datatype: XSD.decimal))),
            Quad(s, p, .literal(Literal("1e0", datatype: XSD.double))),
            Quad(s, p, .literal(Literal("NaN", datatype: XSD.double))),
            Quad(s, p, .literal(Literal("not a number", datatype: XSD.integer))),
            Quad(s, p, .literal(Literal("<b>x</b>", datatype: RDFVocabulary.xmlLiteral))),
            Quad(s, p, .literal(Literal("{\"a\":1}", datatype: IRI(RDFVocabulary.namespace + "JSON")))),
            Quad(s, p, .literal(Literal("x", datatype: IRI("http://e/dt#custom")))),
            Quad(s, p, .literal(Literal("x", datatype: XSD.string))),
            Quad(s, p, .literal(Literal("chat", language: "fr-BE"))),
            Quad(s, p, .literal(Literal("chat", language: "fr"))),
            Quad(s, p, .literal(Literal("chat", language: "x-private-tag"))),
            Quad(s, p, .iri("urn:isbn:0451450523")),
            Quad(s, p, .iri("http://e/caf\u{E9}?q=1#frag")),
            Quad(s, .iri(RDFVocabulary.type), .iri(SKOS.concept)),
            Quad(s, .iri(RDFVocabulary.type), b1),
            Quad(s, .iri(RDFVocabulary.type), .string("a literal type")),
            Quad(s, .iri(SKOS.prefLabel), .string("in skos")),
            Quad(s, .iri(SKOS.namespace), .string("the namespace itself as a predicate")),
            Quad(b1, p, b2),
            Quad(b2, p, b1),
            Quad(b1, p, b1),
            Quad(s, p, .string("in g1"), graph: g1),
            Quad(b1, p, .string("blank in g1"), graph: g1),
            Quad(s, p, .string("in a blank graph"), graph: g2),
            Quad(.blankNode(BlankNode("graph")), p, .string("graph node in default")),
            Quad(.iri("http://e/g1"), .iri(DCTerms.title), .string("graph one")),
        ]
    }()

    @Test(arguments: [JSONLDSerializer.Grouping.bySubject, .consecutiveSubjects])
    func roundTripsTrickyData(grouping: JSONLDSerializer.Grouping) throws {
        var bytes: [UInt8] = []
        let serializer = JSONLDSerializer(prefixes: Self.prefixes, grouping: grouping, chunkSize: 64) { bytes += $0 }
        try serializer.write(contentsOf: Self.tricky)
        try serializer.finish()
        let parsed = try JSONLDParser.parse(bytes)
        #expect(isomorphic(parsed, Self.tricky), "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func outputIsDeterministic() throws {
        let a = try JSONLDSerializer.serialize(Self.tricky, prefixes: Self.prefixes)
        let b = try JSONLDSerializer.serialize(Self.tricky.reversed() + Self.tricky.shuffled(), prefixes: Self.prefixes)
        #expect(a == b)
    }

    @Test func streamingSortedInputMatchesGroupingBySubject() throws {
        let quads = Self.small.filter { $0.graph == .defaultGraph }
        let prefixes = ["skos": SKOS.namespace, "dct": DCTerms.namespace, "xsd": XSD.namespace]
        let grouped = try JSONLDSerializer.serialize(quads, prefixes: prefixes)
        var chunks: [[UInt8]] = []
        let streaming = JSONLDSerializer(prefixes: prefixes, grouping: .consecutiveSubjects, chunkSize: 100) { chunks.append($0) }
        for quad in quads.sorted(by: { $0.subject.description < $1.subject.description }) { try streaming.write(quad) }
        try streaming.finish()
        #expect(chunks.count > 1)
        #expect(chunks.dropLast().allSatisfy { $0.count >= 100 })
        #expect(Array(chunks.joined()) == grouped)
    }

    @Test func streamingUnsortedInputSplitsSubjectsButKeepsTheGraph() throws {
        let quads = [
            Self.small[0], Self.small[6], Self.small[1], Quad(.iri("http://e/s"), .iri("http://e/p"), .string("x"), graph: .iri(IRI("http://e/g"))),
            Self.small[2],
        ]
        var bytes: [UInt8] = []
        let serializer = JSONLDSerializer(prefixes: Self.prefixes, grouping: .consecutiveSubjects) { bytes += $0 }
        try serializer.write(contentsOf: quads)
        try serializer.finish()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "\"@id\": \"http://data.europa.eu/dr8/PublicPolicy\"").count == 4)
        #expect(text.contains("\"unused\": \"http://unused.example/\""))
        #expect(isomorphic(try JSONLDParser.parse(bytes), quads))
    }

    @Test func prefixesJSONLDCannotReadBackAreNotUsed() throws {
        let quads = [
            Quad(.iri("http://e/ns-a"), .iri("http://e/ns-p"), .iri("urn:x:1")),
            Quad(.iri("http://f/s"), .iri("http://f/p"), .string("v")),
        ]
        let prefixes = ["e": "http://e/ns-", "": "http://f/", "urn": "http://u/", "f": "http://f/"]
        let text = String(decoding: try JSONLDSerializer.serialize(quads, prefixes: prefixes), as: UTF8.self)
        #expect(text.contains("\"@id\": \"http://e/ns-a\""))
        #expect(text.contains("{\"@id\": \"urn:x:1\"}"))
        #expect(text.contains("\"@id\": \"f:s\""))
        #expect(!text.contains("\"urn\""))
        #expect(isomorphic(try parseJSONLD(text), quads))
        // Streaming writes the context first, so it cannot drop `urn` any more: it refuses instead.
        let streaming = JSONLDSerializer(prefixes: prefixes, grouping: .consecutiveSubjects) { _ in }
        #expect(
            errorText {
                try streaming.write(contentsOf: quads)
                try streaming.finish()
            }
                == #"JSON-LD error: the IRI <urn:x:1> would read back as a compact IRI with the prefix "urn"; drop that prefix or group by subject"#
        )
    }

    @Test func invalidQuadsAreRefused() {
        let literalSubject = Quad(.string("s"), .iri("http://e/p"), .string("o"))
        #expect(
            errorText { _ = try JSONLDSerializer.serialize([literalSubject]) }
                == #"JSON-LD error: a literal cannot be a subject: "s" <http://e/p> "o" ."#
        )
        let blankPredicate = Quad(.iri("http://e/s"), .blankNode(BlankNode("p")), .string("o"))
        #expect(
            errorText { _ = try JSONLDSerializer.serialize([blankPredicate]) }
                == #"JSON-LD error: the predicate must be an IRI: <http://e/s> _:p "o" ."#
        )
    }

    /// The round-trip tests lean on `isomorphic`; make sure it can say no.
    @Test func isomorphismTellsGraphsApart() {
        let p = Term.iri("http://e/p")
        let (a, b, c) = (Term.blankNode(BlankNode("a")), Term.blankNode(BlankNode("b")), Term.blankNode(BlankNode("c")))
        #expect(isomorphic([Quad(a, p, b), Quad(b, p, a)], [Quad(c, p, a), Quad(a, p, c)]))
        #expect(!isomorphic([Quad(a, p, b), Quad(b, p, a)], [Quad(a, p, a), Quad(b, p, b)]))
        #expect(!isomorphic([Quad(a, p, .string("x"))], [Quad(a, p, .string("x"), graph: .iri(IRI("http://e/g")))]))
        #expect(!isomorphic([Quad(a, p, .string("x"))], [Quad(a, p, .string("y"))]))
    }

    @Test func sinkErrorsSurface() {
        struct Full: Error {}
        let serializer = JSONLDSerializer(chunkSize: 16) { _ in throw Full() }
        #expect(throws: Full.self) {
            try serializer.write(Quad(.iri("http://e/s"), .iri("http://e/p"), .string("o")))
            try serializer.finish()
        }
    }
}
