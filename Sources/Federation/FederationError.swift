/// What went wrong in a harvest step, with where (URL, file, line, column) when it is known.
public struct FederationError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The shipped rule or update files, or an option, are unusable.
        case configuration
        /// No such source, or a second one of the same name.
        case unknownSource
        /// The source could not be fetched (network, status, size, timeout, type).
        case fetch
        /// The bytes are not the RDF they claim to be.
        case parse
        /// Another run of this source is under way.
        case busy
        /// The run would remove more than half of the source's solutions.
        case massRemoval
        /// Nothing to roll back to.
        case noPreviousVersion
    }

    public var code: Code
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(_ code: Code, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { message }
}
