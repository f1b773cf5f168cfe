import RDF

/// `LeftJoin(Ω1, Ω2, expr)` (OPTIONAL) as an index nested loop: for each left solution, the right side with that
/// solution substituted; the merged rows that pass the filter, or the left solution alone if none does (§18.5).
/// Correct only when the right side is fit for substitution; the optimiser chooses it only then.
final class NestedLoopLeftJoinCursor: Cursor {
    private let left: Cursor
    private let right: Cursor
    private let condition: CompiledExpression?
    private let evaluator: ExpressionEvaluator
    private var current: Row?
    private var matched = false

    init(_ left: Cursor, _ right: Cursor, condition: CompiledExpression?, evaluator: ExpressionEvaluator) {
        self.left = left
        self.right = right
        self.condition = condition
        self.evaluator = evaluator
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        current = nil
        try left.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        while true {
            if let leftRow = current {
                while let row = try right.next() {
                    if let condition, try !evaluator.isTrue(condition, row) { continue }
                    matched = true
                    return row
                }
                current = nil
                if !matched { return leftRow }
            }
            guard let leftRow = try left.next() else { return nil }
            current = leftRow
            matched = false
            try right.open(leftRow)
        }
    }
}

/// `LeftJoin(Ω1, Ω2, expr)` by hashing the right side once per `open`.
final class HashLeftJoinCursor: Cursor {
    private let left: Cursor
    private let right: Cursor
    private let keySlots: [Int]
    private let condition: CompiledExpression?
    private let evaluator: ExpressionEvaluator
    private let deadline: Deadline
    private var table: RowTable
    private var built = false
    private var input: Row = []
    private var current: Row?
    private var probe = RowTable.Candidates?.none
    private var matched = false

    init(_ left: Cursor, _ right: Cursor, keySlots: [Int], condition: CompiledExpression?, evaluator: ExpressionEvaluator, deadline: Deadline) {
        self.left = left
        self.right = right
        self.keySlots = keySlots
        self.condition = condition
        self.evaluator = evaluator
        self.deadline = deadline
        table = RowTable(keySlots: keySlots)
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        self.input = input
        built = false
        current = nil
        probe = nil
        try left.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        if !built {
            table = try RowTable.build(from: right, input: input, keySlots: keySlots, deadline: deadline)
            built = true
        }
        while true {
            if let leftRow = current, var state = probe {
                while let rightRow = try table.nextCompatible(with: leftRow, &state, deadline: deadline) {
                    var merged = leftRow
                    merged.merge(rightRow)
                    if let condition, try !evaluator.isTrue(condition, merged) { continue }
                    probe = state
                    matched = true
                    return merged
                }
                current = nil
                probe = nil
                if !matched { return leftRow }
            }
            guard let leftRow = try left.next() else { return nil }
            current = leftRow
            matched = false
            probe = table.candidates(for: leftRow)
        }
    }
}
