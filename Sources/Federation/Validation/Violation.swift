/// One row of a validation report, in SEMIC's columns.
public struct Violation: Sendable, Codable, Hashable {
    /// SEMIC's rule number (`"1"`…`"104"`) or an application rule's name (`"duplicate-title"`).
    public var rule: String
    public var severity: Severity
    public var className: String
    public var property: String
    public var subject: String?
    public var object: String?
    public var message: String

    public init(
        rule: String, severity: Severity, className: String, property: String, subject: String?, object: String?, message: String
    ) {
        self.rule = rule
        self.severity = severity
        self.className = className
        self.property = property
        self.subject = subject
        self.object = object
        self.message = message
    }
}
