import JSONLD
import RDF
import Testing

@Suite("JSON-LD parser")
struct JSONLDParserTests {
    /// The document's quads must equal `expected` (N-Quads) up to blank node renaming.
    private func expect(_ json: String, base: String? = nil, gives expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let quads = try parseJSONLD(json, base: base)
        let wanted = try parseNQuads(expected)
        #expect(
            isomorphic(quads, wanted),
            "got:\n\(quads.map(\.description).sorted().joined(separator: "\n"))",
            sourceLocation: sourceLocation
        )
    }

    @Test func contextTermsPrefixesAndTypes() throws {
        try expect(
            """
            {
              "@context": {
                "skos": "http://www.w3.org/2004/02/skos/core#",
                "label": "skos:prefLabel",
                "broader": {"@id": "skos:broader", "@type": "@id"}
              },
              "@id": "http://e/c1",
              "@type": "skos:Concept",
              "label": "One",
              "broader": "http://e/c0",
              "skos:notation": "1"
            }
            """,
            gives: """
                <http://e/c1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> .
                <http://e/c1> <http://www.w3.org/2004/02/skos/core#prefLabel> "One" .
                <http://e/c1> <http://www.w3.org/2004/02/skos/core#broader> <http://e/c0> .
                <http://e/c1> <http://www.w3.org/2004/02/skos/core#notation> "1" .
                """
        )
    }

    @Test func vocabBaseAndDefaultLanguage() throws {
        try expect(
            """
            {"@context": {"@vocab": "http://v/", "@base": "http://b/dir/", "@language": "EN",
                          "plain": {"@id": "http://v/plain", "@language": null}, "kind": {"@type": "@vocab"}},
             "@id": "../x", "@type": "Thing", "name": "Name", "plain": "no tag", "kind": "Other", "unmapped:key": "kept",
             "count": 3}
            """,
            gives: """
                <http://b/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://v/Thing> .
                <http://b/x> <http://v/name> "Name"@en .
                <http://b/x> <http://v/plain> "no tag" .
                <http://b/x> <http://v/kind> <http://v/Other> .
                <http://b/x> <unmapped:key> "kept"@en .
                <http://b/x> <http://v/count> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
                """
        )
    }

    @Test func relativeIDsResolveAgainstTheGivenBase() throws {
        try expect(
            ##"{"@context": {"p": {"@id": "http://e/p", "@type": "@id"}}, "@id": "a/b?q#f", "p": ["../c", "//h/d", "#top"]}"##,
            base: "http://e/x/y",
            gives: """
                <http://e/x/a/b?q#f> <http://e/p> <http://e/c> .
                <http://e/x/a/b?q#f> <http://e/p> <http://h/d> .
                <http://e/x/a/b?q#f> <http://e/p> <http://e/x/y#top> .
                """
        )
    }

    @Test func nativeNumbersAndBooleans() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/", "d": {"@type": "http://www.w3.org/2001/XMLSchema#double"}},
             "@id": "http://e/s", "i": [5, -0, 1.0, 1e3, 123456789012345678901], "f": [1.1, -2.5e-7, 1e21], "b": [true, false],
             "d": 5, "big": 1234567890123456789012}
            """#,
            gives: """
                <http://e/s> <http://v/i> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .
                <http://e/s> <http://v/i> "0"^^<http://www.w3.org/2001/XMLSchema#integer> .
                <http://e/s> <http://v/i> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
                <http://e/s> <http://v/i> "1000"^^<http://www.w3.org/2001/XMLSchema#integer> .
                <http://e/s> <http://v/i> "123456789012345678901"^^<http://www.w3.org/2001/XMLSchema#integer> .
                <http://e/s> <http://v/f> "1.1E0"^^<http://www.w3.org/2001/XMLSchema#double> .
                <http://e/s> <http://v/f> "-2.5E-7"^^<http://www.w3.org/2001/XMLSchema#double> .
                <http://e/s> <http://v/f> "1.0E21"^^<http://www.w3.org/2001/XMLSchema#double> .
                <http://e/s> <http://v/b> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
                <http://e/s> <http://v/b> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .
                <http://e/s> <http://v/d> "5.0E0"^^<http://www.w3.org/2001/XMLSchema#double> .
                <http://e/s> <http://v/big> "1.2345678901234568E21"^^<http://www.w3.org/2001/XMLSchema#double> .
                """
        )
    }

    @Test func valueObjectsAndJSONLiterals() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/", "xsd": "http://www.w3.org/2001/XMLSchema#", "j": {"@type": "@json"}},
             "@id": "http://e/s",
             "v": [{"@value": "chat", "@language": "fr-BE"}, {"@value": "2024-01-01", "@type": "xsd:date"},
                   {"@value": 7, "@type": "xsd:decimal"}, {"@value": null}, {"@value": "x", "@index": "ignored"}],
             "j": {"b": [1, 2.5, "\u00e9"], "a": null}}
            """#,
            gives: """
                <http://e/s> <http://v/v> "chat"@fr-be .
                <http://e/s> <http://v/v> "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
                <http://e/s> <http://v/v> "7"^^<http://www.w3.org/2001/XMLSchema#decimal> .
                <http://e/s> <http://v/v> "x" .
                <http://e/s> <http://v/j> "{\\"a\\":null,\\"b\\":[1,2.5,\\"é\\"]}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .
                """
        )
    }

    @Test func listsSetsAndListsOfLists() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/", "ordered": {"@container": "@list"}, "bag": {"@container": "@set"}},
             "@id": "http://e/s", "ordered": ["a", ["b", "c"]], "empty": {"@list": []}, "bag": ["x", {"@set": ["y"]}],
             "explicit": {"@list": [{"@id": "http://e/o"}]}}
            """#,
            gives: """
                <http://e/s> <http://v/ordered> _:l1 .
                _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "a" .
                _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
                _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:inner1 .
                _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
                _:inner1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "b" .
                _:inner1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:inner2 .
                _:inner2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "c" .
                _:inner2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
                <http://e/s> <http://v/empty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
                <http://e/s> <http://v/bag> "x" .
                <http://e/s> <http://v/bag> "y" .
                <http://e/s> <http://v/explicit> _:e1 .
                _:e1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://e/o> .
                _:e1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
                """
        )
    }

    @Test func languageMapsAndIndexMaps() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/", "label": {"@container": "@language"}, "byIndex": {"@container": "@index"},
                          "byID": {"@container": "@id"}, "byType": {"@container": "@type"}},
             "@id": "http://e/s",
             "label": {"en": "Asset", "nl": ["Activum", "Bezit"], "@none": "untagged"},
             "byIndex": {"one": "v1", "two": {"@id": "http://e/two"}},
             "byID": {"http://e/n1": {"name": "N1"}},
             "byType": {"http://v/T": {"@id": "http://e/t1"}}}
            """#,
            gives: """
                <http://e/s> <http://v/label> "Asset"@en .
                <http://e/s> <http://v/label> "Activum"@nl .
                <http://e/s> <http://v/label> "Bezit"@nl .
                <http://e/s> <http://v/label> "untagged" .
                <http://e/s> <http://v/byIndex> "v1" .
                <http://e/s> <http://v/byIndex> <http://e/two> .
                <http://e/s> <http://v/byID> <http://e/n1> .
                <http://e/n1> <http://v/name> "N1" .
                <http://e/s> <http://v/byType> <http://e/t1> .
                <http://e/t1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://v/T> .
                """
        )
    }

    @Test func reversePropertiesNestedNodesAndBlankNodes() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/", "isPartOf": {"@reverse": "http://v/hasPart"}},
             "@id": "_:doc",
             "author": {"name": "Ann", "knows": {"@id": "_:doc"}},
             "isPartOf": {"@id": "http://e/whole"},
             "@reverse": {"cites": [{"@id": "http://e/other"}, {"title": "anonymous"}]}}
            """#,
            gives: """
                _:d <http://v/author> _:a .
                _:a <http://v/name> "Ann" .
                _:a <http://v/knows> _:d .
                <http://e/whole> <http://v/hasPart> _:d .
                <http://e/other> <http://v/cites> _:d .
                _:c <http://v/cites> _:d .
                _:c <http://v/title> "anonymous" .
                """
        )
    }

    @Test func namedAndDefaultGraphs() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/"},
             "@graph": [
               {"@id": "http://e/g1", "created": "today", "@graph": [{"@id": "http://e/s", "p": "in g1"}]},
               {"@id": "http://e/s", "p": "in default"},
               {"@graph": {"@id": "http://e/s", "p": "in a blank graph"}},
               {"@id": "http://e/onlyReference"},
               "free-floating string"
             ]}
            """#,
            gives: """
                <http://e/g1> <http://v/created> "today" .
                <http://e/s> <http://v/p> "in g1" <http://e/g1> .
                <http://e/s> <http://v/p> "in default" .
                <http://e/s> <http://v/p> "in a blank graph" _:g .
                """
        )
    }

    @Test func graphContainersAndIncludedAndNest() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/", "claims": {"@container": "@graph"},
                          "byGraph": {"@container": ["@graph", "@id"]}, "meta": "@nest"},
             "@id": "http://e/s",
             "claims": {"@id": "http://e/x", "says": "hi"},
             "byGraph": {"http://e/g": {"@id": "http://e/y", "says": "yo"}},
             "meta": {"note": "nested"},
             "@included": [{"@id": "http://e/inc", "p": "included"}]}
            """#,
            gives: """
                <http://e/s> <http://v/claims> _:g .
                <http://e/x> <http://v/says> "hi" _:g .
                <http://e/s> <http://v/byGraph> <http://e/g> .
                <http://e/y> <http://v/says> "yo" <http://e/g> .
                <http://e/s> <http://v/note> "nested" .
                <http://e/inc> <http://v/p> "included" .
                """
        )
    }

    @Test func scopedContexts() throws {
        try expect(
            #"""
            {"@context": {"@vocab": "http://v/",
                          "address": {"@context": {"@vocab": "http://addr/"}},
                          "Person": {"@id": "http://v/Person", "@context": {"name": "http://person/name"}}},
             "@id": "http://e/p", "@type": "Person", "name": "Ann",
             "address": {"street": "Main", "name": "home"},
             "friend": {"name": "Bob"}}
            """#,
            gives: """
                <http://e/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://v/Person> .
                <http://e/p> <http://person/name> "Ann" .
                <http://e/p> <http://v/address> _:a .
                _:a <http://addr/street> "Main" .
                _:a <http://addr/name> "home" .
                <http://e/p> <http://v/friend> _:f .
                _:f <http://v/name> "Bob" .
                """
        )
    }

    @Test func contextArraysNullAndLaterContextsOverride() throws {
        try expect(
            #"""
            [{"@context": [{"@vocab": "http://one/"}, {"x": "http://two/x"}], "@id": "http://e/a", "x": 1, "y": 2},
             {"@context": [{"@vocab": "http://one/"}, null], "@id": "http://e/b", "y": "dropped", "http://full/p": "kept"}]
            """#,
            gives: """
                <http://e/a> <http://two/x> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
                <http://e/a> <http://one/y> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .
                <http://e/b> <http://full/p> "kept" .
                """
        )
    }

    @Test func blankNodeLabelsAreFreshPerDocument() throws {
        let json = #"{"@id": "_:mine", "http://v/p": {"@id": "_:other"}, "http://v/q": {"@id": "_:mine"}}"#
        let quads = try JSONLDParser.parse(Array(json.utf8), blankNodePrefix: "doc1_")
        #expect(quads.count == 2)
        #expect(quads.allSatisfy { $0.subject == .blankNode(BlankNode("doc1_0")) })
        #expect(quads.contains { $0.object == .blankNode(BlankNode("doc1_1")) })
        #expect(quads.contains { $0.object == .blankNode(BlankNode("doc1_0")) })
    }

    @Test func aContextOnlyDocumentHasNoTriples() throws {
        #expect(try parseJSONLD(#"{"@context": {"skos": "http://www.w3.org/2004/02/skos/core#", "x": {"@id": "skos:x"}}}"#).isEmpty)
        #expect(try parseJSONLD("[]").isEmpty)
        #expect(try parseJSONLD("{}").isEmpty)
    }

    @Test func stringEscapesAndUnicode() throws {
        let quads = try parseJSONLD(#"{"@id": "http://e/s", "http://e/p": "tab\t quote\" slash\/ \u00e9 \ud83d\ude00 \u2028"}"#)
        #expect(quads.first?.object == .string("tab\t quote\" slash/ é 😀 \u{2028}"))
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"@id": "http://e/s", "http://e/p": "x"}"#.utf8)
        #expect(try JSONLDParser.parse(bom).count == 1)
    }

    /// The JSON limit (256 levels) also bounds the recursion of expansion and RDF conversion: the deepest document
    /// allowed must not exhaust a task's stack.
    @Test func theDeepestAllowedDocumentParses() async throws {
        var json = #"{"@id": "http://e/leaf"}"#
        for level in 0..<127 {
            let context = level == 126 ? #""@context": {"p": {"@id": "http://e/p", "@container": "@list"}}, "# : ""
            json = #"{\#(context)"p": [\#(json)]}"#
        }
        let quads = try await Task.detached { try parseJSONLD(json) }.value
        #expect(quads.count == 127 * 3)
    }
}
