/// Reference resolution (RFC 3986 §5.2, https://www.rfc-editor.org/rfc/rfc3986#section-5.2) for IRIs given as
/// strings: the SPARQL parser resolves relative IRIs against BASE with it, and `IRI()` against the query's base.
///
/// Works on any Unicode string (RFC 3987 IRIs resolve exactly as URIs do) and does no normalisation beyond removing
/// dot segments, so "HTTP://a/%7e" keeps its case and escapes.
///
/// ```swift
/// IRIResolution.resolve("../d;p?y", against: "http://a/b/c/d;p?q")   // "http://a/b/d;p?y"
/// ```
public enum IRIResolution {
    /// The five parts RFC 3986 §3 splits a reference into; absent parts are `nil`, unlike empty ones ("a:?" has a
    /// query of "").
    public struct Components: Hashable, Sendable {
        public var scheme: String?
        public var authority: String?
        public var path: String
        public var query: String?
        public var fragment: String?

        /// Splits a reference as RFC 3986 Appendix B's regular expression does.
        public init(_ reference: String) {
            var rest = Substring(reference)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"), IRIResolution.isScheme(rest[..<colon]) {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        public init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
            (self.scheme, self.authority, self.path, self.query, self.fragment) = (scheme, authority, path, query, fragment)
        }

        /// Recomposition (RFC 3986 §5.3).
        public var reference: String {
            var result = ""
            if let scheme { result += scheme + ":" }
            if let authority { result += "//" + authority }
            result += path
            if let query { result += "?" + query }
            if let fragment { result += "#" + fragment }
            return result
        }
    }

    /// True when the string starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    public static func isAbsolute(_ iri: String) -> Bool { Components(iri).scheme != nil }

    /// True if `reference` starts with a scheme and holds no `/.` or `:.`, so no dot segment can be in its path:
    /// resolving it against any base gives it back unchanged (RFC 3986 §5.2.2, with `removeDotSegments` a no-op).
    package static func isPlainAbsolute(_ reference: String) -> Bool {
        var utf8 = reference.utf8.makeIterator()
        guard let first = utf8.next(), isLetter(first) else { return false }
        var sawColon = false
        while let byte = utf8.next() {
            if byte == UInt8(ascii: ":") {
                sawColon = true
                break
            }
            guard isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            else { return false }
        }
        guard sawColon else { return false }
        var previous = UInt8(ascii: ":")
        for byte in reference.utf8 {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: "/") || previous == UInt8(ascii: ":") { return false }
            previous = byte
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The target of `reference` relative to `base` (RFC 3986 §5.2.2, strict: a reference with a scheme is taken as
    /// absolute even when it is the base's scheme). `base` should be absolute; a fragment on it is ignored.
    public static func resolve(_ reference: String, against base: String) -> String {
        // Most references in queries and data are already absolute with nothing to normalise: they resolve to themselves.
        if isPlainAbsolute(reference) { return reference }
        let r = Components(reference)
        let b = Components(base)
        var target = Components(scheme: nil, authority: nil, path: "", query: nil, fragment: r.fragment)
        if r.scheme != nil {
            target.scheme = r.scheme
            target.authority = r.authority
            target.path = removeDotSegments(r.path)
            target.query = r.query
        } else {
            if r.authority != nil {
                target.authority = r.authority
                target.path = removeDotSegments(r.path)
                target.query = r.query
            } else {
                if r.path.isEmpty {
                    target.path = b.path
                    target.query = r.query ?? b.query
                } else {
                    target.path = removeDotSegments(r.path.hasPrefix("/") ? r.path : merge(base: b, path: r.path))
                    target.query = r.query
                }
                target.authority = b.authority
            }
            target.scheme = b.scheme
        }
        return target.reference
    }

    /// RFC 3986 §5.2.4: removes "." and ".." segments, so "/a/b/c/./../../g" becomes "/a/g".
    public static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []  // each element is a segment with its leading "/", if any
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let searchStart = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchStart...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    /// RFC 3986 §5.2.3.
    private static func merge(base: Components, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return base.path[...slash] + path
    }

    static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar))
        }
    }
}
