internal import CRedland
import RDF

/// Turtle, TriG and RDF/XML through a raptor parser, pushed chunk by chunk.
///
/// raptor reports errors through the world's log handler (its return codes miss some), so after every chunk the
/// session asks the log for failures since it started; once one is logged, no further statement reaches `handle`.
final class RaptorParseSession: ChunkParser {
    private let world: RedlandWorld
    private let parser: OpaquePointer
    private let format: RDFFormat
    private let baseIRI: String
    private let file: String?
    private let blankPrefix: String
    private let handle: (Quad) throws -> Void
    private let mark: Int
    private let outerParser: OpaquePointer?
    private var started = false
    private var closed = false
    /// The first error `handle` raised while taking a statement.
    private var failure: (any Error)?
    /// The first statement our checks refused (a literal graph name, a term too long to store), to be given a place.
    private var refusal: RedlandError?
    /// Every byte fed so far: raptor says where an error is only in part, and `RaptorErrorLocator` reads the document again
    /// to find the rest. (raptor holds a copy of Turtle and TriG itself; an RDF/XML upload's statements take more room.)
    private var document: [UInt8] = []

    init(
        world: RedlandWorld, format: RDFFormat, baseIRI: String, file: String?, blankPrefix: String,
        handle: @escaping (Quad) throws -> Void
    ) throws {
        guard let parser = raptor_new_parser(world.raptor, format.raptorName ?? "") else {
            throw RedlandError(.unsupported, "this raptor has no \(format.raptorName ?? format.rawValue) parser", file: file)
        }
        if format == .rdfxml {
            // No network and no local files behind the document's back (external entities, XInclude).
            raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, nil, 1)
            raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, nil, 1)
            raptor_parser_set_option(parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nil, 0)
        }
        self.world = world
        self.parser = parser
        self.format = format
        self.baseIRI = baseIRI
        self.file = file
        self.blankPrefix = blankPrefix
        self.handle = handle
        self.mark = world.log.mark()
        self.outerParser = world.log.parser
        world.log.parser = parser
    }

    func feed(_ chunk: [UInt8], isLast: Bool) throws {
        if !started {
            started = true
            try start()
        }
        document.append(contentsOf: chunk)
        let status = chunk.withUnsafeBufferPointer { buffer in
            if format == .rdfxml {
                return withLibXMLLock { raptor_parser_parse_chunk(parser, buffer.baseAddress, buffer.count, isLast ? 1 : 0) }
            }
            return raptor_parser_parse_chunk(parser, buffer.baseAddress, buffer.count, isLast ? 1 : 0)
        }
        if let failure { throw failure }
        if let refusal { throw placed(refusal, checkingStatements: true) }
        if let logged = world.log.firstFailure(since: mark) { throw placed(logged.error(.syntax, file: file)) }
        if status != 0 {
            throw placed(RedlandError(.syntax, "raptor could not parse the \(format.raptorName ?? format.rawValue) input", file: file, line: here()))
        }
    }

    /// `error` with the line and column of its place in the document, found by `RaptorErrorLocator` when raptor's locator
    /// leaves either out, and always for RDF/XML (see there).
    private func placed(_ error: RedlandError, checkingStatements: Bool = false) -> RedlandError {
        guard error.line == nil || error.column == nil || format == .rdfxml else { return error }
        let locator = RaptorErrorLocator(
            world: world, format: format, baseIRI: baseIRI, document: document, checksStatements: checkingStatements)
        let place = TextPlaces.place(of: locator.offset(reportedLine: format == .rdfxml ? nil : error.line), in: document)
        var error = error
        error.file = file
        error.line = place.line
        error.column = place.column
        return error
    }

    private func start() throws {
        let base = baseIRI.withCountedUTF8 { raptor_new_uri_from_counted_string(world.raptor, $0, $1) }
        guard let base else { throw RedlandError(.invalidData, "raptor refused the base IRI <\(baseIRI)>", file: file) }
        defer { raptor_free_uri(base) }
        raptor_parser_set_statement_handler(parser, Unmanaged.passUnretained(self).toOpaque(), Self.statementHandler)
        guard raptor_parser_parse_start(parser, base) == 0 else {
            throw world.log.firstFailure(since: mark)?.error(.syntax, file: file)
                ?? RedlandError(.syntax, "raptor could not start parsing", file: file)
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        world.log.parser = outerParser
        world.log.release(mark)
        // Freeing an RDF/XML parser frees its libxml2 context.
        withLibXMLLock { raptor_free_parser(parser) }
    }

    deinit { close() }

    private static let statementHandler: raptor_statement_handler = { userData, statement in
        guard let userData, let statement else { return }
        Unmanaged<RaptorParseSession>.fromOpaque(userData).takeUnretainedValue().receive(statement.pointee)
    }

    private func receive(_ statement: raptor_statement) {
        guard failure == nil, refusal == nil, world.log.firstFailure(since: mark) == nil else { return }
        let quad: Quad
        do {
            quad = try Self.quad(of: statement).prefixingBlankNodes(with: blankPrefix)
            try RedlandLimits.check(quad)
        } catch {
            refusal = (error as? RedlandError).map { var error = $0; error.line = here(); return error }
                ?? RedlandError(.invalidData, "\(error)", line: here())
            raptor_parser_parse_abort(parser)
            return
        }
        do {
            try handle(quad)
        } catch {
            failure = error
            raptor_parser_parse_abort(parser)
        }
    }

    /// The quad of a statement raptor delivered, before our limits are checked.
    /// - Throws: `RedlandError` without a place when the statement is not RDF.
    static func quad(of statement: raptor_statement) throws -> Quad {
        guard let subject = statement.subject, let predicate = statement.predicate, let object = statement.object else {
            throw RedlandError(.syntax, "raptor delivered an incomplete statement")
        }
        var graph = GraphName.defaultGraph
        if let graphTerm = statement.graph {
            let term = makeTerm(graphTerm)
            guard let name = GraphName(term) else { throw RedlandError(.invalidData, "a literal cannot name a graph: \(term)") }
            graph = name
        }
        return Quad(makeTerm(subject), makeTerm(predicate), makeTerm(object), graph: graph)
    }

    /// The line raptor's locator is at, if it knows.
    private func here() -> Int? {
        guard let locator = raptor_parser_get_locator(parser), locator.pointee.line > 0 else { return nil }
        return Int(locator.pointee.line)
    }
}
