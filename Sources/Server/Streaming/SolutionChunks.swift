import RDF
import SPARQL

/// A SELECT result in a results format, pulled row by row.
final class SolutionChunks: ChunkSource {
    private var solutions: QuerySolutions
    private var serializer: QueryResultsSerializer
    private let output: PendingOutput
    private var started = false
    private var finished = false
    /// The row being written, refilled for each solution.
    private var row: [TermID?] = []

    init(_ solutions: QuerySolutions, format: QueryResultsFormat) {
        let output = PendingOutput()
        self.solutions = solutions
        self.output = output
        serializer = QueryResultsSerializer(format: format, sink: output.sink)
    }

    func nextChunk() throws -> [UInt8]? {
        if !started {
            started = true
            try serializer.start(variables: solutions.variables.map(\.name))
        }
        // The serializer hands its buffer to the sink every ~64 KiB, and at the end.
        while output.isEmpty && !finished {
            if try solutions.nextIDs(into: &row) {
                try serializer.write(row, of: solutions)
            } else {
                try serializer.finish()
                finished = true
            }
        }
        return output.isEmpty ? nil : output.take()
    }
}

/// An ASK result: one small chunk.
final class BooleanChunk: ChunkSource {
    private var bytes: [UInt8]?

    init(_ value: Bool, format: QueryResultsFormat) {
        let output = PendingOutput()
        var serializer = QueryResultsSerializer(format: format, sink: output.sink)
        // The sink only appends to memory; nothing here can throw.
        try? serializer.writeBoolean(value)
        bytes = output.take()
    }

    func nextChunk() throws -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}
