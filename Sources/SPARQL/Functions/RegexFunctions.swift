import Foundation
import RDF
import Synchronization

/// `REGEX` and `REPLACE` (SPARQL 1.1 §17.4.3.14 and §17.4.3.15), with XPath `fn:matches`/`fn:replace` semantics
/// over ICU via `RegexTranslation`.
extension SPARQLFunctions {
    /// `REGEX(text, pattern [, flags])`: whether the pattern matches anywhere in text, a string literal.
    static func regex(_ text: Term, _ pattern: Term, _ flags: Term?, context: FunctionContext) throws(ExpressionError) -> Term {
        let input = try stringArgument(text, "REGEX").value
        let source = try simpleArgument(pattern, "REGEX")
        let flagText = try flags.map { (term) throws(ExpressionError) in try simpleArgument(term, "REGEX") } ?? ""
        if let search = LiteralPatternSearch(pattern: source, flags: flagText), let found = search.matches(input) { return boolean(found) }
        let (expression, _) = try compile(pattern, flags, "REGEX", context: context)
        return boolean(!(try matches(of: expression, in: input, firstOnly: true, function: "REGEX", context: context)).isEmpty)
    }

    /// `REPLACE(arg, pattern, replacement [, flags])`: every non-overlapping match replaced; in the replacement, `$n`
    /// is the n-th group (empty if there is no such group), `\$` and `\\` are literal. Keeps arg's language tag.
    /// - Throws: `ExpressionError.invalidRegularExpression` if the pattern matches the empty string (XPath
    ///   err:FORX0003) or the replacement has a lone `\` or `$` (err:FORX0004).
    static func replace(
        _ text: Term,
        _ pattern: Term,
        _ replacement: Term,
        _ flags: Term?,
        context: FunctionContext
    )
        throws(ExpressionError) -> Term
    {
        let input = try stringArgument(text, "REPLACE")
        let template = try simpleArgument(replacement, "REPLACE")
        let (expression, literal) = try compile(pattern, flags, "REPLACE", context: context)
        guard expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) == nil else {
            throw .invalidRegularExpression("REPLACE pattern \(pattern) matches the empty string")
        }
        let parts = literal ? [.text(template)] : try replacementParts(template, groups: expression.numberOfCaptureGroups)
        let source = input.value as NSString
        var result = ""
        var position = 0
        for match in try matches(of: expression, in: input.value, firstOnly: false, function: "REPLACE", context: context) {
            result += source.substring(with: NSRange(location: position, length: match.range.location - position))
            for part in parts {
                switch part {
                case .text(let text): result += text
                case .group(let number):
                    let range = match.range(at: number)
                    if range.location != NSNotFound { result += source.substring(with: range) }
                }
            }
            position = match.range.location + match.range.length
            guard result.utf8.count <= SPARQLLimits.maximumStringLength else { throw .tooLong("REPLACE") }
        }
        result += source.substring(from: position)
        return input.withValue(result)
    }

    /// The matches of `expression` in `text` (only the first with `firstOnly`). ICU reports progress while it
    /// backtracks, so a pattern such as `^(a+)+$` on a long string stops at the query's limit instead of running on.
    /// With `.reportCompletion` the last call carries `.internalError` when ICU gave up (its backtracking stack ran
    /// out): the matches found so far are then not all of them, so the call is an error, never a partial answer.
    /// - Throws: `ExpressionError.stopped` when the context's limit passes or the query is cancelled;
    ///   `ExpressionError.regexMatchFailed` when ICU could not finish.
    private static func matches(
        of expression: NSRegularExpression, in text: String, firstOnly: Bool, function: String, context: FunctionContext
    ) throws(ExpressionError) -> [NSTextCheckingResult] {
        var found: [NSTextCheckingResult] = []
        var stopped = false
        var failed = false
        let range = NSRange(location: 0, length: (text as NSString).length)
        expression.enumerateMatches(in: text, options: [.reportProgress, .reportCompletion], range: range) { match, flags, stop in
            if flags.contains(.internalError) {
                failed = true
                stop.pointee = true
            } else if let match {
                found.append(match)
                if firstOnly { stop.pointee = true }
            } else if context.shouldStop() {
                stopped = true
                stop.pointee = true
            }
        }
        if stopped { throw .stopped(function) }
        if failed { throw .regexMatchFailed(function) }
        return found
    }

    private enum ReplacementPart {
        case text(String)
        case group(Int)
    }

    /// Splits an `fn:replace` replacement string: `$` takes the longest run of digits that names an existing group
    /// (at least one digit), `\` escapes only `$` and `\`.
    private static func replacementParts(_ template: String, groups: Int) throws(ExpressionError) -> [ReplacementPart] {
        var parts: [ReplacementPart] = []
        var text = ""
        let scalars = Array(template.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            switch c {
            case "\\":
                guard index < scalars.count, scalars[index] == "\\" || scalars[index] == "$" else {
                    throw .invalidRegularExpression("\"\\\" must escape \"\\\" or \"$\" in replacement \"\(template)\"")
                }
                text.unicodeScalars.append(scalars[index])
                index += 1
            case "$":
                guard index < scalars.count, ("0"..."9").contains(scalars[index]) else {
                    throw .invalidRegularExpression("\"$\" must be followed by a digit in replacement \"\(template)\"")
                }
                var number = Int(scalars[index].value - 48)
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]),
                    number * 10 + Int(scalars[index].value - 48) <= groups
                {
                    number = number * 10 + Int(scalars[index].value - 48)
                    index += 1
                }
                parts.append(.text(text))
                text = ""
                if number <= groups { parts.append(.group(number)) }
            default:
                text.unicodeScalars.append(c)
            }
        }
        parts.append(.text(text))
        return parts
    }

    /// The compiled pattern (cached on the context) and whether the `q` flag made it literal.
    private static func compile(
        _ pattern: Term,
        _ flags: Term?,
        _ function: String,
        context: FunctionContext
    )
        throws(ExpressionError) -> (NSRegularExpression, literal: Bool)
    {
        let source = try simpleArgument(pattern, function)
        let flagText = try flags.map { (term) throws(ExpressionError) in try simpleArgument(term, function) } ?? ""
        return try context.regularExpression(pattern: source, flags: flagText)
    }
}

extension FunctionContext {
    /// The ICU regular expression for an XPath pattern and flags, compiled once per context.
    func regularExpression(pattern: String, flags: String) throws(ExpressionError) -> (NSRegularExpression, literal: Bool) {
        let key = flags + "/" + pattern
        if let cached = regexCache.withLock({ $0[key] }) { return cached }
        let translation = try RegexTranslation(pattern, flags: flags)
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(
                pattern: translation.pattern,
                options: translation.caseInsensitive ? [.caseInsensitive] : []
            )
        } catch {
            throw .invalidRegularExpression("\"\(pattern)\" (as ICU \"\(translation.pattern)\"): \(error)")
        }
        let entry = (expression, literal: translation.literal)
        regexCache.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }  // bounds memory for queries that build patterns per row
            cache[key] = entry
        }
        return entry
    }
}
