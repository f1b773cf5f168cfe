import RDF

/// The unordered search of `ResultsComparison.isomorphic`: pair every row of `a` with a distinct row of `b` under one
/// blank node bijection.
struct BlankNodeMatcher {
    private let a: SolutionTable
    private let b: SolutionTable
    /// Rows of `a` that contain blank nodes, most constrained (fewest candidates) first.
    private var pending: [Int] = []
    /// For each row of `a` with blank nodes, the rows of `b` with the same key.
    private var candidates: [Int: [Int]] = [:]
    private var used: [Bool]
    private var mapping = Bijection()
    /// Each blank node's occurrence signature: the multiset of (row key, column) it appears at. A bijection can only
    /// pair blank nodes with equal signatures.
    private var signaturesA: [BlankNode: [Occurrence: Int]] = [:]
    private var signaturesB: [BlankNode: [Occurrence: Int]] = [:]

    private struct Occurrence: Hashable {
        var key: [SolutionTable.Slot]
        var column: Int
    }

    init(a: SolutionTable, b: SolutionTable) {
        self.a = a
        self.b = b
        self.used = Array(repeating: false, count: b.rows.count)
    }

    mutating func run() -> Bool {
        // 1. Rows without blank nodes must match exactly, as multisets; rows with them must agree on their keys.
        var counts: [[SolutionTable.Slot]: Int] = [:]
        for key in a.keys { counts[key, default: 0] += 1 }
        for key in b.keys {
            guard let count = counts[key], count > 0 else { return false }
            counts[key] = count - 1
        }
        var rowsOfB: [[SolutionTable.Slot]: [Int]] = [:]
        for (index, key) in b.keys.enumerated() where key.contains(.blankNode) { rowsOfB[key, default: []].append(index) }
        for (index, key) in a.keys.enumerated() where key.contains(.blankNode) {
            pending.append(index)
            candidates[index] = rowsOfB[key, default: []]
        }
        guard !pending.isEmpty else { return true }

        // 2. Blank nodes can only correspond if they occur in the same places.
        signaturesA = Self.signatures(a)
        signaturesB = Self.signatures(b)
        let signatureCountsA = Dictionary(signaturesA.values.map { ($0, 1) }, uniquingKeysWith: +)
        let signatureCountsB = Dictionary(signaturesB.values.map { ($0, 1) }, uniquingKeysWith: +)
        guard signatureCountsA == signatureCountsB else { return false }

        // 3. Backtrack over rows, most constrained first.
        pending.sort { candidates[$0, default: []].count < candidates[$1, default: []].count }
        return search(0)
    }

    private mutating func search(_ position: Int) -> Bool {
        guard position < pending.count else { return true }
        let row = pending[position]
        for candidate in candidates[row, default: []] where !used[candidate] {
            guard signaturesAgree(a.rows[row], b.rows[candidate]), let added = mapping.extend(a.rows[row], b.rows[candidate]) else {
                continue
            }
            used[candidate] = true
            if search(position + 1) { return true }
            used[candidate] = false
            mapping.undo(added)
        }
        return false
    }

    private func signaturesAgree(_ rowA: [Term?], _ rowB: [Term?]) -> Bool {
        for (x, y) in zip(rowA, rowB) {
            if case .blankNode(let x)? = x, case .blankNode(let y)? = y, signaturesA[x] != signaturesB[y] { return false }
        }
        return true
    }

    private static func signatures(_ table: SolutionTable) -> [BlankNode: [Occurrence: Int]] {
        var signatures: [BlankNode: [Occurrence: Int]] = [:]
        for (row, key) in zip(table.rows, table.keys) {
            for (column, term) in row.enumerated() {
                if case .blankNode(let node)? = term { signatures[node, default: [:]][Occurrence(key: key, column: column), default: 0] += 1 }
            }
        }
        return signatures
    }
}
