internal import CRedland

/// One message from librdf or raptor, with the place raptor's locator gave (1-based; `nil` when unknown).
struct LogMessage: Sendable {
    var text: String
    var line: Int?
    var column: Int?
    /// True when the message means failure: an error, or a raptor warning that says data was skipped.
    var isFailure: Bool
}

/// Collects what librdf and raptor log while a `RedlandWorld` works, so that an operation can end in a Swift error.
///
/// librdf's return codes are not enough: raptor's N-Triples parser returns success after syntax errors, and some
/// failures exist only as log messages (research/redland.md §4). Each operation takes a `mark()` before it calls
/// into C and asks `firstFailure(since:)` afterwards; marks nest, so a parse callback may add to a model.
final class LogCollector {
    /// Failures kept in order; beyond `limit`, only counted (a broken file can log an error per line).
    private var failures: [LogMessage] = []
    private var failureCount = 0
    private var openMarks = 0
    private static let limit = 100

    /// The raptor parser at work, if any: messages raised without a locator (an undeclared prefix, for one) take its place.
    var parser: OpaquePointer?

    /// Starts an operation; pass the result to `firstFailure(since:)` and then to `release(_:)`.
    func mark() -> Int {
        openMarks += 1
        return failureCount
    }

    /// The first failure logged since `mark`, if any.
    func firstFailure(since mark: Int) -> LogMessage? {
        guard failureCount > mark else { return nil }
        if mark < failures.count { return failures[mark] }
        return LogMessage(text: "\(failureCount - mark) errors (messages not kept)", isFailure: true)
    }

    /// Ends an operation; when none is open any more, forgets every message.
    func release(_ mark: Int) {
        openMarks -= 1
        if openMarks <= 0 {
            openMarks = 0
            failures.removeAll(keepingCapacity: true)
            failureCount = 0
        }
    }

    /// Runs `body` as one operation and throws the first failure it logged, as a `RedlandError` with `code`.
    func check<T>(_ code: RedlandError.Code, file: String? = nil, _ body: () throws -> T) throws -> T {
        let start = mark()
        defer { release(start) }
        let result = try body()
        if let failure = firstFailure(since: start) { throw failure.error(code, file: file) }
        return result
    }

    func record(_ message: LogMessage) {
        guard message.isFailure else { return }
        failureCount += 1
        if failures.count < Self.limit { failures.append(message) }
    }

    // MARK: C entry points

    /// librdf's logger (`librdf_world_set_logger`). Returns 1 so librdf does not print to stderr itself.
    static let librdfHandler: librdf_log_func = { userData, message in
        guard let userData, let message else { return 1 }
        let collector = Unmanaged<LogCollector>.fromOpaque(userData).takeUnretainedValue()
        let level = librdf_log_message_level(message)
        let text = librdf_log_message_message(message).map { String(cString: $0) } ?? "unknown librdf error"
        var entry = LogMessage(text: text, isFailure: level.rawValue >= LIBRDF_LOG_ERROR.rawValue)
        collector.locate(&entry, librdf_log_message_locator(message))
        collector.record(entry)
        return 1
    }

    /// raptor's log handler (`raptor_world_set_log_handler`); setting one stops raptor printing to stderr.
    static let raptorHandler: raptor_log_handler = { userData, message in
        guard let userData, let message else { return }
        let collector = Unmanaged<LogCollector>.fromOpaque(userData).takeUnretainedValue()
        let text = message.pointee.text.map { String(cString: $0) } ?? "unknown raptor error"
        let level = message.pointee.level
        let isFailure = level.rawValue >= RAPTOR_LOG_LEVEL_ERROR.rawValue
            || (level == RAPTOR_LOG_LEVEL_WARN && meansDataLoss(text))
        var entry = LogMessage(text: text, isFailure: isFailure)
        collector.locate(&entry, message.pointee.locator)
        collector.record(entry)
    }

    private func locate(_ entry: inout LogMessage, _ locator: UnsafeMutablePointer<raptor_locator>?) {
        var locator = locator
        if locator == nil || locator!.pointee.line <= 0, let parser { locator = raptor_parser_get_locator(parser) }
        guard let locator else { return }
        if locator.pointee.line > 0 { entry.line = Int(locator.pointee.line) }
        if locator.pointee.column > 0 { entry.column = Int(locator.pointee.column) }
    }

    /// raptor logs some dropped data only as a warning: "property element 'x' has multiple object node elements,
    /// skipping", "element 'x' has aboutEach / aboutEachPrefix, skipping", "Typed literal used with a language -
    /// ignoring the language", "Ignoring N-Quad literal contexts", "Cannot split predicate URI … - skipping statement".
    /// Each of these says it skips or ignores something; other warnings (deprecated syntax, an unknown
    /// rdf:parseType read as Literal as the spec says) lose nothing.
    static func meansDataLoss(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("skipping") || lowered.contains("ignoring") || lowered.contains("discard")
            || lowered.contains("dropp")
    }
}

extension LogMessage {
    /// This message as a Swift error.
    func error(_ code: RedlandError.Code, file: String?) -> RedlandError {
        RedlandError(code, text, file: file, line: line, column: column)
    }
}
