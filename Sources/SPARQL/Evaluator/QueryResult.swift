public import RDF

/// The answer to a query, ready to stream: rows for SELECT, a boolean for ASK, triples for CONSTRUCT and DESCRIBE.
///
/// `@unchecked Sendable`: the lazy results hold the query's evaluation state, which is not thread-safe. A result may
/// be handed to another task (an HTTP response body, say), but only one task may pull from it, and copies of a
/// `QuerySolutions` or `QueryTriples` share one cursor.
public enum QueryResult: @unchecked Sendable {
    /// SELECT: the result variables and a lazy sequence of rows.
    case solutions(QuerySolutions)
    /// ASK: whether the pattern has a solution.
    case boolean(Bool)
    /// CONSTRUCT and DESCRIBE: a lazy sequence of distinct triples.
    case graph(QueryTriples)
}

/// The solutions of a SELECT query (or of a pattern, for SPARQL Update), computed as they are pulled.
///
/// ```swift
/// guard case .solutions(var solutions) = try QueryEvaluator().evaluate(query, in: snapshot) else { return }
/// while let row = try solutions.next() {
///     for (variable, value) in zip(solutions.variables, row) { print(variable, value ?? "unbound") }
/// }
/// ```
public struct QuerySolutions: @unchecked Sendable {
    /// The result variables, in the order of the SELECT clause. `row[i]` is the value of `variables[i]`.
    public let variables: [Variable]
    let stream: SolutionStream

    init(variables: [Variable], stream: SolutionStream) {
        self.variables = variables
        self.stream = stream
    }

    /// The next solution, one entry per variable (`nil` where unbound), or `nil` after the last.
    /// - Throws: `QueryEvaluationError.timeout` past the deadline, `.cancelled` when the task is cancelled.
    public mutating func next() throws(QueryEvaluationError) -> [Term?]? {
        try stream.nextTerms()
    }

    /// The next solution as IDs (`nil` where unbound): the dataset's IDs for its terms, IDs from
    /// `TermID.firstQueryLocal` for terms the query computed (`term(for:)` spells them). Saves decoding what a caller
    /// only passes back to the dataset, as an update's templates do.
    public mutating func nextIDs() throws(QueryEvaluationError) -> [TermID?]? {
        var row: [TermID?] = []
        return try nextIDs(into: &row) ? row : nil
    }

    /// `nextIDs()` written into an array the caller keeps, so that a caller streaming rows out refills one array
    /// instead of allocating one per row.
    /// - Returns: `false` after the last solution, leaving `row` as it was.
    public mutating func nextIDs(into row: inout [TermID?]) throws(QueryEvaluationError) -> Bool {
        guard let solution = try stream.nextRow() else { return false }
        let slots = stream.outputSlots
        if row.count != slots.count { row = Array(repeating: nil, count: slots.count) }
        for index in slots.indices {
            let id = solution[slots[index]]
            row[index] = id.isBound ? id : nil
        }
        return true
    }

    /// The term behind an ID of `nextIDs()`.
    public func term(for id: TermID) -> Term { stream.context.term(for: id) }

    /// The spelling of the term behind an ID of `nextIDs()`, read in place from the dataset where it can be.
    public func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void) { stream.context.withSpelling(of: id, body) }
}

/// The triples of a CONSTRUCT or DESCRIBE query, computed as they are pulled; each triple is returned once.
public struct QueryTriples: @unchecked Sendable {
    let stream: TripleStream

    init(stream: TripleStream) { self.stream = stream }

    /// The next triple, or `nil` after the last.
    /// - Throws: `QueryEvaluationError.timeout` past the deadline, `.cancelled` when the task is cancelled.
    public mutating func next() throws(QueryEvaluationError) -> Triple? {
        try stream.next()
    }
}

/// A query's root cursor and the slots of its result variables.
final class SolutionStream {
    let context: EvaluationContext
    private let root: Cursor
    let outputSlots: [Int]
    private var finished = false

    init(context: EvaluationContext, root: Cursor, outputSlots: [Int]) {
        self.context = context
        self.root = root
        self.outputSlots = outputSlots
    }

    /// The next solution as IDs.
    func nextRow() throws(QueryEvaluationError) -> Row? {
        guard !finished else { return nil }
        guard let row = try root.next() else {
            finished = true
            return nil
        }
        return row
    }

    func nextTerms() throws(QueryEvaluationError) -> [Term?]? {
        guard let row = try nextRow() else { return nil }
        return outputSlots.map { slot in
            let id = row[slot]
            return id.isBound ? context.term(for: id) : nil
        }
    }
}

/// A stream of result triples (CONSTRUCT, DESCRIBE).
class TripleStream {
    func next() throws(QueryEvaluationError) -> Triple? { nil }
}
