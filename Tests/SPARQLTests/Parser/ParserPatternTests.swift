import RDF
import Testing
@testable import SPARQL

/// The §18.2.2 translation of group graph patterns.
@Suite struct ParserPatternTests {
    typealias E = SPARQL.Expression

    @Test func filtersApplyToTheWholeGroupAndDoNotSplitTheBasicGraphPattern() throws {
        let pattern = try P.wherePattern("{ ?s :p ?o FILTER(?o > 1) ?s :q ?z FILTER(?z) }")
        let bgp = GraphPattern.bgp([P.t(P.v("s"), P.i("p"), P.v("o")), P.t(P.v("s"), P.i("q"), P.v("z"))])
        #expect(pattern == .filter(.and(.greater(P.ev("o"), P.eint("1")), P.ev("z")), bgp))
    }

    @Test func aFilterInANestedGroupStaysThere() throws {
        let pattern = try P.wherePattern("{ ?s :p ?o { ?s :q ?z FILTER(?z) } }")
        let inner = GraphPattern.filter(P.ev("z"), .bgp([P.t(P.v("s"), P.i("q"), P.v("z"))]))
        #expect(pattern == .join(.bgp([P.t(P.v("s"), P.i("p"), P.v("o"))]), inner))
    }

    @Test func optionalTakesTheFilterOfItsGroup() throws {
        let pattern = try P.wherePattern("{ ?s :p ?o OPTIONAL { ?s :q ?z FILTER(?z = ?o) } OPTIONAL { ?s :r ?w } }")
        let first = GraphPattern.leftJoin(
            .bgp([P.t(P.v("s"), P.i("p"), P.v("o"))]), .bgp([P.t(P.v("s"), P.i("q"), P.v("z"))]), filter: .equal(P.ev("z"), P.ev("o")))
        #expect(pattern == .leftJoin(first, .bgp([P.t(P.v("s"), P.i("r"), P.v("w"))]), filter: nil))
    }

    @Test func anOptionalFirstInTheGroupJoinsTheEmptyPattern() throws {
        #expect(try P.wherePattern("{ OPTIONAL { ?s :p ?o } }") == .leftJoin(.empty, .bgp([P.t(P.v("s"), P.i("p"), P.v("o"))]), filter: nil))
    }

    @Test func emptyGroupsDisappearFromJoins() throws {
        #expect(try P.wherePattern("{ {} ?s :p ?o {} }") == .bgp([P.t(P.v("s"), P.i("p"), P.v("o"))]))
        #expect(try P.wherePattern("{ }") == .empty)
    }

    @Test func bindEndsTheBasicGraphPatternAndExtends() throws {
        let pattern = try P.wherePattern("{ ?s :p ?o BIND(STR(?o) AS ?x) ?s :q ?x }")
        let extended = GraphPattern.extend(
            .bgp([P.t(P.v("s"), P.i("p"), P.v("o"))]), variable: Variable("x"), expression: .builtIn(.str, [P.ev("o")]))
        #expect(pattern == .join(extended, .bgp([P.t(P.v("s"), P.i("q"), P.v("x"))])))
    }

    @Test func bindMayNotAssignAVariableInScope() {
        #expect(P.queryError("SELECT * { ?s ?p ?o BIND(1 AS ?o) }")?.hasSuffix("BIND cannot assign ?o: it is already in scope in this group") == true)
        #expect(P.queryError("SELECT * { { ?s ?p ?o } BIND(1 AS ?o) }") != nil)
        #expect(P.queryError("SELECT * { ?s ?p ?o { BIND(1 AS ?o) } }") == nil)
        #expect(P.queryError("SELECT * { BIND(1 AS ?o) ?s ?p ?o }") == nil)
    }

    @Test func unionIsLeftAssociativeAndMinusKeepsItsLeft() throws {
        let a = GraphPattern.bgp([P.t(P.v("s"), P.i("a"), P.v("o"))])
        let b = GraphPattern.bgp([P.t(P.v("s"), P.i("b"), P.v("o"))])
        let c = GraphPattern.bgp([P.t(P.v("s"), P.i("c"), P.v("o"))])
        #expect(try P.wherePattern("{ { ?s :a ?o } UNION { ?s :b ?o } UNION { ?s :c ?o } }") == .union(.union(a, b), c))
        #expect(try P.wherePattern("{ ?s :a ?o MINUS { ?s :b ?o } }") == .minus(a, b))
    }

    @Test func graphServiceAndInlineValues() throws {
        let pattern = try P.wherePattern("{ GRAPH ?g { ?s :a ?o } SERVICE SILENT :endpoint { ?s :b ?o } VALUES (?o ?x) { (1 UNDEF) (:z 2) } }")
        let graph = GraphPattern.graph(name: P.v("g"), .bgp([P.t(P.v("s"), P.i("a"), P.v("o"))]))
        let service = GraphPattern.service(name: P.i("endpoint"), .bgp([P.t(P.v("s"), P.i("b"), P.v("o"))]), silent: true)
        let values = GraphPattern.values(variables: [Variable("o"), Variable("x")], rows: [[P.int("1"), nil], [.iri(P.iri("z")), P.int("2")]])
        #expect(pattern == .join(.join(graph, service), values))
    }

    @Test func subqueriesAreProjected() throws {
        let pattern = try P.wherePattern("{ ?s :a ?o { SELECT ?s WHERE { ?s :b ?z } LIMIT 1 } }")
        let subquery = GraphPattern.slice(.project(.bgp([P.t(P.v("s"), P.i("b"), P.v("z"))]), [Variable("s")]), offset: 0, limit: 1)
        #expect(pattern == .join(.bgp([P.t(P.v("s"), P.i("a"), P.v("o"))]), subquery))
    }

    @Test func blankNodesBecomeGeneratedVariablesScopedToOneBasicGraphPattern() throws {
        let pattern = try P.wherePattern("{ _:a :p [ :q ?o ] . _:a :r _:a FILTER(true) _:a :s () }")
        #expect(pattern == .filter(.term(.literal(Literal("true", datatype: XSD.boolean))), .bgp([
            P.t(P.g(1), P.i("p"), P.g(2)), P.t(P.g(2), P.i("q"), P.v("o")), P.t(P.g(1), P.i("r"), P.g(1)),
            P.t(P.g(1), P.i("s"), .term(.iri(RDFVocabulary.nil))),
        ])))
        let reused = P.queryError("SELECT * { _:a ?p ?o OPTIONAL { _:a ?q ?z } }")
        #expect(reused?.contains("'_:a' is already used in another basic graph pattern") == true)
        #expect(P.queryError("SELECT * { _:a ?p ?o BIND(1 AS ?z) _:a ?q ?z }") != nil)
    }

    @Test func collectionsExpandToFirstAndRest() throws {
        let first = TermPattern.term(.iri(RDFVocabulary.first))
        let rest = TermPattern.term(.iri(RDFVocabulary.rest))
        let pattern = try P.wherePattern("{ ?s :p (1 ?x) }")
        #expect(pattern == .bgp([
            P.t(P.v("s"), P.i("p"), P.g(1)), P.t(P.g(1), first, .term(P.int("1"))), P.t(P.g(1), rest, P.g(2)),
            P.t(P.g(2), first, P.v("x")), P.t(P.g(2), rest, .term(.iri(RDFVocabulary.nil))),
        ]))
    }

    @Test func simplePathsAreTriplesAndOthersArePathPatterns() throws {
        #expect(try P.wherePattern("{ ?s (:p) ?o }") == .bgp([P.t(P.v("s"), P.i("p"), P.v("o"))]))
        #expect(try P.wherePattern("{ ?s ^:p ?o }") == .bgp([P.t(P.v("o"), P.i("p"), P.v("s"))]))
        #expect(try P.wherePattern("{ ?s a/^:p ?o }") == .bgp([P.t(P.v("s"), P.type, P.g(1)), P.t(P.v("o"), P.i("p"), P.g(1))]))
        #expect(try P.wherePattern("{ ?s :p* ?o }") == .path(subject: P.v("s"), path: .zeroOrMore(.predicate(P.iri("p"))), object: P.v("o")))
        let p = PropertyPath.predicate(P.iri("p"))
        let q = PropertyPath.predicate(P.iri("q"))
        #expect(try P.wherePattern("{ ?s :p|:q ?o }") == .path(subject: P.v("s"), path: .alternative(p, q), object: P.v("o")))
        let negated = PropertyPath.negatedPropertySet(forward: [P.iri("p")], inverse: [RDFVocabulary.type])
        #expect(try P.wherePattern("{ ?s !(:p|^a) ?o }") == .path(subject: P.v("s"), path: negated, object: P.v("o")))
        #expect(try P.wherePattern("{ ?s ^(:p/:q) ?o }") == .path(subject: P.v("s"), path: .inverse(.sequence(p, q)), object: P.v("o")))
    }

    @Test func pathPatternsSplitAdjacentTriplesIntoBasicGraphPatterns() throws {
        let pattern = try P.wherePattern("{ ?a :p ?b . ?b :q+ ?c . ?c :r/:s? ?d }")
        let expected = GraphPattern.join(
            .join(
                .join(
                    .bgp([P.t(P.v("a"), P.i("p"), P.v("b"))]),
                    .path(subject: P.v("b"), path: .oneOrMore(.predicate(P.iri("q"))), object: P.v("c"))),
                .bgp([P.t(P.v("c"), P.i("r"), P.g(1))])),
            .path(subject: P.g(1), path: .zeroOrOne(.predicate(P.iri("s"))), object: P.v("d")))
        #expect(pattern == expected)
    }

    @Test func existsAndNotExists() throws {
        let inner = GraphPattern.bgp([P.t(P.v("s"), P.i("q"), P.v("z"))])
        let pattern = try P.wherePattern("{ ?s :p ?o FILTER(EXISTS { ?s :q ?z } && NOT EXISTS { ?s :q ?z }) }")
        #expect(pattern == .filter(.and(.exists(inner), .not(.exists(inner))), .bgp([P.t(P.v("s"), P.i("p"), P.v("o"))])))
    }
}
