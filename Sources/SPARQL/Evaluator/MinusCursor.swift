import RDF

/// `Minus(Ω1, Ω2)` (§18.5): the left solutions that no right solution is compatible with while sharing a variable.
/// The right side is materialised once per `open`; the left side streams.
///
/// A slot bound in the input counts as a constant, not as a shared variable: EXISTS substitutes its solution into the
/// pattern, and a substituted variable is no longer a variable of either side.
final class MinusCursor: Cursor {
    private let left: Cursor
    private let right: Cursor
    private let keySlots: [Int]
    /// The slots both sides may bind: the only ones that can make two solutions share a variable.
    private let sharedSlots: [Int]
    private let deadline: Deadline
    private var table: RowTable
    private var built = false
    private var input: Row = []

    init(_ left: Cursor, _ right: Cursor, keySlots: [Int], sharedSlots: [Int], deadline: Deadline) {
        self.left = left
        self.right = right
        self.keySlots = keySlots
        self.sharedSlots = sharedSlots
        self.deadline = deadline
        table = RowTable(keySlots: keySlots)
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        self.input = input
        built = false
        try left.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        if !built {
            table = try RowTable.build(from: right, input: input, keySlots: keySlots, deadline: deadline)
            built = true
        }
        while let row = try left.next() {
            if table.isEmpty { return row }
            if try !isRemoved(row) { return row }
        }
        return nil
    }

    private func isRemoved(_ row: Row) throws(QueryEvaluationError) -> Bool {
        var state = table.candidates(for: row)
        while let other = try table.nextCompatible(with: row, &state, deadline: deadline) {
            for slot in sharedSlots where row[slot].isBound && other[slot].isBound && !input[slot].isBound {
                return true
            }
        }
        return false
    }
}
