/// An error from the quad store: a coarse code to branch on, the specifics, and the underlying cause (STYLE.md §4).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The input was not acceptable RDF (syntax, invalid term); nothing was written.
        case invalidData
        /// The store directory or its journal could not be read or written.
        case io
        /// Redland refused an operation.
        case storage
        /// The dictionary ran out of IDs.
        case full
        /// The store was closed.
        case closed
    }

    public var code: Code
    public var message: String
    public var cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message, then the cause unless the message already is the cause's own text (a parse error passed on whole).
    public var description: String {
        guard let cause, "\(cause)" != message else { return message }
        return "\(message): \(cause)"
    }
}
