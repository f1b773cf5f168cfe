public import RDF

/// An error reading or writing JSON-LD.
///
/// Parse errors are the client's fault (`.syntax`, `.invalidContext`, `.invalidDocument`, `.remoteContext`,
/// `.unsupported`); `.unserializable` is a writer's error. The message starts with the JSON-LD 1.1 error code where the
/// spec names one (https://www.w3.org/TR/json-ld11-api/#jsonldprocessingerror), e.g. "invalid @id value: …".
/// `position` is where the JSON syntax error is, or the key (or object) the JSON-LD error is about: stored 0-based,
/// printed 1-based.
public struct JSONLDError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, coarsely, to branch on.
    public enum Code: String, Hashable, Sendable {
        /// The input is not JSON (RFC 8259), not UTF-8, or nested too deeply.
        case syntax
        /// A `@context` or term definition is invalid.
        case invalidContext
        /// The document's contents break a JSON-LD rule (invalid `@id`, `@type`, value object, list, …).
        case invalidDocument
        /// The document names a remote context (a URL in `@context` or `@import`); remote contexts are not fetched.
        case remoteContext
        /// A JSON-LD 1.1 feature this processor does not implement.
        case unsupported
        /// The serializer was given something JSON-LD cannot say (a literal subject, a predicate that is not an IRI).
        case unserializable
    }

    /// The kind of error, to branch on.
    public var code: Code
    /// What is wrong, naming the JSON-LD error code, term or IRI concerned.
    public var message: String
    /// Where in the input the error is; `nil` for serializer errors.
    public var position: SourcePosition?
    /// Byte offset of the error while the parser still has to turn it into a position.
    var offset: Int?

    /// An error with its position in the input, if it has one.
    public init(_ code: Code, _ message: String, at position: SourcePosition? = nil) {
        self.code = code
        self.message = message
        self.position = position
        self.offset = position?.offset
    }

    /// An error at a byte offset of the input; the parser fills in line and column before it reaches the caller.
    init(_ code: Code, _ message: String, offset: Int?) {
        self.code = code
        self.message = message
        self.position = nil
        self.offset = offset
    }

    public var description: String {
        let kind = code == .syntax ? "Syntax error" : "JSON-LD error"
        guard let position else { return "\(kind): \(message)" }
        return "\(kind) at \(position): \(message)"
    }

    public static func == (lhs: JSONLDError, rhs: JSONLDError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.position == rhs.position
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(position)
    }
}
