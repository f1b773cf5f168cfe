/// Refuses RDF/XML nested deeper than `limit` elements before raptor sees it.
///
/// raptor's RDF/XML parser takes time that grows with the square of the nesting depth (depth 20,000: 24.7 s; 50,000:
/// no answer in 120 s): for every element it looks up the in-scope `xml:lang`, `xml:base` and namespaces by walking up
/// the open elements. Real documents nest a few dozen levels, so a limit far above that and far below the slow range
/// keeps parsing linear. This scanner is linear: it follows XML's lexical structure just far enough to count open
/// elements (start tags, end tags and empty-element tags; comments, CDATA sections, processing instructions,
/// declarations and quoted attribute values are skipped), chunk by chunk, and names the line and column of the start
/// tag that goes too deep.
struct XMLDepthGuard {
    /// The deepest nesting accepted, counting `rdf:RDF`.
    static let limit = 1_000

    private enum State {
        case text
        /// After `<`.
        case open
        /// Inside a start tag; `quote` is the open attribute quote, `slash` whether `/` came last (an empty element).
        case startTag(quote: UInt8?, slash: Bool)
        case endTag
        /// After `<!`, collecting up to 7 bytes to tell a comment, a CDATA section and a declaration apart.
        case markup([UInt8])
        case comment(dashes: Int)
        case cdata(brackets: Int)
        case processingInstruction(question: Bool)
        /// A declaration (`<!DOCTYPE … [ … ]>`): `brackets` open internal-subset brackets, `quote` an open literal.
        case declaration(brackets: Int, quote: UInt8?)
    }

    private var state = State.text
    private var depth = 0
    private var line = 1
    private var column = 0
    private var tagLine = 1
    private var tagColumn = 0
    private let file: String?

    init(file: String?) { self.file = file }

    /// Scans the next bytes (a chunk may end anywhere).
    /// - Throws: `RedlandError(.syntax)` at the start tag that opens element number `limit + 1` of one branch.
    mutating func scan(_ bytes: [UInt8]) throws {
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            try step(byte)
        }
    }

    private mutating func step(_ byte: UInt8) throws {
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") {
                state = .open
                tagLine = line
                tagColumn = column
            }
        case .open:
            switch byte {
            case UInt8(ascii: "/"): state = .endTag
            case UInt8(ascii: "?"): state = .processingInstruction(question: false)
            case UInt8(ascii: "!"): state = .markup([])
            default: state = .startTag(quote: nil, slash: false)
            }
        case .startTag(let quote, let slash):
            if let quote {
                if byte == quote { state = .startTag(quote: nil, slash: false) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .startTag(quote: byte, slash: false)
            } else if byte == UInt8(ascii: ">") {
                state = .text
                if !slash {
                    depth += 1
                    if depth > Self.limit {
                        throw RedlandError(
                            .syntax, "RDF/XML nested deeper than \(Self.limit) elements is not accepted (the limit on nesting depth)",
                            file: file, line: tagLine, column: tagColumn)
                    }
                }
            } else {
                state = .startTag(quote: nil, slash: byte == UInt8(ascii: "/"))
            }
        case .endTag:
            if byte == UInt8(ascii: ">") {
                depth = max(0, depth - 1)
                state = .text
            }
        case .markup(var seen):
            seen.append(byte)
            if seen == Array("--".utf8) {
                state = .comment(dashes: 0)
            } else if seen == Array("[CDATA[".utf8) {
                state = .cdata(brackets: 0)
            } else if Array("--".utf8).starts(with: seen) || Array("[CDATA[".utf8).starts(with: seen) {
                state = .markup(seen)
            } else {
                state = .declaration(brackets: 0, quote: nil)
                try step(byte)
            }
        case .comment(let dashes):
            if byte == UInt8(ascii: ">") && dashes >= 2 {
                state = .text
            } else {
                state = .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            }
        case .cdata(let brackets):
            if byte == UInt8(ascii: ">") && brackets >= 2 {
                state = .text
            } else {
                state = .cdata(brackets: byte == UInt8(ascii: "]") ? brackets + 1 : 0)
            }
        case .processingInstruction(let question):
            if byte == UInt8(ascii: ">") && question {
                state = .text
            } else {
                state = .processingInstruction(question: byte == UInt8(ascii: "?"))
            }
        case .declaration(let brackets, let quote):
            if let quote {
                if byte == quote { state = .declaration(brackets: brackets, quote: nil) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .declaration(brackets: brackets, quote: byte)
            } else if byte == UInt8(ascii: "[") {
                state = .declaration(brackets: brackets + 1, quote: nil)
            } else if byte == UInt8(ascii: "]") {
                state = .declaration(brackets: max(0, brackets - 1), quote: nil)
            } else if byte == UInt8(ascii: ">") && brackets == 0 {
                state = .text
            }
        }
    }
}
