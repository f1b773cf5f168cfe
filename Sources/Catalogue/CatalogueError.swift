/// Why an import was refused: a coarse `code` to branch on, the specifics in `message`, and where in which file.
public struct CatalogueError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The file cannot be read.
        case io
        /// The file is not well-formed XML or RDF.
        case syntax
        /// Well-formed, but not an EIRA release we can import (wrong kind of file, no version, missing parts).
        case notAnEIRARelease
    }

    public var code: Code
    public var message: String
    /// The file as the caller named it.
    public var file: String?
    /// 1-based, where the parser knows it.
    public var line: Int?
    /// 1-based, where the parser knows it.
    public var column: Int?
    public var cause: (any Error & Sendable)?

    public init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.cause = cause
    }

    /// `file: line L column C: message`, leaving out what is unknown.
    public var description: String {
        var text = file.map { "\($0): " } ?? ""
        if let line {
            text += "line \(line)"
            if let column { text += " column \(column)" }
            text += ": "
        }
        return text + message
    }
}
