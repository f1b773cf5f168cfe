import RDF
import Testing
@testable import SPARQL

/// Query forms, solution modifiers and aggregates (§18.2.4–5).
@Suite struct ParserQueryTests {
    typealias E = SPARQL.Expression
    let spo = GraphPattern.bgp([P.t(P.v("s"), P.i("p"), P.v("o"))])

    @Test func aggregatesBecomeGroupThenHavingThenSelectExpressions() throws {
        let query = try P.query("SELECT ?s (COUNT(?o) AS ?c) (SUM(?o) * 2 AS ?d) WHERE { ?s :p ?o } GROUP BY ?s HAVING (COUNT(?o) > 1)")
        let agg1 = Variable.generated(1, hint: "agg")
        let agg2 = Variable.generated(2, hint: "agg")
        let group = GraphPattern.group(spo, variables: [Variable("s")], aggregates: [
            GroupAggregate(agg1, AggregateExpression(.count, P.ev("o"))), GroupAggregate(agg2, AggregateExpression(.sum, P.ev("o"))),
        ])
        let having = GraphPattern.filter(.greater(.variable(agg1), P.eint("1")), group)
        let extended = GraphPattern.extend(.extend(having, variable: Variable("c"), expression: .variable(agg1)),
                                           variable: Variable("d"), expression: .multiply(.variable(agg2), P.eint("2")))
        #expect(query.pattern == .project(extended, [Variable("s"), Variable("c"), Variable("d")]))
        #expect(query.form == .select)
    }

    @Test func aggregatesWithoutGroupByGroupImplicitly() throws {
        let query = try P.query("SELECT (COUNT(DISTINCT *) AS ?n) (GROUP_CONCAT(?o; SEPARATOR=', ') AS ?all) { ?s :p ?o }")
        let agg1 = Variable.generated(1, hint: "agg")
        let agg2 = Variable.generated(2, hint: "agg")
        let group = GraphPattern.group(spo, variables: [], aggregates: [
            GroupAggregate(agg1, AggregateExpression(.count, nil, distinct: true)),
            GroupAggregate(agg2, AggregateExpression(.groupConcat(separator: ", "), P.ev("o"))),
        ])
        let extended = GraphPattern.extend(.extend(group, variable: Variable("n"), expression: .variable(agg1)),
                                           variable: Variable("all"), expression: .variable(agg2))
        #expect(query.pattern == .project(extended, [Variable("n"), Variable("all")]))
    }

    @Test func groupByExpressionsExtendBeforeGrouping() throws {
        let query = try P.query("SELECT ?k (SAMPLE(?o) AS ?x) { ?s :p ?o } GROUP BY (STR(?s) AS ?k) LCASE(?o)")
        let group1 = Variable.generated(1, hint: "group")
        let agg1 = Variable.generated(1, hint: "agg")
        let extended = GraphPattern.extend(.extend(spo, variable: Variable("k"), expression: .builtIn(.str, [P.ev("s")])),
                                           variable: group1, expression: .builtIn(.lcase, [P.ev("o")]))
        let aggregates = [GroupAggregate(agg1, AggregateExpression(.sample, P.ev("o")))]
        let group = GraphPattern.group(extended, variables: [Variable("k"), group1], aggregates: aggregates)
        #expect(query.pattern == .project(.extend(group, variable: Variable("x"), expression: .variable(agg1)), [Variable("k"), Variable("x")]))
    }

    @Test func aggregateQueriesMayOnlyProjectGroupedVariables() {
        #expect(P.queryError("SELECT ?o { ?s ?p ?o } GROUP BY ?s")?.contains("?o is neither grouped nor aggregated") == true)
        #expect(P.queryError("SELECT * { ?s ?p ?o } GROUP BY ?s")?.contains("SELECT * is not allowed") == true)
        #expect(P.queryError("SELECT ((?o + 1) AS ?x) { ?s ?p ?o } GROUP BY (?o + 1)") != nil)
        #expect(P.queryError("SELECT (COUNT(*) AS ?c) (?c + 1 AS ?d) { ?s ?p ?o }") == nil)
    }

    @Test func aggregatesAreRefusedOutsideSelectHavingAndOrderBy() {
        #expect(P.queryError("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }")?.contains("aggregate COUNT is not allowed here") == true)
        #expect(P.queryError("SELECT (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY (COUNT(?o))") != nil)
        #expect(P.queryError("SELECT (SUM(COUNT(?o)) AS ?c) { ?s ?p ?o }") != nil)
        #expect(P.queryError("SELECT * { BIND(MAX(?o) AS ?m) }") != nil)
    }

    @Test func selectExpressionsMayNotReassign() {
        #expect(P.queryError("SELECT (1 AS ?x) (2 AS ?x) {}")?.hasSuffix("SELECT cannot assign ?x: it is already in scope") == true)
        #expect(P.queryError("SELECT (1 AS ?o) { ?s ?p ?o }") != nil)
        #expect(P.queryError("SELECT (1 AS ?X) { SELECT (2 AS ?X) {} }") != nil)
    }

    @Test func solutionModifiersWrapInOrder() throws {
        let query = try P.query("SELECT DISTINCT ?s WHERE { ?s :p ?o } ORDER BY DESC(?o) ?s LIMIT 5 OFFSET 10")
        let ordered = GraphPattern.orderBy(spo, [.descending(P.ev("o")), .ascending(P.ev("s"))])
        #expect(query.pattern == .slice(.distinct(.project(ordered, [Variable("s")])), offset: 10, limit: 5))
        let reduced = try P.query("SELECT REDUCED * { ?s :p ?o } OFFSET 3")
        #expect(reduced.pattern == .slice(.reduced(.project(spo, [Variable("s"), Variable("o")])), offset: 3, limit: nil))
    }

    @Test func selectStarLeavesOutGeneratedVariables() throws {
        let query = try P.query("SELECT * { ?s :p [ :q ?o ] BIND(1 AS ?one) }")
        guard case .project(_, let variables) = query.pattern else { Issue.record("no projection"); return }
        #expect(variables == [Variable("s"), Variable("o"), Variable("one")])
    }

    @Test func trailingValuesJoinBeforeSelectExpressions() throws {
        let query = try P.query("SELECT ?s (?o AS ?x) { ?s :p ?o } VALUES ?s { :a }")
        let values = GraphPattern.values(variables: [Variable("s")], rows: [[.iri(P.iri("a"))]])
        let extended = GraphPattern.extend(.join(spo, values), variable: Variable("x"), expression: P.ev("o"))
        #expect(query.pattern == .project(extended, [Variable("s"), Variable("x")]))
    }

    @Test func constructKeepsTemplateBlankNodes() throws {
        let query = try P.query("CONSTRUCT { ?s :q [ :r ?o ] . _:x :t ?s } WHERE { ?s :p ?o }")
        #expect(query.form == .construct(template: [
            P.t(P.v("s"), P.i("q"), .term(.blankNode(BlankNode("b1")))), P.t(.term(.blankNode(BlankNode("b1"))), P.i("r"), P.v("o")),
            P.t(.term(.blankNode(BlankNode("b2"))), P.i("t"), P.v("s")),
        ]))
        #expect(query.pattern == spo)
    }

    @Test func constructWhereUsesTheTemplateAsPattern() throws {
        let query = try P.query("CONSTRUCT WHERE { ?s :p ?o }")
        #expect(query.form == .construct(template: [P.t(P.v("s"), P.i("p"), P.v("o"))]))
        #expect(query.pattern == spo)
        #expect(P.queryError("CONSTRUCT WHERE { ?s <p> ?o FILTER(true) }") != nil)
    }

    @Test func askAndDescribeForms() throws {
        #expect(try P.query("ASK { ?s :p ?o }") == Query(form: .ask, pattern: spo))
        #expect(try P.query("DESCRIBE :x") == Query(form: .describe([P.i("x")]), pattern: .empty))
        #expect(try P.query("DESCRIBE * WHERE { ?s :p ?o }") == Query(form: .describe([P.v("s"), P.v("o")]), pattern: spo))
        let limited = Query(form: .describe([P.v("s"), P.i("y")]), pattern: .slice(spo, offset: 0, limit: 1))
        #expect(try P.query("DESCRIBE ?s :y { ?s :p ?o } LIMIT 1") == limited)
    }

    @Test func datasetClausesAndBase() throws {
        let query = try SPARQLParser.parseQuery("BASE <http://x.org/a/b> SELECT * FROM <g> FROM NAMED <../h> { ?s <p> ?o }")
        #expect(query.dataset == QueryDataset(defaultGraphs: [IRI("http://x.org/a/g")], namedGraphs: [IRI("http://x.org/h")]))
        #expect(query.baseIRI == "http://x.org/a/b")
        let relative = try SPARQLParser.parseQuery("SELECT * { <#me> <p> ?o }", baseIRI: "http://y.org/doc")
        let resolved = P.t(.term(.iri("http://y.org/doc#me")), .term(.iri("http://y.org/p")), P.v("o"))
        #expect(relative.pattern == .project(.bgp([resolved]), [Variable("o")]))
        #expect(try SPARQLParser.parseQuery("ASK { <rel> ?p ?o }").pattern == .bgp([P.t(.term(.iri("rel")), P.v("p"), P.v("o"))]))
    }

    @Test func literalsKeepTheirLexicalForms() throws {
        let query = try P.query(#"ASK { ?s :p 1, 1.0, 1e0, .5, +1, -1.5, true, FALSE, "a"@EN-gb, 'b'^^:t, """c"d""", '''e\nf''', "\u00e9\t" }"#)
        let objects: [Term] = [
            P.int("1"), .literal(Literal("1.0", datatype: XSD.decimal)), .literal(Literal("1e0", datatype: XSD.double)),
            .literal(Literal(".5", datatype: XSD.decimal)), P.int("+1"), .literal(Literal("-1.5", datatype: XSD.decimal)),
            .literal(Literal("true", datatype: XSD.boolean)), .literal(Literal("false", datatype: XSD.boolean)),
            .literal(Literal("a", language: "en-gb")), .literal(Literal("b", datatype: P.iri("t"))),
            .string("c\"d"), .string("e\nf"), .string("é\t"),
        ]
        #expect(query.pattern == .bgp(objects.map { P.t(P.v("s"), P.i("p"), .term($0)) }))
    }

    @Test func aNumberBeforeADotIsAnInteger() throws {
        #expect(try P.query("ASK { ?s :p 1. ?s :q 1.e1 }").pattern == .bgp([
            P.t(P.v("s"), P.i("p"), .term(P.int("1"))), P.t(P.v("s"), P.i("q"), .term(.literal(Literal("1.e1", datatype: XSD.double)))),
        ]))
    }

    @Test func prefixedNamesAndVariables() throws {
        let query = try SPARQLParser.parseQuery(#"PREFIX e: <http://e/> PREFIX : <http://d/> ASK { e:a\.b%41 :c.d $x . ?x e:: e:1 }"#)
        #expect(query.pattern == .bgp([
            P.t(.term(.iri("http://e/a.b%41")), .term(.iri("http://d/c.d")), P.v("x")),
            P.t(P.v("x"), .term(.iri("http://e/:")), .term(.iri("http://e/1"))),
        ]))
        #expect(P.queryError("ASK { ex:a ?p ?o }")?.hasSuffix("undeclared prefix 'ex:'") == true)
    }

    @Test func expressionsFollowPrecedence() throws {
        let pattern = try P.wherePattern("{ FILTER(?a + ?b * -?c = 3 || !?d && ?e IN (1, 2) && ?f NOT IN () && ?g -1 > 0) }")
        guard case .filter(let condition, _) = pattern else { Issue.record("no filter"); return }
        let sum = E.add(P.ev("a"), .multiply(P.ev("b"), .unaryMinus(P.ev("c"))))
        let right = E.and(.and(.not(P.ev("d")), .in(P.ev("e"), [P.eint("1"), P.eint("2")])), .notIn(P.ev("f"), []))
        let last = E.greater(.subtract(P.ev("g"), P.eint("1")), P.eint("0"))
        #expect(condition == .or(.equal(sum, P.eint("3")), .and(right, last)))
    }

    @Test func builtInsCastsAndArity() throws {
        let pattern = try P.wherePattern(
            "{ FILTER(isURI(URI(?x)) && BOUND(?y) && <http://www.w3.org/2001/XMLSchema#integer>(?z) && COALESCE() && IF(?a, ?b, ?c)) }")
        guard case .filter(let condition, _) = pattern else { Issue.record("no filter"); return }
        let cast = E.function(XSD.integer, [P.ev("z")])
        #expect(condition == .and(.and(.and(.and(.builtIn(.isIRI, [.builtIn(.iri, [P.ev("x")])]), .bound(Variable("y"))), cast), .coalesce([])),
                                  .if(P.ev("a"), P.ev("b"), P.ev("c"))))
        #expect(P.queryError("SELECT * { FILTER(STRLEN(?a, ?b)) }")?.hasSuffix("STRLEN takes 1 argument, found 2") == true)
        #expect(P.queryError("SELECT * { FILTER(REGEX(?a)) }")?.hasSuffix("REGEX takes 2 to 3 arguments, found 1") == true)
        #expect(P.queryError("SELECT * { FILTER(RAND(1)) }") != nil)
        #expect(P.queryError("SELECT * { FILTER(NOW()) }") == nil)
    }

    @Test func keywordsAreCaseInsensitiveExceptA() throws {
        let lower = try SPARQLParser.parseQuery("select * where { ?s a ?o filter(true) }")
        #expect(try lower == SPARQLParser.parseQuery("SELECT * WHERE { ?s a ?o FILTER(TRUE) }"))
        #expect(P.queryError("SELECT * { ?s A ?o }") != nil)
    }
}
