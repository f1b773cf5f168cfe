public import RDF

/// Malformed query results: a message, and where in the input it was noticed when the reader can tell.
///
/// Positions are 0-based and print 1-based (STYLE.md §4). The RDF result-set reader has no positions: its input is
/// triples.
public struct QueryResultsSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, without the position.
    public var message: String
    /// Where the problem was noticed, if known. The XML reader knows the line and column but not the byte offset,
    /// which it gives as -1.
    public var position: SourcePosition?

    /// An error with `message`, noticed at `position` (0-based) if known.
    public init(_ message: String, at position: SourcePosition? = nil) {
        self.message = message
        self.position = position
    }

    /// `Syntax error in query results at line L column C: message`, 1-based.
    public var description: String {
        if let position {
            "Syntax error in query results at line \(position.line + 1) column \(position.column + 1): \(message)"
        } else {
            "Syntax error in query results: \(message)"
        }
    }
}

extension QueryResultsSyntaxError {
    /// An error at byte `offset` of `bytes`; the line and column are worked out here, so readers track only offsets.
    init(_ message: String, offset: Int, in bytes: some Collection<UInt8>) {
        var line = 0
        var column = 0
        var previous: UInt8 = 0
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 0
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count scalars: skip UTF-8 continuation bytes
            }
            previous = byte
        }
        self.init(message, at: SourcePosition(line: line, column: column, offset: offset))
    }
}
