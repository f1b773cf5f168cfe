internal import CRedland
import RDF

/// Finds the byte at which raptor's first error lies when raptor does not say: its Turtle lexer counts lines but not
/// columns, and libxml2's namespace errors reach raptor with no place at all. It parses the document again, only after
/// a parse has failed, with fresh parsers that run the same statement checks as `RaptorParseSession`:
///
/// - **Turtle, TriG** (raptor parses them only at the end of input): prefixes of the document that end between two
///   tokens of the reported line are parsed as whole documents; the first token whose prefix fails with an error other
///   than "unexpected end of input" is the one raptor stopped at. A binary search over the line's tokens: at most
///   log₂(tokens) + 1 parses.
/// - **RDF/XML** (libxml2 parses as bytes arrive): the document is fed again in ever smaller steps (64 KiB, 1 KiB, 16
///   bytes, 1 byte), each pass starting from the step that failed in the pass before: the byte whose arrival makes the
///   parser fail (for a tag, its closing `>`). Four passes over the document at most. raptor's own place for RDF/XML is
///   not used: libxml2 parses a whole chunk before raptor hears of an error, so it names the chunk's end.
///
/// Either way the cost is a few parses of the document, and only on the error path.
struct RaptorErrorLocator {
    let world: RedlandWorld
    let format: RDFFormat
    let baseIRI: String
    let document: [UInt8]
    /// Whether the error is a statement our checks refused: only then do the probes build and check each statement (in
    /// Swift, which costs more than raptor's parse); for a syntax error, raptor's own log is enough.
    var checksStatements = false

    /// The 0-based offset of the first error, given the 1-based line raptor reported (if any).
    func offset(reportedLine: Int?) -> Int {
        switch format {
        case .turtle, .trig: turtleOffset(line: reportedLine ?? TextPlaces.place(of: document.count, in: document).line)
        default: xmlOffset()
        }
    }

    private func turtleOffset(line: Int) -> Int {
        let tokens = TurtleTokenSpans.tokens(onLine: line, of: document)
        // The first token whose prefix fails; none failing means the error is the end of input after the line's tokens.
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if fails(upTo: tokens[middle].upperBound) { high = middle } else { low = middle + 1 }
        }
        if low < tokens.count { return tokens[low].lowerBound }
        return tokens.last?.upperBound ?? TextPlaces.start(ofLine: line, in: document) ?? document.count
    }

    /// True if the document cut at `end` fails for a reason other than ending there.
    private func fails(upTo end: Int) -> Bool {
        guard let probe = Probe(self) else { return false }
        defer { probe.close() }
        return probe.feed(document[..<end], isLast: true, ignoringEndOfInput: true)
    }

    private func xmlOffset() -> Int {
        // raptor only keeps the first chunk, to create libxml2's parser with; parsing starts with the second.
        let primer = min(4, document.count)
        var low = primer
        var high = document.count
        for step in [65_536, 1_024, 16, 1] {
            guard let probe = Probe(self) else { return high }
            defer { probe.close() }
            // Up to `low` the document was read without error in the pass before.
            if probe.feed(document[..<primer], isLast: false, ignoringEndOfInput: false) { return 0 }
            if low > primer, probe.feed(document[primer..<low], isLast: false, ignoringEndOfInput: false) { return low }
            var start = low
            var failedAt: Int?
            while start < high {
                let end = min(start + step, high)
                if probe.feed(document[start..<end], isLast: false, ignoringEndOfInput: false) {
                    failedAt = start
                    break
                }
                start = end
            }
            // Nothing fails before the end of input: the error is the end itself (an element left open).
            guard let failedAt else { return document.count }
            if step == 1 { return failedAt }
            low = failedAt
            high = min(failedAt + step, high)
        }
        return low
    }

    /// One fresh raptor parser over the document's bytes; fails on a logged error or on a statement `RaptorParseSession`
    /// would refuse.
    private final class Probe {
        let world: RedlandWorld
        let parser: OpaquePointer
        let format: RDFFormat
        let mark: Int
        let outerParser: OpaquePointer?
        var refused = false

        init?(_ locator: RaptorErrorLocator) {
            guard let parser = raptor_new_parser(locator.world.raptor, locator.format.raptorName ?? "") else { return nil }
            world = locator.world
            self.parser = parser
            format = locator.format
            if format == .rdfxml {
                raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, nil, 1)
                raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, nil, 1)
                raptor_parser_set_option(parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nil, 0)
            }
            mark = world.log.mark()
            outerParser = world.log.parser
            world.log.parser = parser
            if locator.checksStatements {
                raptor_parser_set_statement_handler(parser, Unmanaged.passUnretained(self).toOpaque(), Self.statementHandler)
            }
            let base = locator.baseIRI.withCountedUTF8 { raptor_new_uri_from_counted_string(world.raptor, $0, $1) }
            defer { if let base { raptor_free_uri(base) } }
            guard let base, raptor_parser_parse_start(parser, base) == 0 else {
                close()
                return nil
            }
        }

        /// Feeds `bytes`; true if the parse has failed by now.
        func feed(_ bytes: ArraySlice<UInt8>, isLast: Bool, ignoringEndOfInput: Bool) -> Bool {
            let status = bytes.withUnsafeBufferPointer { buffer in
                if format == .rdfxml {
                    return withLibXMLLock { raptor_parser_parse_chunk(parser, buffer.baseAddress, buffer.count, isLast ? 1 : 0) }
                }
                return raptor_parser_parse_chunk(parser, buffer.baseAddress, buffer.count, isLast ? 1 : 0)
            }
            if refused { return true }
            if let failure = world.log.firstFailure(since: mark) { return !(ignoringEndOfInput && Self.isEndOfInput(failure.text)) }
            return status != 0 && !ignoringEndOfInput
        }

        func close() {
            world.log.parser = outerParser
            world.log.release(mark)
            withLibXMLLock { raptor_free_parser(parser) }
        }

        /// raptor's words for input that stops too soon: bison's `$end`, the lexer's "End of file".
        static func isEndOfInput(_ text: String) -> Bool { text.contains("$end") || text.contains("End of file") }

        private static let statementHandler: raptor_statement_handler = { userData, statement in
            guard let userData, let statement else { return }
            let probe = Unmanaged<Probe>.fromOpaque(userData).takeUnretainedValue()
            do {
                try RedlandLimits.check(try RaptorParseSession.quad(of: statement.pointee))
            } catch {
                probe.refused = true
            }
        }
    }
}
