import RDF
import Testing

@testable import SPARQL

@Suite("ORDER BY ordering")
struct OrderingTests {
    private func sorted(_ terms: [Term?]) -> [Term?] {
        terms.sorted { SPARQLFunctions.orderBy($0, $1) == .less }
    }

    @Test func kindsOfTerm() {
        let terms: [Term?] = [Fn.str("a"), Fn.iri("http://b"), nil, .blankNode(BlankNode("z")), Fn.int("1"), Fn.iri("http://a")]
        #expect(sorted(terms) == [nil, .blankNode(BlankNode("z")), Fn.iri("http://a"), Fn.iri("http://b"), Fn.int("1"), Fn.str("a")])
    }

    /// data-r2/sort: numbers of mixed types by value (sort-7), strings by code point.
    @Test func valuesWithinAKind() {
        #expect(sorted([Fn.int("29"), Fn.flt("23.0"), Fn.int("9"), Fn.int("27")]) == [Fn.int("9"), Fn.flt("23.0"), Fn.int("27"), Fn.int("29")])
        #expect(sorted([Fn.int("300"), Fn.int("10"), Fn.int("2")]) == [Fn.int("2"), Fn.int("10"), Fn.int("300")])
        #expect(sorted([Fn.str("300"), Fn.str("10"), Fn.str("2")]) == [Fn.str("10"), Fn.str("2"), Fn.str("300")])
        #expect(
            sorted([Fn.str("Fred"), Fn.str("Alice"), Fn.str("Eve"), Fn.str("Bob")])
                == [Fn.str("Alice"), Fn.str("Bob"), Fn.str("Eve"), Fn.str("Fred")]
        )
        #expect(
            sorted([Fn.dateTime("2010-01-02T00:00:00"), Fn.dateTime("2010-01-01T12:00:00-05:00")])
                == [Fn.dateTime("2010-01-01T12:00:00-05:00"), Fn.dateTime("2010-01-02T00:00:00")]
        )
    }

    @Test func totalAndDeterministic() {
        // Equal values are still ordered, so the sort does not depend on input order.
        #expect(SPARQLFunctions.orderBy(Fn.int("1"), Fn.dec("1.0")) == .less)
        #expect(SPARQLFunctions.orderBy(Fn.dec("1.0"), Fn.int("1")) == .greater)
        #expect(SPARQLFunctions.orderBy(Fn.int("1"), Fn.int("01")) == .greater)
        #expect(SPARQLFunctions.orderBy(Fn.dbl("NaN"), Fn.dbl("-INF")) == .less)
        #expect(SPARQLFunctions.orderBy(Fn.lang("a", "en"), Fn.lang("a", "fr")) == .less)
        #expect(SPARQLFunctions.orderBy(Fn.int("x"), Fn.int("y")) == .less)
        #expect(SPARQLFunctions.orderBy(nil, nil) == .equal)
        #expect(SPARQLFunctions.orderBy(Fn.str("a"), Fn.xsd("a", "string")) == .equal)
        let mixed: [Term?] = [
            Fn.typed("q", "http://example/t"), Fn.bool(true), Fn.lang("x", "en"), Fn.str("x"), Fn.dbl("2"),
            Fn.dateTime("2020-01-01T00:00:00Z"), Fn.date("2020-01-01"), Fn.bool(false), Fn.int("3"),
        ]
        let once = sorted(mixed)
        #expect(sorted(once.reversed()) == once)
        #expect(
            once == [
                Fn.dbl("2"), Fn.int("3"), Fn.str("x"), Fn.lang("x", "en"), Fn.bool(false), Fn.bool(true),
                Fn.dateTime("2020-01-01T00:00:00Z"), Fn.date("2020-01-01"), Fn.typed("q", "http://example/t"),
            ]
        )
        #expect(SPARQLFunctions.orderBy(Fn.int("1"), Fn.int("2")).reversed == .greater)
    }
}
