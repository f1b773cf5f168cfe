import RDF
import Testing
@testable import SPARQL

/// SPARQL 1.1 Update forms.
@Suite struct ParserUpdateTests {
    let spo = GraphPattern.bgp([P.t(P.v("s"), P.i("p"), P.v("o"))])

    @Test func dataOperations() throws {
        let update = try P.update("INSERT DATA { :a :b _:x . GRAPH :g { _:x :c 1 } } ; DELETE DATA { :a :b :c }")
        let node = Term.blankNode(BlankNode("b1"))
        #expect(update.operations == [
            .insertData([Quad(.iri(P.iri("a")), .iri(P.iri("b")), node), Quad(node, .iri(P.iri("c")), P.int("1"), graph: .iri(P.iri("g")))]),
            .deleteData([Quad(.iri(P.iri("a")), .iri(P.iri("b")), .iri(P.iri("c")))]),
        ])
        #expect(P.updateError("DELETE DATA { _:a <p> <o> }")?.hasSuffix("blank nodes are not allowed in DELETE DATA") == true)
        #expect(P.updateError("INSERT DATA { ?s <p> <o> }")?.hasSuffix("variables are not allowed in INSERT DATA") == true)
        let shared = P.updateError("INSERT DATA { _:b <p> <o> } ; INSERT DATA { _:b <p> <o> }")
        #expect(shared?.contains("already used by an earlier INSERT DATA") == true)
    }

    @Test func deleteWhereIsTemplateAndPattern() throws {
        let update = try P.update("DELETE WHERE { ?s :p ?o GRAPH ?g { ?o :q ?z } }")
        let pattern = GraphPattern.join(spo, .graph(name: P.v("g"), .bgp([P.t(P.v("o"), P.i("q"), P.v("z"))])))
        #expect(update.operations == [.deleteInsert(
            delete: [QuadPattern(P.v("s"), P.i("p"), P.v("o")), QuadPattern(P.v("o"), P.i("q"), P.v("z"), graph: .variable(Variable("g")))],
            insert: [], using: nil, pattern: pattern)])
        #expect(P.updateError("DELETE WHERE { _:a <p> <o> }")?.hasSuffix("blank nodes are not allowed in DELETE WHERE") == true)
    }

    @Test func withSetsTheTemplatesGraphAndTheDefaultGraphOfTheWhereClause() throws {
        let update = try P.update("WITH :g DELETE { ?s :p ?o } INSERT { GRAPH :h { ?s :q [] } } WHERE { ?s :p ?o }")
        var dataset = QueryDataset(defaultGraphs: [P.iri("g")])
        dataset.inheritsNamedGraphs = true
        #expect(update.operations == [.deleteInsert(
            delete: [QuadPattern(P.v("s"), P.i("p"), P.v("o"), graph: .iri(P.iri("g")))],
            insert: [QuadPattern(P.v("s"), P.i("q"), .term(.blankNode(BlankNode("b1"))), graph: .iri(P.iri("h")))],
            using: dataset, pattern: spo)])
    }

    @Test func usingReplacesTheDatasetWhateverWithSays() throws {
        let update = try P.update("WITH :g INSERT { ?s :p ?o } USING :d USING NAMED :n WHERE { ?s :p ?o }")
        #expect(update.operations == [.deleteInsert(
            delete: [], insert: [QuadPattern(P.v("s"), P.i("p"), P.v("o"), graph: .iri(P.iri("g")))],
            using: QueryDataset(defaultGraphs: [P.iri("d")], namedGraphs: [P.iri("n")]), pattern: spo)])
        #expect(P.updateError("DELETE { <s> <p> [] } WHERE { ?x <p> <o> }")?.hasSuffix("blank nodes are not allowed in a DELETE template") == true)
    }

    @Test func graphManagementOperations() throws {
        let update = try P.update("""
            LOAD <http://x/doc> ; LOAD SILENT <http://x/doc> INTO GRAPH :g ;
            CLEAR GRAPH :g ; CLEAR SILENT DEFAULT ; DROP NAMED ; DROP SILENT ALL ;
            CREATE GRAPH :g ; ADD :a TO DEFAULT ; MOVE SILENT DEFAULT TO GRAPH :b ; COPY GRAPH :a TO :b
            """)
        let a = GraphName.iri(P.iri("a"))
        let b = GraphName.iri(P.iri("b"))
        #expect(update.operations == [
            .load(silent: false, source: IRI("http://x/doc"), destination: .defaultGraph),
            .load(silent: true, source: IRI("http://x/doc"), destination: .iri(P.iri("g"))),
            .clear(silent: false, target: .graph(P.iri("g"))), .clear(silent: true, target: .defaultGraph),
            .drop(silent: false, target: .allNamed), .drop(silent: true, target: .all), .create(silent: false, graph: P.iri("g")),
            .add(silent: false, from: a, to: .defaultGraph), .move(silent: true, from: .defaultGraph, to: b), .copy(silent: false, from: a, to: b),
        ])
    }

    @Test func operationsAreSeparatedBySemicolonsWithProloguesBetween() throws {
        let update = try SPARQLParser.parseUpdate("BASE <http://a/> CREATE GRAPH <g> ; BASE <http://b/> PREFIX p: <x/> CREATE GRAPH p:y ;")
        #expect(update.operations == [.create(silent: false, graph: IRI("http://a/g")), .create(silent: false, graph: IRI("http://b/x/y"))])
        #expect(update.baseIRI == "http://b/")
        #expect(try SPARQLParser.parseUpdate("# nothing\nPREFIX p: <x>").operations.isEmpty)
        #expect(P.updateError("CREATE GRAPH <g> ;; CREATE GRAPH <h>") != nil)
        #expect(P.updateError("CREATE GRAPH <g> CREATE GRAPH <h>")?.hasSuffix("expected ';' or the end of the update, found 'CREATE'") == true)
        #expect(P.updateError("INSERT WHERE { ?s ?p ?o }") != nil)
    }

    @Test func templateBlankNodesMayRepeatAcrossOperations() throws {
        let update = try P.update("INSERT { :a :b _:x } WHERE {} ; INSERT { :c :d _:x } WHERE {}")
        #expect(update.operations.count == 2)
    }
}
