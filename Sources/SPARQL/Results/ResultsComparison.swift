import RDF

/// Compares query results the way the W3C test suites do (https://www.w3.org/2009/sparql/docs/tests/README.html).
public enum ResultsComparison {
    /// Whether two results are the same up to blank node labels.
    ///
    /// Booleans must be equal. Solution sequences must have the same variables (as a set: column order is
    /// presentation) and the same rows as a multiset, or in the same order when `ordered` is true. Terms compare
    /// exactly (`"01"^^xsd:integer` is not `"1"^^xsd:integer`), except that blank nodes may be renamed by one
    /// bijection consistent across the whole result.
    ///
    /// Cost: linear in the rows when no blank nodes occur or `ordered` is true (the bijection is then forced). Otherwise
    /// a backtracking search over rows that contain blank nodes, pruned by grouping rows on their non-blank parts and
    /// blank nodes on where they occur: exponential only for highly symmetric inputs, immediate at W3C test sizes.
    public static func isomorphic(_ a: QueryResults, _ b: QueryResults, ordered: Bool) -> Bool {
        switch (a, b) {
        case (.boolean(let x), .boolean(let y)):
            return x == y
        case (.solutions(let variablesA, let rowsA), .solutions(let variablesB, let rowsB)):
            guard Set(variablesA) == Set(variablesB), variablesA.count == variablesB.count, rowsA.count == rowsB.count else {
                return false
            }
            let variables = variablesA.sorted()
            let tableA = SolutionTable(rows: rowsA, variables: variables)
            let tableB = SolutionTable(rows: rowsB, variables: variables)
            if ordered { return tableA.matchesInOrder(tableB) }
            var matcher = BlankNodeMatcher(a: tableA, b: tableB)
            return matcher.run()
        default:
            return false
        }
    }
}

/// Rows as arrays over a fixed, sorted variable list, with each row's blank-node-blind key precomputed.
struct SolutionTable {
    /// A value with blank nodes blinded: what must match exactly whatever the bijection.
    enum Slot: Hashable {
        case unbound
        case term(Term)
        case blankNode
    }

    let rows: [[Term?]]
    let keys: [[Slot]]

    init(rows: [[String: Term]], variables: [String]) {
        self.rows = rows.map { row in variables.map { row[$0] } }
        self.keys = self.rows.map { row in
            row.map { term in
                switch term {
                case nil: .unbound
                case .blankNode?: .blankNode
                case let term?: .term(term)
                }
            }
        }
    }

    /// Ordered comparison: row `i` against row `i`, which forces the bijection.
    func matchesInOrder(_ other: SolutionTable) -> Bool {
        var mapping = Bijection()
        for (index, row) in rows.enumerated() {
            guard keys[index] == other.keys[index], mapping.extend(row, other.rows[index]) != nil else { return false }
        }
        return true
    }
}

/// A partial one-to-one map between blank node labels of two results.
struct Bijection {
    var forward: [BlankNode: BlankNode] = [:]
    var backward: [BlankNode: BlankNode] = [:]

    /// Extends the map so `a` corresponds to `b` position by position, if it can stay one-to-one.
    /// - Returns: The pairs newly added (to undo on backtracking), or `nil` (and the map unchanged) if it cannot.
    mutating func extend(_ a: [Term?], _ b: [Term?]) -> [BlankNode]? {
        var added: [BlankNode] = []
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (.blankNode(let x)?, .blankNode(let y)?):
                if let mapped = forward[x] {
                    if mapped == y { continue }
                } else if backward[y] == nil {
                    forward[x] = y
                    backward[y] = x
                    added.append(x)
                    continue
                }
                undo(added)
                return nil
            case (.blankNode?, _), (_, .blankNode?):
                undo(added)
                return nil
            default:
                if x != y {
                    undo(added)
                    return nil
                }
            }
        }
        return added
    }

    mutating func undo(_ added: [BlankNode]) {
        for node in added {
            if let target = forward.removeValue(forKey: node) { backward[target] = nil }
        }
    }
}
