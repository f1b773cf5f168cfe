import RDF
import Testing

@testable import SPARQL

/// Update shapes from `Benchmarks/shapes.py` (issue 15): deleting many quads at once, whether earlier operations of the
/// same request added them (each deletion once scanned every added quad: N²) or the base holds them (DROP looked each
/// one up again). The answers must stay those of one deletion at a time.
@Suite("Update: deleting many quads")
struct UpdateShapeTests {
    static let ex = Notation.namespace
    static let lines = [":a :p 1 :g", ":b :p 2 :g", ":c :p 3", ":d :p 4 :h"]
    static let base = dataset(lines.joined(separator: "\n"))
    /// The base's quads, by line.
    static let baseQuads: [Quad] = lines.map { line in
        let parts = line.split(separator: " ").map { Notation.term(String($0)) }
        return Quad(parts[0], parts[1], parts[2], graph: parts.count > 3 ? GraphName(parts[3]) ?? .defaultGraph : .defaultGraph)
    }

    static func changes(_ text: String) throws -> (deletions: Set<Quad>, insertions: Set<Quad>) {
        let (deletions, insertions) = try UpdateExecutor().changes(for: try SPARQLParser.parseUpdate(text), in: base)
        #expect(Set(deletions).count == deletions.count && Set(insertions).count == insertions.count)
        return (Set(deletions), Set(insertions))
    }

    static func quads(_ count: Int, graph: String) -> String {
        (0..<count).map { "<http://ex/s\($0)> <http://ex/p> \($0) ." }.joined(separator: " ").wrapped(graph)
    }

    @Test("Quads inserted then dropped, deleted or moved away in the same request leave no net change")
    func addedThenDeleted() throws {
        let many = Self.quads(5_000, graph: "http://ex/n")
        #expect(try Self.changes("INSERT DATA { \(many) } ; DROP GRAPH <http://ex/n>") == ([], []))
        #expect(try Self.changes("INSERT DATA { \(many) } ; DELETE DATA { \(many) }") == ([], []))
        #expect(try Self.changes("INSERT DATA { \(many) } ; DELETE WHERE { GRAPH <http://ex/n> { ?s ?p ?o } }") == ([], []))
        let moved = try Self.changes("INSERT DATA { \(many) } ; MOVE <http://ex/n> TO <http://ex/m>")
        #expect(moved.deletions.isEmpty && moved.insertions.count == 5_000)
        #expect(moved.insertions.allSatisfy { $0.graph == GraphName(.iri(IRI("http://ex/m"))) })
    }

    @Test("DROP, CLEAR and MOVE of base graphs remove exactly their quads, mixed with quads added before")
    func baseGraphs() throws {
        let g = GraphName(.iri(IRI(Self.ex + "g")))
        let dropped = try Self.changes("PREFIX : <\(Self.ex)> INSERT DATA { GRAPH :g { :e :p 5 } } ; DROP GRAPH :g")
        #expect(dropped.insertions.isEmpty)
        #expect(dropped.deletions == Set(Self.baseQuads.filter { $0.graph == g }))
        let cleared = try Self.changes("PREFIX : <\(Self.ex)> CLEAR ALL ; INSERT DATA { :e :p 5 }")
        #expect(cleared.deletions == Set(Self.baseQuads) && cleared.insertions.count == 1)
        let moved = try Self.changes("PREFIX : <\(Self.ex)> MOVE :g TO :h")
        #expect(moved.deletions.count == 3 && moved.insertions.count == 2)
        // Deleting the same quad twice in one operation removes it once.
        let twice = try Self.changes("PREFIX : <\(Self.ex)> DELETE DATA { :c :p 3 . :c :p 3 }")
        #expect(twice.deletions.count == 1 && twice.insertions.isEmpty)
    }

    @Test("A collection of 20,000 items in INSERT DATA becomes one rdf:first/rdf:rest chain of 40,000 quads")
    func longCollection() throws {
        let items = (0..<20_000).map(String.init).joined(separator: " ")
        let (deletions, insertions) = try Self.changes("INSERT DATA { <http://ex/list> <http://ex/p> (\(items)) }")
        #expect(deletions.isEmpty && insertions.count == 40_001)
        // Walk the chain from the head: every item once, in order, ending at rdf:nil.
        var first: [Term: Term] = [:], rest: [Term: Term] = [:]
        for quad in insertions where quad.predicate == .iri(RDFVocabulary.first) { first[quad.subject] = quad.object }
        for quad in insertions where quad.predicate == .iri(RDFVocabulary.rest) { rest[quad.subject] = quad.object }
        var node = try #require(insertions.first { $0.subject == .iri(IRI("http://ex/list")) }?.object)
        var walked = 0
        while node != .iri(RDFVocabulary.nil), walked <= 20_000 {
            #expect(first[node] == .literal(Literal(String(walked), datatype: XSD.integer)))
            node = try #require(rest[node])
            walked += 1
        }
        #expect(walked == 20_000)
    }

    /// An update whose change takes longer to build than its deadline allows: 50,000 quads of data, a CLEAR of them, a
    /// copy of them, and a template of 1,000 quads instantiated for 200 solutions.
    static let slowUpdates = [
        "INSERT DATA { \(quads(50_000, graph: "http://ex/n")) }",
        "INSERT DATA { <http://ex/list> <http://ex/p> (\((0..<25_000).map(String.init).joined(separator: " "))) }",
        "INSERT DATA { \(quads(20_000, graph: "http://ex/n")) } ; CLEAR ALL ; COPY <http://ex/g> TO <http://ex/h>",
        "INSERT { " + (0..<1_000).map { "<http://ex/s> <http://ex/p\($0)> ?o ." }.joined(separator: " ") + " } WHERE { VALUES ?o { "
            + (0..<200).map(String.init).joined(separator: " ") + " } }",
    ]

    @Test("The deadline covers building an update's change, so a slow one stops before the store commits it", arguments: slowUpdates)
    func deadlineCoversTheChange(_ text: String) throws {
        let update = try SPARQLParser.parseUpdate(text)
        // Building each change takes seconds in a debug build: the deadline passes while it is being built.
        let executor = UpdateExecutor(options: QueryOptions(deadline: .now + .milliseconds(100)))
        #expect(throws: QueryEvaluationError.timeout) { _ = try executor.changes(for: update, in: Self.base) }
    }
}

extension String {
    fileprivate func wrapped(_ graph: String) -> String { "GRAPH <\(graph)> { \(self) }" }
}
