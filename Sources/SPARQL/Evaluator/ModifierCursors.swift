import RDF

/// `Project(Ψ, PV)`: a subquery boundary. The inner pattern sees only the input's projected variables (its other
/// variables are its own, even when they share a name outside), and the result keeps only projected slots.
///
/// Hidden graph slots (the active graph of an enclosing `GRAPH ?g`) pass through: the subquery is evaluated in that
/// graph.
final class ProjectCursor: Cursor {
    private let inner: Cursor
    private let keep: [Int]
    private let passThrough: [Int]
    private var input: Row = []
    private var result: Row = []

    init(_ inner: Cursor, keep: [Int], passThrough: [Int]) {
        self.inner = inner
        self.keep = keep
        self.passThrough = passThrough
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        self.input = input
        var restricted = Row.unbound(width: input.count)
        for slot in keep { restricted[slot] = input[slot] }
        for slot in passThrough { restricted[slot] = input[slot] }
        try inner.open(restricted)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        outer: while let row = try inner.next() {
            result.overwrite(with: input)
            for slot in keep {
                let value = row[slot]
                guard value.isBound else { continue }
                let current = result[slot]
                if !current.isBound {
                    result[slot] = value
                } else if current != value {
                    continue outer
                }
            }
            for slot in passThrough where !result[slot].isBound { result[slot] = row[slot] }
            return result
        }
        return nil
    }
}

/// DISTINCT: remembers every row it returned (the only state, and it grows with the distinct rows).
final class DistinctCursor: Cursor {
    private let inner: Cursor
    private let deadline: Deadline
    private var seen = Set<Row>()

    init(_ inner: Cursor, deadline: Deadline) {
        self.inner = inner
        self.deadline = deadline
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        seen.removeAll()
        try inner.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        while let row = try inner.next() {
            try deadline.tick()
            if seen.insert(row).inserted { return row }
        }
        return nil
    }
}

/// REDUCED: may drop any duplicates; this drops consecutive ones, in constant memory.
final class ReducedCursor: Cursor {
    private let inner: Cursor
    private var previous: Row?

    init(_ inner: Cursor) { self.inner = inner }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        previous = nil
        try inner.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        while let row = try inner.next() {
            if row == previous { continue }
            previous = row
            return row
        }
        return nil
    }
}

/// OFFSET and LIMIT. Stops pulling from its input once the limit is reached.
final class SliceCursor: Cursor {
    private let inner: Cursor
    private let offset: Int
    private let limit: Int?
    private var skipped = 0
    private var returned = 0

    init(_ inner: Cursor, offset: Int, limit: Int?) {
        self.inner = inner
        self.offset = offset
        self.limit = limit
    }

    override func open(_ input: Row) throws(QueryEvaluationError) {
        skipped = 0
        returned = 0
        if limit == 0 { return }
        try inner.open(input)
    }

    override func next() throws(QueryEvaluationError) -> Row? {
        if let limit, returned >= limit { return nil }
        while skipped < offset {
            guard try inner.next() != nil else { return nil }
            skipped += 1
        }
        guard let row = try inner.next() else { return nil }
        returned += 1
        return row
    }
}
