import RDF
import Testing

@testable import SPARQL

@Suite("Evaluator: graph pattern operators")
struct OperatorTests {
    static let people = dataset(
        """
        :alice :name "Alice"
        :alice :knows :bob
        :alice :age 30
        :bob :name "Bob"
        :bob :knows :carol
        :bob :age 25
        :carol :name "Carol"
        :dave :knows :alice
        """)

    @Test("BGP: index nested loop over several triple patterns", arguments: allModes)
    func basicGraphPattern(options: QueryOptions) throws {
        let result = try select(bgp(tp("?x", ":knows", "?y"), tp("?y", ":name", "?n")), ["x", "n"], in: Self.people, options: options)
        #expect(sorted(result) == rows(["x": ":alice", "n": "\"Bob\""], ["x": ":bob", "n": "\"Carol\""], ["x": ":dave", "n": "\"Alice\""]))
    }

    @Test("BGP: a variable repeated in one triple pattern")
    func repeatedVariable() throws {
        let data = dataset(":a :p :a", ":a :p :b", ":b :p :b")
        #expect(sorted(try select(bgp(tp("?x", ":p", "?x")), ["x"], in: data)) == rows(["x": ":a"], ["x": ":b"]))
    }

    @Test("BGP: an IRI the data lacks matches nothing; the empty BGP is one empty solution")
    func unknownConstantsAndEmpty() throws {
        #expect(try select(bgp(tp("?x", ":unknown", "?y")), in: Self.people).isEmpty)
        #expect(try select(.empty, in: Self.people) == [[:]])
    }

    @Test("Join by hash and by nested loop agree", arguments: [JoinStrategy.hash, .nestedLoop])
    func joins(strategy: JoinStrategy) throws {
        // Reference mode runs the algebra as given, so the planner follows this strategy.
        let pattern = GraphPattern.join(bgp(tp("?x", ":knows", "?y")), bgp(tp("?y", ":age", "?a")), strategy: strategy)
        #expect(
            sorted(try select(pattern, ["x", "a"], in: Self.people, options: .reference))
                == rows(["x": ":alice", "a": "25"], ["x": ":dave", "a": "30"]))
    }

    @Test("Left join by hash and by nested loop agree", arguments: [JoinStrategy.hash, .nestedLoop])
    func leftJoins(strategy: JoinStrategy) throws {
        let pattern = GraphPattern.leftJoin(bgp(tp("?x", ":name", "?n")), bgp(tp("?x", ":age", "?a")), filter: nil, strategy: strategy)
        #expect(
            sorted(try select(pattern, ["n", "a"], in: Self.people, options: .reference))
                == rows(["n": "\"Alice\"", "a": "30"], ["n": "\"Bob\"", "a": "25"], ["n": "\"Carol\""]))
    }

    @Test("Cartesian product of unconnected patterns", arguments: allModes)
    func cartesian(options: QueryOptions) throws {
        let data = dataset(":a :p 1", ":b :p 2", ":c :q 3")
        let result = try select(bgp(tp("?x", ":p", "?n"), tp("?y", ":q", "?m")), in: data, options: options)
        #expect(result.count == 2)
    }

    @Test("OPTIONAL keeps unmatched left rows", arguments: allModes)
    func optional(options: QueryOptions) throws {
        let pattern = GraphPattern.leftJoin(bgp(tp("?x", ":name", "?n")), bgp(tp("?x", ":age", "?a")), filter: nil)
        #expect(
            sorted(try select(pattern, ["n", "a"], in: Self.people, options: options))
                == rows(["n": "\"Alice\"", "a": "30"], ["n": "\"Bob\"", "a": "25"], ["n": "\"Carol\""]))
    }

    @Test("OPTIONAL with a filter reading both sides (§18.5 LeftJoin)", arguments: allModes)
    func optionalFilter(options: QueryOptions) throws {
        let filter = Expression.greater(ev("a"), const("26"))
        let pattern = GraphPattern.leftJoin(bgp(tp("?x", ":name", "?n")), bgp(tp("?x", ":age", "?a")), filter: filter)
        #expect(
            sorted(try select(pattern, ["n", "a"], in: Self.people, options: options))
                == rows(["n": "\"Alice\"", "a": "30"], ["n": "\"Bob\""], ["n": "\"Carol\""]))
    }

    @Test("Filter: errors (unbound variables, type errors) reject the row", arguments: allModes)
    func filterErrors(options: QueryOptions) throws {
        let pattern = GraphPattern.filter(
            .greater(ev("a"), const("26")),
            .leftJoin(bgp(tp("?x", ":name", "?n")), bgp(tp("?x", ":age", "?a")), filter: nil))
        #expect(sorted(try select(pattern, ["n"], in: Self.people, options: options)) == rows(["n": "\"Alice\""]))
        let typeError = GraphPattern.filter(.greater(ev("n"), const("1")), bgp(tp("?x", ":name", "?n")))
        #expect(try select(typeError, in: Self.people, options: options).isEmpty)
    }

    @Test("Filter: || and && absorb errors as §17.2 says")
    func logicalErrors() throws {
        let base = bgp(tp("?x", ":name", "?n"))
        let orTrue = GraphPattern.filter(.or(.greater(ev("unbound"), const("1")), .bound(v("n"))), base)
        #expect(try select(orTrue, in: Self.people).count == 3)
        let andFalse = GraphPattern.filter(.not(.and(.greater(ev("unbound"), const("1")), .not(.bound(v("n"))))), base)
        #expect(try select(andFalse, in: Self.people).count == 3)
    }

    @Test("UNION concatenates", arguments: allModes)
    func union(options: QueryOptions) throws {
        let pattern = GraphPattern.union(bgp(tp("?x", ":age", "?v")), bgp(tp("?x", ":name", "?v")))
        #expect(try select(pattern, in: Self.people, options: options).count == 5)
    }

    @Test("BIND: a value, and unbound on error", arguments: allModes)
    func extend(options: QueryOptions) throws {
        let pattern = GraphPattern.extend(bgp(tp("?x", ":name", "?n")), variable: v("a1"), expression: .add(ev("a"), const("1")))
        let joined = GraphPattern.extend(
            .leftJoin(bgp(tp("?x", ":name", "?n")), bgp(tp("?x", ":age", "?a")), filter: nil), variable: v("next"),
            expression: .add(ev("a"), const("1")))
        #expect(try select(pattern, ["a1"], in: Self.people, options: options) == [[:], [:], [:]])
        #expect(
            sorted(try select(joined, ["n", "next"], in: Self.people, options: options))
                == rows(["n": "\"Alice\"", "next": "31"], ["n": "\"Bob\"", "next": "26"], ["n": "\"Carol\""]))
    }

    @Test("A computed term equal to a stored one joins with it (query-local IDs map back)", arguments: allModes)
    func computedTermsJoin(options: QueryOptions) throws {
        // BIND(:bob AS ?y) then ?y :name ?n: the constant's ID is the stored one.
        let pattern = GraphPattern.join(
            .extend(.empty, variable: v("y"), expression: .builtIn(.iri, [const("\"http://example.org/bob\"")])),
            bgp(tp("?y", ":name", "?n")))
        #expect(sorted(try select(pattern, ["n"], in: Self.people, options: options)) == rows(["n": "\"Bob\""]))
        let computed = GraphPattern.join(bgp(tp("?x", ":age", "?a")), .extend(.empty, variable: v("a"), expression: .add(const("24"), const("1"))))
        #expect(sorted(try select(computed, ["x"], in: Self.people, options: options)) == rows(["x": ":bob"]))
    }

    @Test("VALUES joins, UNDEF matches anything", arguments: allModes)
    func values(options: QueryOptions) throws {
        let values = GraphPattern.values(variables: [v("x"), v("a")], rows: [[iri("alice"), nil], [nil, int(25)], [iri("nobody"), nil]])
        let pattern = GraphPattern.join(bgp(tp("?x", ":age", "?a")), values)
        #expect(
            sorted(try select(pattern, ["x", "a"], in: Self.people, options: options)) == rows(["x": ":alice", "a": "30"], ["x": ":bob", "a": "25"]))
    }

    @Test("MINUS: solutions with disjoint domains are not removed (§18.5)", arguments: allModes)
    func minus(options: QueryOptions) throws {
        let removed = GraphPattern.minus(bgp(tp("?x", ":name", "?n")), bgp(tp("?x", ":age", "?a")))
        #expect(sorted(try select(removed, ["n"], in: Self.people, options: options)) == rows(["n": "\"Carol\""]))
        let disjoint = GraphPattern.minus(bgp(tp("?x", ":name", "?n")), bgp(tp("?s", ":age", "?a")))
        #expect(try select(disjoint, in: Self.people, options: options).count == 3)
        // Shares ?x but only through an OPTIONAL left unbound: rows without ?x survive.
        let partial = GraphPattern.minus(
            .leftJoin(bgp(tp("?y", ":name", "?n")), bgp(tp("?x", ":knows", "?y")), filter: nil), bgp(tp("?x", ":age", "30")))
        #expect(sorted(try select(partial, ["n"], in: Self.people, options: options)) == rows(["n": "\"Alice\""], ["n": "\"Carol\""]))
    }

    @Test("EXISTS and NOT EXISTS see the current solution", arguments: allModes)
    func exists(options: QueryOptions) throws {
        let hasAge = Expression.exists(bgp(tp("?x", ":age", "?a")))
        #expect(try select(.filter(hasAge, bgp(tp("?x", ":name", "?n"))), ["n"], in: Self.people, options: options).count == 2)
        #expect(
            sorted(try select(.filter(.not(hasAge), bgp(tp("?x", ":name", "?n"))), ["n"], in: Self.people, options: options))
                == rows(["n": "\"Carol\""]))
        // A FILTER inside EXISTS reads the outer variable.
        let older = Expression.exists(.filter(.greater(ev("a"), ev("limit")), bgp(tp("?x", ":age", "?a"))))
        let outer = GraphPattern.extend(bgp(tp("?x", ":name", "?n")), variable: v("limit"), expression: const("26"))
        #expect(sorted(try select(.filter(older, outer), ["n"], in: Self.people, options: options)) == rows(["n": "\"Alice\""]))
    }

    @Test("Solution modifiers: ORDER BY (stable, descending), DISTINCT, REDUCED, OFFSET/LIMIT", arguments: allModes)
    func modifiers(options: QueryOptions) throws {
        let ordered = GraphPattern.orderBy(bgp(tp("?x", ":name", "?n")), [.descending(ev("n"))])
        #expect(try select(ordered, ["n"], in: Self.people, options: options).map { $0["n"] } == ["Carol", "Bob", "Alice"].map(Term.string))
        let sliced = GraphPattern.slice(.project(ordered, [v("n")]), offset: 1, limit: 1)
        #expect(try select(sliced, in: Self.people, options: options).map { $0["n"] } == [Term.string("Bob")])
        let knowers = GraphPattern.distinct(.project(bgp(tp("?x", ":knows", "?y"), tp("?x", ":name", "?any")), [v("x")]))
        #expect(try select(knowers, in: Self.people, options: options).count == 2)
        let reduced = GraphPattern.reduced(.project(bgp(tp("?x", ":knows", "?y")), [v("x")]))
        #expect(try select(reduced, in: Self.people, options: options).count == 3)
        #expect(try select(.slice(bgp(tp("?x", ":knows", "?y")), offset: 0, limit: 0), in: Self.people, options: options).isEmpty)
        #expect(try select(.slice(bgp(tp("?x", ":knows", "?y")), offset: 10, limit: nil), in: Self.people, options: options).isEmpty)
    }

    @Test("ORDER BY: unbound first, then blank nodes, IRIs, literals; ties keep input order")
    func orderByTotalOrder() throws {
        let values = GraphPattern.values(
            variables: [v("k"), v("i")], rows: [[int(2), int(1)], [nil, int(2)], [iri("z"), int(3)], [int(2), int(4)], [.string("a"), int(5)]])
        let result = try select(.orderBy(values, [.ascending(ev("k"))]), ["i"], in: Self.people)
        #expect(result.map { $0["i"]! } == [2, 3, 1, 4, 5].map(int))
        let top = try select(.slice(.project(.orderBy(values, [.ascending(ev("k"))]), [v("i")]), offset: 1, limit: 2), in: Self.people)
        #expect(top.map { $0["i"]! } == [3, 1].map(int))
    }

    @Test("Subquery: inner variables with an outer name are the subquery's own", arguments: allModes)
    func subqueryScope(options: QueryOptions) throws {
        // { ?x :knows ?y } JOIN { SELECT ?y { ?x :name ?y } }: ?x inside is another variable.
        let inner = GraphPattern.project(bgp(tp("?x", ":age", "?y")), [v("y")])
        let pattern = GraphPattern.join(bgp(tp("?x", ":name", "?n")), inner)
        #expect(try select(pattern, ["x", "y"], in: Self.people, options: options).count == 6)
    }

    @Test("SERVICE: refused, or one empty solution with SILENT")
    func service() throws {
        let pattern = GraphPattern.service(name: .term(iri("endpoint")), bgp(tp("?s", "?p", "?o")), silent: false)
        #expect(throws: QueryEvaluationError.self) { try select(pattern, in: Self.people) }
        let silent = GraphPattern.service(name: .term(iri("endpoint")), bgp(tp("?s", "?p", "?o")), silent: true)
        #expect(try select(silent, in: Self.people) == [[:]])
    }

    @Test("ASK stops at the first solution")
    func askQuery() throws {
        #expect(try ask(bgp(tp("?x", ":knows", "?y")), in: Self.people))
        #expect(try !ask(bgp(tp("?x", ":knows", ":nobody")), in: Self.people))
    }
}
