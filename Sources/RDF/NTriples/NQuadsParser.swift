/// A strict, linear-time N-Triples / N-Quads parser (https://www.w3.org/TR/n-quads/).
///
/// Lodestar parses its own journal with it, and uses it where raptor's N-Triples parser would take time quadratic in
/// a line's length. It refuses invalid UTF-8, relative IRIs and malformed escapes, and reports the first error with
/// its line and column.
///
/// ```swift
/// try NQuadsParser.parse(Array(text.utf8)) { quad in quads.append(quad) }
/// ```
public struct NQuadsParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let allowsGraphs: Bool
    private var index = 0
    private var line = 0
    private var lineStart = 0

    /// Parses every statement in `bytes`, calling `emit` for each in document order.
    /// - Parameters:
    ///   - allowsGraphs: `false` for N-Triples, where a fourth term is a syntax error.
    /// - Throws: `RDFSyntaxError` at the first error, or whatever `emit` throws. Statements before the error were emitted.
    public static func parse(_ bytes: [UInt8], allowsGraphs: Bool = true, _ emit: (Quad) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = NQuadsParser(bytes: buffer, allowsGraphs: allowsGraphs)
            try parser.run(emit)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, allowsGraphs: Bool) {
        self.bytes = bytes
        self.allowsGraphs = allowsGraphs
    }

    private mutating func run(_ emit: (Quad) throws -> Void) throws {
        while index < bytes.count {
            skipSpaces()
            if atLineEnd() {
                try endLine()
                continue
            }
            let subject = try parseSubject()
            skipSpaces()
            let predicate = Term.iri(try parseIRI())
            skipSpaces()
            let object = try parseObject()
            skipSpaces()
            var graph = GraphName.defaultGraph
            if peek() != UInt8(ascii: ".") {
                guard allowsGraphs else { throw error("expected '.' to end the triple") }
                graph = try parseGraph()
                skipSpaces()
            }
            guard peek() == UInt8(ascii: ".") else { throw error("expected '.' to end the statement") }
            index += 1
            skipSpaces()
            guard atLineEnd() else { throw error("expected the end of the line after '.'") }
            try emit(Quad(subject, predicate, object, graph: graph))
            try endLine()
        }
    }

    // MARK: Terms

    private mutating func parseSubject() throws -> Term {
        switch peek() {
        case UInt8(ascii: "<"): return .iri(try parseIRI())
        case UInt8(ascii: "_"): return .blankNode(try parseBlankNode())
        default: throw error("expected an IRI or a blank node as subject")
        }
    }

    private mutating func parseObject() throws -> Term {
        switch peek() {
        case UInt8(ascii: "<"): return .iri(try parseIRI())
        case UInt8(ascii: "_"): return .blankNode(try parseBlankNode())
        case UInt8(ascii: "\""): return .literal(try parseLiteral())
        default: throw error("expected an IRI, a blank node or a literal as object")
        }
    }

    private mutating func parseGraph() throws -> GraphName {
        switch peek() {
        case UInt8(ascii: "<"): return .iri(try parseIRI())
        case UInt8(ascii: "_"): return .blankNode(try parseBlankNode())
        default: throw error("expected an IRI or a blank node as graph name, or '.'")
        }
    }

    private mutating func parseIRI() throws -> IRI {
        let start = index
        guard peek() == UInt8(ascii: "<") else { throw error("expected an IRI in '<…>'") }
        let text: String
        do throws(NTriplesTokens.Failure) {
            text = try NTriplesTokens.readIRIRef(bytes, at: &index, end: bytes.count, refusingEscapedDelimiters: true)
        } catch {
            throw self.error(error.message, at: error.offset)
        }
        guard Self.hasScheme(text) else { throw error("relative IRI <\(text)> (N-Triples needs absolute IRIs)", at: start) }
        return IRI(text)
    }

    private mutating func parseBlankNode() throws -> BlankNode {
        let start = index
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") else { throw error("expected '_:' to start a blank node") }
        index += 2
        let labelStart = index
        while index < bytes.count, !Self.endsLabel(bytes[index]) { index += 1 }
        // A label may contain '.', but not end with one: the last '.' ends the statement.
        while index > labelStart, bytes[index - 1] == UInt8(ascii: ".") { index -= 1 }
        let label = try decode(Array(bytes[labelStart..<index]), at: start)
        guard NTriples.isValidBlankNodeLabel(label) else { throw error("invalid blank node label '_:\(label)'", at: start) }
        return BlankNode(label)
    }

    private mutating func parseLiteral() throws -> Literal {
        let start = index
        index += 1
        var value = [UInt8]()
        while true {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") else {
                throw error("unterminated string", at: start)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                do throws(NTriplesTokens.Failure) {
                    try NTriplesTokens.readStringEscape(bytes, at: &index, end: bytes.count, into: &value)
                } catch {
                    throw self.error(error.message, at: error.offset)
                }
            } else {
                value.append(byte)
                index += 1
            }
        }
        let lexical = try decode(value, at: start)
        if peek() == UInt8(ascii: "@") {
            index += 1
            let tagStart = index
            while index < bytes.count, NTriplesTokens.isLanguageTagByte(bytes[index]) { index += 1 }
            let tag = String(decoding: bytes[tagStart..<index], as: UTF8.self)
            guard Self.isValidLanguageTag(tag) else { throw error("invalid language tag '@\(tag)'", at: tagStart - 1) }
            return Literal(lexical, language: tag)
        }
        if peek() == UInt8(ascii: "^") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^") else { throw error("expected '^^' before a datatype") }
            index += 2
            return Literal(lexical, datatype: try parseIRI())
        }
        return Literal(lexical)
    }

    // MARK: Lines and positions

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
    }

    private func atLineEnd() -> Bool {
        guard let byte = peek() else { return true }
        return byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "#")
    }

    private mutating func endLine() throws {
        if peek() == UInt8(ascii: "#") {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
        }
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        index += 1
        line += 1
        lineStart = index
    }

    private func decode(_ utf8: [UInt8], at offset: Int) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw error("invalid UTF-8", at: offset) }
        return text
    }

    private func error(_ message: String, at offset: Int? = nil) -> RDFSyntaxError {
        let offset = min(offset ?? index, bytes.count)
        let prefix = bytes[lineStart..<max(lineStart, offset)]
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count
        return RDFSyntaxError(message, at: SourcePosition(line: line, column: column, offset: offset))
    }

    // MARK: Character classes

    private static func endsLabel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "<"), UInt8(ascii: "\""),
            UInt8(ascii: "#"):
            true
        default: false
        }
    }

    private static func hasScheme(_ iri: String) -> Bool {
        var scalars = iri.unicodeScalars.makeIterator()
        guard let first = scalars.next(), ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        while let c = scalars.next() {
            switch c {
            case ":": return true
            case "a"..."z", "A"..."Z", "0"..."9", "+", "-", ".": continue
            default: return false
            }
        }
        return false
    }

    /// LANGTAG: `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`.
    package static func isValidLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

}
