public import RDF

/// Writes one query result in a `QueryResultsFormat`, streaming (STYLE.md §8): header, rows as they come, `finish()`.
///
/// Output is UTF-8 written straight into a buffer; the buffer goes to `sink` in chunks of about 64 KiB (a chunk may
/// run over by one row), and the remainder at `finish()` or `writeBoolean(_:)`. No `String` is built per row.
///
/// ```swift
/// var serializer = QueryResultsSerializer(format: .json) { chunk in try body.write(chunk) }
/// try serializer.start(variables: ["s", "label"])
/// for solution in solutions { try serializer.write([solution.s, solution.label]) }
/// try serializer.finish()
/// ```
///
/// Calls out of order (a row before `start`, anything after `finish`) and rows whose length differs from the
/// variables' are programming errors and trap.
public struct QueryResultsSerializer {
    /// The format being written.
    public let format: QueryResultsFormat
    private var out: ByteSink
    private var state = State.ready
    private var variableCount = 0
    /// Per-variable bytes a format repeats in every row (JSON object keys, XML binding tags).
    private var preparedVariables: [[UInt8]] = []
    private var rowCount = 0

    private enum State { case ready, writingRows, finished }

    /// - Parameters:
    ///   - format: The results format to write.
    ///   - sink: Receives the output, chunk by chunk, in order. Whatever it throws is rethrown by the call that flushed.
    public init(format: QueryResultsFormat, sink: @escaping ([UInt8]) throws -> Void) {
        self.format = format
        self.out = ByteSink(sink)
    }

    /// Writes the header for a SELECT result.
    /// - Parameter variables: Variable names without `?`, in column order.
    /// - Throws: Whatever the sink throws.
    public mutating func start(variables: [String]) throws {
        precondition(state == .ready, "start(variables:) must come first, and once")
        state = .writingRows
        variableCount = variables.count
        switch format {
        case .json:
            preparedVariables = JSONResultsSerializer.keys(for: variables)
            JSONResultsSerializer.writeHead(variables, to: &out)
        case .xml:
            preparedVariables = XMLResultsSerializer.bindingTags(for: variables)
            XMLResultsSerializer.writeHead(variables, to: &out)
        case .csv: CSVResultsSerializer.writeHead(variables, to: &out)
        case .tsv: TSVResultsSerializer.writeHead(variables, to: &out)
        }
        try out.flushIfFull()
    }

    /// Writes one solution.
    /// - Parameter row: `row[i]` is the value of the `i`th variable given to `start(variables:)`, or `nil` if unbound.
    /// - Throws: Whatever the sink throws.
    public mutating func write(_ row: [Term?]) throws {
        precondition(state == .writingRows, "write(_:) must come between start(variables:) and finish()")
        precondition(row.count == variableCount, "a row has \(row.count) values for \(variableCount) variables")
        switch format {
        case .json: JSONResultsSerializer.writeRow(row, keys: preparedVariables, isFirst: rowCount == 0, to: &out)
        case .xml: XMLResultsSerializer.writeRow(row, bindingTags: preparedVariables, to: &out)
        case .csv: CSVResultsSerializer.writeRow(row, to: &out)
        case .tsv: TSVResultsSerializer.writeRow(row, to: &out)
        }
        rowCount += 1
        try out.flushIfFull()
    }

    /// Writes one solution of `solutions`, as `nextIDs()` returned it. JSON copies each term's spelling from the
    /// dataset (no `Term` decoded); the other formats write the decoded terms, as `write(_:)` does.
    /// - Throws: Whatever the sink throws.
    public mutating func write(_ row: [TermID?], of solutions: QuerySolutions) throws {
        precondition(state == .writingRows, "write(_:of:) must come between start(variables:) and finish()")
        precondition(row.count == variableCount, "a row has \(row.count) values for \(variableCount) variables")
        switch format {
        case .json:
            JSONResultsSerializer.writeRow(row, of: solutions, keys: preparedVariables, isFirst: rowCount == 0, to: &out)
            rowCount += 1
            try out.flushIfFull()
        case .xml, .csv, .tsv:
            try write(row.map { id in id.map(solutions.term(for:)) })
        }
    }

    /// Ends a SELECT result and hands the remaining bytes to the sink.
    /// - Throws: Whatever the sink throws.
    public mutating func finish() throws {
        precondition(state == .writingRows, "finish() must follow start(variables:), once")
        state = .finished
        switch format {
        case .json: JSONResultsSerializer.writeFooter(to: &out)
        case .xml: XMLResultsSerializer.writeFooter(to: &out)
        case .csv, .tsv: break
        }
        try out.flush()
    }

    /// Writes a whole ASK result and hands it to the sink; use instead of `start`/`write`/`finish`.
    ///
    /// CSV and TSV have no boolean form in the specification; they get Jena's one-cell table (see `CSVResultsSerializer`).
    /// - Throws: Whatever the sink throws.
    public mutating func writeBoolean(_ value: Bool) throws {
        precondition(state == .ready, "writeBoolean(_:) is a whole result: it cannot follow start(variables:)")
        state = .finished
        switch format {
        case .json: JSONResultsSerializer.writeBoolean(value, to: &out)
        case .xml: XMLResultsSerializer.writeBoolean(value, to: &out)
        case .csv: CSVResultsSerializer.writeBoolean(value, to: &out)
        case .tsv: TSVResultsSerializer.writeBoolean(value, to: &out)
        }
        try out.flush()
    }
}

extension QueryResultsSerializer {
    /// Serializes results held in memory (tests, clients, small fixed answers) into one byte array.
    ///
    /// Rows are written in order, each variable looked up in the row's dictionary.
    public static func serialize(_ results: QueryResults, as format: QueryResultsFormat) -> [UInt8] {
        var bytes: [UInt8] = []
        var serializer = QueryResultsSerializer(format: format) { bytes.append(contentsOf: $0) }
        do {
            switch results {
            case .boolean(let value):
                try serializer.writeBoolean(value)
            case .solutions(let variables, let rows):
                try serializer.start(variables: variables)
                for row in rows { try serializer.write(variables.map { row[$0] }) }
                try serializer.finish()
            }
        } catch {
            preconditionFailure("appending to an array cannot throw: \(error)")
        }
        return bytes
    }
}
