/// An error from librdf, raptor, or the checks Lodestar runs before data reaches them.
///
/// Positions are 1-based, as raptor reports them, and `nil` when unknown (raptor's Turtle parser knows the line but
/// rarely the column).
public struct RedlandError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure, to branch on.
    public enum Code: Hashable, Sendable {
        /// The input is not valid in its syntax (the client's fault).
        case syntax
        /// The input parses but cannot be stored as given: invalid UTF-8, a term too long for the storage, a literal
        /// as subject, a statement the serializer would have to drop (the client's fault).
        case invalidData
        /// Reading a file or writing output failed.
        case io
        /// librdf could not open, write or sync a storage (ours).
        case storage
        /// A format, storage or option that this build cannot handle.
        case unsupported
    }

    /// What kind of failure.
    public var code: Code
    /// The specifics, as raptor or librdf worded them where they did.
    public var message: String
    /// The file (or document name) the position refers to, if any.
    public var file: String?
    /// 1-based line, if known.
    public var line: Int?
    /// 1-based column, if known.
    public var column: Int?

    /// An error with an optional position.
    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `data.ttl line 12 column 5: syntax error at '"'`; the parts that are unknown are left out.
    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let line { place.append("line \(line)") }
        if let column { place.append("column \(column)") }
        return place.isEmpty ? message : place.joined(separator: " ") + ": " + message
    }
}
