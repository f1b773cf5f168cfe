import RDF

/// A string literal argument (§17.4.3): a simple literal, an `xsd:string`, or a language-tagged string.
struct StringArgument {
    var value: String
    /// The language tag; `nil` for simple literals and `xsd:string`.
    var language: String?

    /// A literal of the same kind as this one: same language tag, or a simple literal.
    func withValue(_ value: String) -> Term {
        .literal(language.map { Literal(value, language: $0) } ?? Literal(value))
    }
}

/// Functions on strings (SPARQL 1.1 §17.4.3, https://www.w3.org/TR/sparql11-query/#func-strings). Positions and lengths
/// count Unicode code points, and matching compares code points (XPath's default collation), never Swift `Character`s.
extension SPARQLFunctions {
    /// `STRLEN(str)`: the number of code points.
    static func strlen(_ term: Term) throws(ExpressionError) -> Term {
        integer(try stringArgument(term, "STRLEN").value.unicodeScalars.count)
    }

    /// `SUBSTR(source, start [, length])` with `fn:substring` semantics: 1-based code point positions p with
    /// round(start) ≤ p < round(start) + round(length), so SUBSTR("12345", 1.5, 2.6) is "234" and SUBSTR("12345", 0, 3)
    /// is "12". Keeps the source's language tag.
    static func substr(_ source: Term, _ start: Term, _ length: Term?) throws(ExpressionError) -> Term {
        let string = try stringArgument(source, "SUBSTR")
        let first = roundHalfUp(try numeric(start, "SUBSTR start").doubleValue)
        let end: Double
        if let length {
            end = first + roundHalfUp(try numeric(length, "SUBSTR length").doubleValue)
        } else {
            end = .infinity
        }
        var result = String.UnicodeScalarView()
        var position = 1.0
        for scalar in string.value.unicodeScalars {
            if position >= first && position < end { result.append(scalar) }
            position += 1
        }
        return string.withValue(String(result))
    }

    /// `UCASE(str)`, keeping the language tag.
    static func ucase(_ term: Term) throws(ExpressionError) -> Term {
        let string = try stringArgument(term, "UCASE")
        return string.withValue(string.value.uppercased())
    }

    /// `LCASE(str)`, keeping the language tag.
    static func lcase(_ term: Term) throws(ExpressionError) -> Term {
        let string = try stringArgument(term, "LCASE")
        return string.withValue(string.value.lowercased())
    }

    /// `STRSTARTS(arg1, arg2)` for compatible arguments.
    static func strStarts(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRSTARTS")
        return boolean(Array(x.value.unicodeScalars).starts(with: y.value.unicodeScalars))
    }

    /// `STRENDS(arg1, arg2)` for compatible arguments.
    static func strEnds(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRENDS")
        return boolean(Array(x.value.unicodeScalars).reversed().starts(with: y.value.unicodeScalars.reversed()))
    }

    /// `CONTAINS(arg1, arg2)` for compatible arguments.
    static func contains(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        let (x, y) = try compatibleArguments(a, b, "CONTAINS")
        return boolean(firstMatch(of: Array(y.value.unicodeScalars), in: Array(x.value.unicodeScalars)) != nil)
    }

    /// `STRBEFORE(arg1, arg2)`: the part of arg1 before the first arg2, keeping arg1's kind; a simple "" when arg2 does
    /// not occur.
    static func strBefore(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRBEFORE")
        let scalars = Array(x.value.unicodeScalars)
        guard let index = firstMatch(of: Array(y.value.unicodeScalars), in: scalars) else { return .string("") }
        return x.withValue(string(scalars[..<index]))
    }

    /// `STRAFTER(arg1, arg2)`: the part of arg1 after the first arg2, keeping arg1's kind; a simple "" when arg2 does
    /// not occur.
    static func strAfter(_ a: Term, _ b: Term) throws(ExpressionError) -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRAFTER")
        let scalars = Array(x.value.unicodeScalars)
        let needle = Array(y.value.unicodeScalars)
        guard let index = firstMatch(of: needle, in: scalars) else { return .string("") }
        return x.withValue(string(scalars[(index + needle.count)...]))
    }

    /// `ENCODE_FOR_URI(str)`: a simple literal with every UTF-8 byte outside RFC 3986's unreserved set percent-encoded
    /// in upper-case hex.
    static func encodeForURI(_ term: Term) throws(ExpressionError) -> Term {
        let string = try stringArgument(term, "ENCODE_FOR_URI").value
        var encoded = ""
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return .string(encoded)
    }

    /// `CONCAT(str…)`: the concatenation; language-tagged if every argument has the same tag, else a simple literal.
    static func concat(_ terms: [Term]) throws(ExpressionError) -> Term {
        var result = ""
        var language: String?? = .none  // .none: no argument yet; .some(nil): no common tag
        for term in terms {
            let string = try stringArgument(term, "CONCAT")
            guard result.utf8.count + string.value.utf8.count <= SPARQLLimits.maximumStringLength else { throw .tooLong("CONCAT") }
            result += string.value
            switch language {
            case .none: language = .some(string.language)
            case .some(let common?) where common != string.language: language = .some(nil)
            default: break
            }
        }
        if case .some(let tag?) = language { return .literal(Literal(result, language: tag)) }
        return .string(result)
    }

    /// The string of a string literal argument, or a type error naming the function.
    static func stringArgument(_ term: Term, _ function: String) throws(ExpressionError) -> StringArgument {
        if case .literal(let literal) = term {
            if literal.datatype == XSD.string { return StringArgument(value: literal.lexicalForm, language: nil) }
            if let language = literal.language { return StringArgument(value: literal.lexicalForm, language: language) }
        }
        throw .typeError("\(function) needs a string literal, not \(term)")
    }

    /// The string of a simple literal or `xsd:string` argument (no language tag).
    static func simpleArgument(_ term: Term, _ function: String) throws(ExpressionError) -> String {
        if case .literal(let literal) = term, literal.datatype == XSD.string { return literal.lexicalForm }
        throw .typeError("\(function) needs a simple literal or xsd:string, not \(term)")
    }

    /// Two arguments that are argument-compatible (§17.4.3.1.1): both without a language tag, both with the same
    /// tag, or a tagged first and an untagged second.
    static func compatibleArguments(
        _ a: Term,
        _ b: Term,
        _ function: String
    ) throws(ExpressionError)
        -> (StringArgument, StringArgument)
    {
        let x = try stringArgument(a, function)
        let y = try stringArgument(b, function)
        guard y.language == nil || y.language == x.language else {
            throw .typeError("\(function) arguments \(a) and \(b) are not compatible")
        }
        return (x, y)
    }

    /// The index of the first occurrence of `needle` in `haystack`, by code point; 0 for an empty needle.
    static func firstMatch(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// `fn:round` on a double: halves toward positive infinity.
    static func roundHalfUp(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let floor = value.rounded(.down)
        return value - floor >= 0.5 ? floor + 1 : floor
    }
}
