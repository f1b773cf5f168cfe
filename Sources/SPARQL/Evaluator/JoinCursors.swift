import RDF

/// `Join(Ω1, Ω2)` as an index nested loop: the right side is re-opened with each left solution substituted.
/// Correct only when the right side is fit for substitution (`GraphPattern.isFitForSubstitution(of:)`); the optimiser
/// chooses it only then (`Optimizer.chooseJoinStrategies`). Streams, and keeps no rows.
final class NestedLoopJoinCursor: Cursor {
    private let left: Cursor
    private let right: Cursor
    private var rightOpen = false

    init(_ left: Cursor, _ right: Cursor) {
        self.left = left
        self.right = right
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        rightOpen = false
        try left.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        while true {
            if rightOpen, let row = try right.next() { return row }
            guard let leftRow = try left.next() else { return nil }
            try right.open(leftRow)
            rightOpen = true
        }
    }
}

/// `Join(Ω1, Ω2)` by hashing: the right side is materialised once per `open`, keyed on the variables both sides
/// certainly bind, and the left side streams past it.
final class HashJoinCursor: Cursor {
    private let left: Cursor
    private let right: Cursor
    private let keySlots: [Int]
    private let deadline: Deadline
    private var table: RowTable
    private var built = false
    private var input: Row = []
    private var current: Row?
    private var probe = RowTable.Candidates?.none
    private var merged: Row = []

    init(_ left: Cursor, _ right: Cursor, keySlots: [Int], deadline: Deadline) {
        self.left = left
        self.right = right
        self.keySlots = keySlots
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
            if table.isEmpty { return nil }
        }
        while true {
            if let leftRow = current, var state = probe,
                let rightRow = try table.nextCompatible(with: leftRow, &state, deadline: deadline)
            {
                probe = state
                merged.overwrite(with: leftRow)
                merged.merge(rightRow)
                return merged
            }
            guard let leftRow = try left.next() else {
                current = nil
                return nil
            }
            current = leftRow
            probe = table.candidates(for: leftRow)
        }
    }
}

extension RowTable {
    /// Opens `cursor` with `input` and hashes all its solutions.
    static func build(from cursor: Cursor, input: Row, keySlots: [Int], deadline: Deadline) throws(QueryEvaluationError) -> RowTable {
        var table = RowTable(keySlots: keySlots)
        try cursor.open(input)
        while let row = try cursor.next() {
            try deadline.tick()
            table.insert(row)
        }
        return table
    }
}
