import RDF

/// A pull-based operator over ID rows (an iterator in the Volcano style).
///
/// `open(_:)` (re)starts the operator with input bindings, and `next()` returns solutions one by one. Every solution
/// extends the input: bound input slots act as constants inside the operator (substitution), which is what an index
/// nested loop join and EXISTS need. A cursor tree is built once per query; a nested loop re-opens its right side
/// for each left row instead of building it again.
class Cursor {
    /// Starts over with `input` as the bindings every solution extends.
    func open(_ input: Row) throws(QueryEvaluationError) {}

    /// The next solution, or `nil` when there are no more.
    func next() throws(QueryEvaluationError) -> Row? { nil }
}

/// No solutions: a pattern that names a term the dataset does not hold.
final class EmptyCursor: Cursor {}

/// The input itself, once: the empty group pattern `{}`, and SERVICE SILENT.
final class SingleCursor: Cursor {
    private var pending: Row?

    override func open(_ input: Row) throws(QueryEvaluationError) { pending = input }

    override func next() throws(QueryEvaluationError) -> Row? {
        defer { pending = nil }
        return pending
    }
}

/// `Union(Ω1, Ω2)`: the left solutions, then the right ones (§18.5).
final class UnionCursor: Cursor {
    private let left: Cursor
    private let right: Cursor
    private var input: Row = []
    private var onRight = false

    init(_ left: Cursor, _ right: Cursor) {
        self.left = left
        self.right = right
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        self.input = input
        onRight = false
        try left.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        if !onRight {
            if let row = try left.next() { return row }
            onRight = true
            try right.open(input)
        }
        return try right.next()
    }
}

/// `Filter(expr, Ω)`: the solutions whose expression has effective boolean value true; errors count as false.
final class FilterCursor: Cursor {
    private let inner: Cursor
    private let condition: CompiledExpression
    private let evaluator: ExpressionEvaluator
    private let deadline: Deadline

    init(_ inner: Cursor, condition: CompiledExpression, evaluator: ExpressionEvaluator, deadline: Deadline) {
        self.inner = inner
        self.condition = condition
        self.evaluator = evaluator
        self.deadline = deadline
    }

    override func open(_ input: Row) throws(QueryEvaluationError) { try inner.open(input) }

    override func next() throws(QueryEvaluationError) -> Row? {
        while let row = try inner.next() {
            try deadline.tick()
            if try evaluator.isTrue(condition, row) { return row }
        }
        return nil
    }
}

/// `Extend(Ω, var, expr)` (BIND): binds the expression's value, or leaves the variable unbound on error.
final class ExtendCursor: Cursor {
    private let inner: Cursor
    private let slot: Int
    private let expression: CompiledExpression
    private let evaluator: ExpressionEvaluator
    /// Whether this BIND begins a new solution for `BNODE(label)`: the lowest BNODE-using BIND of a chain does, so
    /// `(BNODE(?x) AS ?a) (BNODE(?x) AS ?b)` give the same node within one solution.
    private let startsSolution: Bool

    init(_ inner: Cursor, slot: Int, expression: CompiledExpression, evaluator: ExpressionEvaluator, startsSolution: Bool) {
        self.inner = inner
        self.slot = slot
        self.expression = expression
        self.evaluator = evaluator
        self.startsSolution = startsSolution
    }

    override func open(_ input: Row) throws(QueryEvaluationError) { try inner.open(input) }

    override func next() throws(QueryEvaluationError) -> Row? {
        while var row = try inner.next() {
            if startsSolution { evaluator.startSolution() }
            guard let id = try evaluator.id(of: expression, row) else { return row }
            let current = row[slot]
            if !current.isBound {
                row[slot] = id
                return row
            }
            // Only reachable through substitution (EXISTS): the bound value acts as a constant to join with.
            if current == id { return row }
        }
        return nil
    }
}

/// VALUES: each data row that is compatible with the input, merged into it.
final class ValuesCursor: Cursor {
    /// Per data row, the (slot, ID) pairs it binds.
    private let rows: [[(slot: Int, id: TermID)]]
    private let deadline: Deadline
    private var input: Row = []
    private var index = 0

    init(rows: [[(slot: Int, id: TermID)]], deadline: Deadline) {
        self.rows = rows
        self.deadline = deadline
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        self.input = input
        index = 0
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        outer: while index < rows.count {
            try deadline.tick()
            let bindings = rows[index]
            index += 1
            var row = input
            for (slot, id) in bindings {
                let current = row[slot]
                if current.isBound {
                    if current != id { continue outer }
                } else {
                    row[slot] = id
                }
            }
            return row
        }
        return nil
    }
}
