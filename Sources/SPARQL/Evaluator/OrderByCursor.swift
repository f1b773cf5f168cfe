import RDF

/// ORDER BY (§15.1): materialises its input, then returns it sorted by the keys with `SPARQLFunctions.orderBy`'s
/// total order, stably (ties keep their input order). With a `limit` (an enclosing LIMIT, plus OFFSET) it keeps only
/// the best rows as it goes, so `ORDER BY … LIMIT k` holds O(k) rows.
final class OrderByCursor: Cursor {
    struct Key {
        var expression: CompiledExpression
        var descending: Bool
    }

    private struct Entry {
        var row: Row
        var keys: [Term?]
        var sequence: Int
    }

    private let inner: Cursor
    private let keys: [Key]
    private let limit: Int?
    private let evaluator: ExpressionEvaluator
    private let deadline: Deadline
    private var sorted: [Entry] = []
    private var index = 0
    private var ready = false

    init(_ inner: Cursor, keys: [Key], limit: Int?, evaluator: ExpressionEvaluator, deadline: Deadline) {
        self.inner = inner
        self.keys = keys
        self.limit = limit
        self.evaluator = evaluator
        self.deadline = deadline
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        sorted = []
        index = 0
        ready = false
        try inner.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        if !ready {
            try materialise()
            ready = true
        }
        guard index < sorted.count else { return nil }
        defer { index += 1 }
        return sorted[index].row
    }

    private func materialise() throws(QueryEvaluationError) {
        var entries: [Entry] = []
        var sequence = 0
        // With a limit, sort and cut whenever the buffer doubles: O(n log k) time, O(k) memory.
        let threshold = limit.map { max(2 * $0, 1024) }
        while let row = try inner.next() {
            var values: [Term?] = []
            values.reserveCapacity(keys.count)
            // A query may have thousands of keys: each one counts against the deadline.
            for key in keys {
                try deadline.tick()
                values.append(try evaluator.value(of: key.expression, row))
            }
            entries.append(Entry(row: row, keys: values, sequence: sequence))
            sequence += 1
            if let threshold, let limit, entries.count >= threshold {
                try sort(&entries)
                entries.removeSubrange(limit...)
            }
        }
        try sort(&entries)
        if let limit, entries.count > limit { entries.removeSubrange(limit...) }
        sorted = entries
    }

    private func sort(_ entries: inout [Entry]) throws(QueryEvaluationError) {
        let keys = self.keys
        let deadline = self.deadline
        do {
            try entries.sort { a, b in
                for (position, key) in keys.enumerated() {
                    try deadline.tick()
                    var order = SPARQLFunctions.orderBy(a.keys[position], b.keys[position])
                    if key.descending { order = order.reversed }
                    switch order {
                    case .less: return true
                    case .greater: return false
                    case .equal: continue
                    }
                }
                return a.sequence < b.sequence
            }
        } catch let error as QueryEvaluationError {
            throw error
        } catch {
            preconditionFailure("the comparator throws only QueryEvaluationError")
        }
    }
}
