/// A place in a source text. Stored 0-based, printed 1-based (STYLE.md §4).
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// 0-based line number.
    public var line: Int
    /// 0-based column, counted in Unicode scalars from the start of the line.
    public var column: Int
    /// 0-based byte offset from the start of the input.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static let start = SourcePosition(line: 0, column: 0, offset: 0)

    public var description: String { "line \(line + 1) column \(column + 1)" }
}

/// A syntax error in RDF text that Lodestar parses itself (N-Triples, N-Quads).
public struct RDFSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "Syntax error at \(position): \(message)" }
}
