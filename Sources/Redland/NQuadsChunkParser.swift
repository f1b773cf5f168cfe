import RDF

/// N-Triples and N-Quads through `NQuadsParser` (linear time, strict), a block of whole lines at a time.
///
/// A chunk is cut after its last `\n`; the rest waits for the next chunk, so a line is never split and memory stays at
/// about one chunk plus the longest line.
final class NQuadsChunkParser: ChunkParser {
    private let allowsGraphs: Bool
    private let file: String?
    private let blankPrefix: String
    private let handle: (Quad) throws -> Void
    /// The start of a line that the previous chunk did not finish.
    private var carry: [UInt8] = []
    /// 0-based number of the line that `carry` starts.
    private var lineOffset = 0

    init(allowsGraphs: Bool, file: String?, blankPrefix: String, handle: @escaping (Quad) throws -> Void) {
        self.allowsGraphs = allowsGraphs
        self.file = file
        self.blankPrefix = blankPrefix
        self.handle = handle
    }

    func feed(_ chunk: [UInt8], isLast: Bool) throws {
        if isLast {
            try parse(carry.isEmpty ? chunk : carry + chunk)
            carry = []
            return
        }
        guard let lastNewline = chunk.lastIndex(of: UInt8(ascii: "\n")) else {
            carry.append(contentsOf: chunk)
            return
        }
        let block = carry + chunk[...lastNewline]
        try parse(block)
        lineOffset += Self.lineBreaks(in: block)
        carry = Array(chunk[(lastNewline + 1)...])
    }

    func close() {}

    private func parse(_ block: [UInt8]) throws {
        var statements = 0
        do {
            try NQuadsParser.parse(block, allowsGraphs: allowsGraphs) { parsed in
                statements += 1
                let quad = parsed.prefixingBlankNodes(with: blankPrefix)
                do {
                    try RedlandLimits.check(quad)
                } catch var error as RedlandError {
                    error.file = file
                    let place = Self.place(ofStatement: statements, in: block)
                    error.line = lineOffset + place.line + 1
                    error.column = place.column + 1
                    throw error
                }
                try handle(quad)
            }
        } catch let error as RDFSyntaxError {
            throw RedlandError(
                .syntax, error.message, file: file, line: lineOffset + error.position.line + 1,
                column: error.position.column + 1)
        }
    }

    /// Line breaks as `NQuadsParser` counts them: `\n`, `\r\n`, or a lone `\r`.
    private static func lineBreaks(in block: [UInt8]) -> Int {
        var count = 0
        for index in block.indices {
            switch block[index] {
            case UInt8(ascii: "\n"): count += 1
            case UInt8(ascii: "\r") where index + 1 == block.count || block[index + 1] != UInt8(ascii: "\n"): count += 1
            default: break
            }
        }
        return count
    }

    /// The 0-based line and column where the `number`th (1-based) statement starts: only run when reporting an error, so
    /// the common path does not count lines. (What precedes a statement on its line is blanks: one column per byte.)
    private static func place(ofStatement number: Int, in block: [UInt8]) -> (line: Int, column: Int) {
        var line = 0
        var seen = 0
        var index = 0
        while index < block.count {
            var start = index
            while start < block.count, block[start] == UInt8(ascii: " ") || block[start] == UInt8(ascii: "\t") { start += 1 }
            if start < block.count, ![UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#")].contains(block[start]) {
                seen += 1
                if seen == number { return (line, start - index) }
            }
            var end = start
            while end < block.count, block[end] != UInt8(ascii: "\n"), block[end] != UInt8(ascii: "\r") { end += 1 }
            if end + 1 < block.count, block[end] == UInt8(ascii: "\r"), block[end + 1] == UInt8(ascii: "\n") { end += 1 }
            index = end + 1
            line += 1
        }
        return (line, 0)
    }
}
