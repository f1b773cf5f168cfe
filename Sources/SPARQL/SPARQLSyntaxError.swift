public import RDF

/// A syntax error in a SPARQL query or update, with the range it covers (STYLE.md §4). Positions are 0-based and print 1-based.
public struct SPARQLSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(_ message: String, start: SourcePosition, end: SourcePosition? = nil) {
        self.message = message
        self.start = start
        self.end = end ?? start
    }

    public var description: String { "Syntax error at line \(start.line + 1) column \(start.column + 1): \(message)" }
}
