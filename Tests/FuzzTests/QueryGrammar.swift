import TestKit

/// A seeded generator of SPARQL queries and updates from a compact grammar, and mutations of their text.
struct QueryGrammar {
    var random: SplitMix

    mutating func pick<T>(_ items: [T]) -> T { items[random.next(items.count)] }
    mutating func chance(_ oneIn: Int) -> Bool { random.next(oneIn) == 0 }

    mutating func variable() -> String { "?" + pick(["a", "b", "c", "d"]) }
    mutating func iri() -> String { pick([":n0", ":n1", ":n2", ":n3", "<http://example.org/n4>"]) }
    mutating func predicate() -> String { pick([":p", ":q", ":r", "a"]) }
    mutating func literal() -> String { pick(["1", "2.5", "-3", "\"x\"", "\"y\"@en", "true", "\"2\"^^xsd:integer", "1e3"]) }
    mutating func node() -> String { chance(3) ? iri() : variable() }
    mutating func object() -> String { chance(4) ? literal() : node() }

    mutating func path(_ depth: Int) -> String {
        guard depth > 0, chance(2) else { return predicate() }
        switch random.next(6) {
        case 0: return path(depth - 1) + "/" + path(depth - 1)
        case 1: return "(" + path(depth - 1) + "|" + path(depth - 1) + ")"
        case 2: return "^" + predicate()
        case 3: return "(" + path(depth - 1) + ")" + pick(["*", "+", "?"])
        case 4: return "!(" + predicate() + "|^" + predicate() + ")"
        default: return predicate()
        }
    }

    mutating func expression(_ depth: Int) -> String {
        guard depth > 0 else { return chance(2) ? variable() : literal() }
        let a = expression(depth - 1), b = expression(depth - 1)
        switch random.next(14) {
        case 0: return "(\(a) \(pick(["+", "-", "*", "/"])) \(b))"
        case 1: return "(\(a) \(pick(["=", "!=", "<", ">", "<=", ">="])) \(b))"
        case 2: return "(\(a) \(pick(["&&", "||"])) \(b))"
        case 3: return "!\(variable())"
        case 4: return "BOUND(\(variable()))"
        case 5: return "IF(\(a), \(b), \(literal()))"
        case 6: return "COALESCE(\(a), \(b))"
        case 7: return "\(a) IN (\(b), \(literal()))"
        case 8: return pick(["STR", "LANG", "DATATYPE", "isIRI", "isLiteral", "STRLEN", "UCASE", "ABS", "isNumeric"]) + "(\(a))"
        case 9: return pick(["CONCAT", "CONTAINS", "STRSTARTS", "sameTerm", "LANGMATCHES", "STRBEFORE"]) + "(\(a), \(b))"
        case 10: return "REGEX(STR(\(a)), \"^[a-z]\", \"i\")"
        case 11: return "xsd:integer(\(a))"
        case 12: return "EXISTS { \(triple()) }"
        default: return "SUBSTR(STR(\(a)), 1, 2)"
        }
    }

    mutating func triple() -> String { "\(node()) \(chance(5) ? path(2) : predicate()) \(object())" }

    mutating func group(_ depth: Int) -> String {
        var parts = [triple()]
        for _ in 0..<random.next(4) {
            switch depth > 0 ? random.next(9) : 0 {
            case 0: parts.append(triple())
            case 1: parts.append("OPTIONAL \(group(depth - 1))")
            case 2: parts.append("\(group(depth - 1)) UNION \(group(depth - 1))")
            case 3: parts.append("MINUS \(group(depth - 1))")
            case 4: parts.append("FILTER(\(expression(2)))")
            case 5: parts.append("BIND(\(expression(2)) AS ?v\(random.next(1000)))")
            case 6: parts.append("GRAPH \(chance(2) ? "?g" : ":g") \(group(depth - 1))")
            case 7: parts.append("VALUES \(variable()) { \(iri()) \(literal()) UNDEF }")
            default: parts.append("{ SELECT \(variable()) WHERE \(group(depth - 1)) }")
            }
        }
        return "{ " + parts.joined(separator: " . ") + " }"
    }

    mutating func query() -> String {
        let prologue = "PREFIX : <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
        let pattern = group(3)
        switch random.next(6) {
        case 0: return prologue + "ASK " + pattern
        case 1: return prologue + "CONSTRUCT { ?a :p ?b } WHERE " + pattern
        case 2:
            return prologue + "SELECT ?a (COUNT(*) AS ?n) (MIN(?b) AS ?s) WHERE " + pattern + " GROUP BY ?a HAVING (COUNT(*) > 0)"
        case 3: return prologue + "SELECT DISTINCT * WHERE " + pattern + " ORDER BY ?a DESC(?b)"
        case 4: return prologue + "SELECT ?a (\(expression(2)) AS ?e) WHERE " + pattern
        default: return prologue + "SELECT * WHERE " + pattern
        }
    }

    mutating func update() -> String {
        let prologue = "PREFIX : <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
        switch random.next(5) {
        case 0: return prologue + "INSERT DATA { \(iri()) :p \(literal()) . GRAPH :g { \(iri()) :q \(iri()) } }"
        case 1: return prologue + "DELETE DATA { :n0 :p :n1 }"
        case 2: return prologue + "DELETE { ?a :p ?b } INSERT { ?b :q ?a } WHERE " + group(2)
        case 3: return prologue + "DELETE WHERE { ?a :r ?b }"
        default: return prologue + "WITH :g INSERT { ?a :r ?b } WHERE " + group(2) + " ; CLEAR SILENT GRAPH :h"
        }
    }

    // No LIMIT without a total order and no SAMPLE: their answers may legitimately differ between plans.

    /// The text with a few random edits: characters or tokens deleted, duplicated, swapped or replaced by grammar
    /// fragments and punctuation, so that most results are just off the grammar.
    mutating func mutate(_ text: String) -> String {
        var tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + random.next(3)) where !tokens.isEmpty {
            let index = random.next(tokens.count)
            switch random.next(7) {
            case 0: tokens.remove(at: index)
            case 1: tokens.insert(tokens[index], at: index)
            case 2: tokens.swapAt(index, random.next(tokens.count))
            case 3: tokens[index] = pick(["{", "}", "(", ")", ".", ";", ",", "|", "/", "^", "*", "+", "?", "!", "\"", "'", "<", "#", "_:b", "[", "]", "@en", "^^"])
            case 4: tokens.insert(pick([expression(1), triple(), path(2), "UNION", "OPTIONAL", "FILTER", "SELECT", "AS", "GROUP BY"]), at: index)
            case 5:
                var characters = Array(tokens[index])
                if !characters.isEmpty { characters.remove(at: random.next(characters.count)) }
                tokens[index] = String(characters)
            default: tokens[index] = String(tokens[index].reversed())
            }
        }
        return tokens.joined(separator: " ")
    }
}
