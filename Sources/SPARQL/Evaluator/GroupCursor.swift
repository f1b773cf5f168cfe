import RDF

/// `Group` and `Aggregation` (§18.5): groups the inner solutions by the key slots and computes each aggregate per
/// group. Materialises one state per group; the rows themselves are not kept (except for COUNT(DISTINCT *)).
///
/// Without GROUP BY, no input still makes one group (so `COUNT(*)` is 0). Like a subquery, the inner pattern does
/// not see the input's bindings, except hidden graph slots (the active graph).
final class GroupCursor: Cursor {
    private let inner: Cursor
    private let keySlots: [Int]
    private let aggregates: [CompiledAggregate]
    private let passThrough: [Int]
    private let aggregator: Aggregator
    private let context: EvaluationContext
    private let deadline: Deadline

    private var input: Row = []
    private var groupKeys: [Row] = []
    private var states: [AggregateState] = []
    private var index = 0
    private var ready = false

    init(_ inner: Cursor, keySlots: [Int], aggregates: [CompiledAggregate], passThrough: [Int], aggregator: Aggregator, context: EvaluationContext) {
        self.inner = inner
        self.keySlots = keySlots
        self.aggregates = aggregates
        self.passThrough = passThrough
        self.aggregator = aggregator
        self.context = context
        deadline = context.deadline
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        self.input = input
        groupKeys = []
        states = []
        index = 0
        ready = false
        var restricted = Row.unbound(width: input.count)
        for slot in passThrough { restricted[slot] = input[slot] }
        try inner.open(restricted)
    }

    private func initialStates() -> [AggregateState] {
        aggregates.map { AggregateState(distinct: $0.distinct, countsRows: $0.expression == nil) }
    }

    private func build() throws(QueryEvaluationError) {
        var groups: [Row: Int] = [:]
        let width = aggregates.count
        // One key buffer, refilled per row: only a new group's key is copied (into the dictionary).
        var key = Row(repeating: .unbound, count: keySlots.count)
        while let row = try inner.next() {
            // A key of thousands of variables costs as much per row as a thousand rows do.
            try deadline.tick(by: 1 + keySlots.count + aggregates.count)
            for (position, slot) in keySlots.enumerated() { key[position] = row[slot] }
            let group: Int
            if let existing = groups[key] {
                group = existing
            } else {
                group = groupKeys.count
                groups[key] = group
                groupKeys.append(key)
                states.append(contentsOf: initialStates())
            }
            for position in 0..<width {
                try aggregator.add(row, to: &states[group * width + position], for: aggregates[position])
            }
        }
        if groupKeys.isEmpty && keySlots.isEmpty {
            groupKeys.append(Row())
            states = initialStates()
        }
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        if !ready {
            try build()
            ready = true
        }
        let width = aggregates.count
        outer: while index < groupKeys.count {
            let group = index
            index += 1
            var row = input
            for (position, slot) in keySlots.enumerated() where !Self.set(groupKeys[group][position], slot, in: &row) { continue outer }
            for (position, aggregate) in aggregates.enumerated() {
                guard let value = aggregator.result(of: states[group * width + position], for: aggregate) else { continue }
                if !Self.set(context.id(for: value), aggregate.slot, in: &row) { continue outer }
            }
            return row
        }
        return nil
    }

    /// Binds `slot` unless the input already holds a different value (then the group does not join with it).
    private static func set(_ id: TermID, _ slot: Int, in row: inout Row) -> Bool {
        guard id.isBound else { return true }
        let current = row[slot]
        if !current.isBound {
            row[slot] = id
            return true
        }
        return current == id
    }
}
