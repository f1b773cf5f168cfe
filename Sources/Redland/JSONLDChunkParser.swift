import JSONLD
import RDF

/// JSON-LD through the `JSONLD` module's parser. A JSON-LD document's meaning depends on contexts that may come last,
/// so the chunks are gathered and parsed at the end of input (callers bound the body's size before it gets here). Each
/// quad passes `RedlandLimits`, as in every other syntax.
final class JSONLDChunkParser: ChunkParser {
    private let baseIRI: String
    private let file: String?
    private let blankPrefix: String
    private let handle: (Quad) throws -> Void
    private var bytes: [UInt8] = []

    init(baseIRI: String, file: String?, blankPrefix: String, handle: @escaping (Quad) throws -> Void) {
        self.baseIRI = baseIRI
        self.file = file
        self.blankPrefix = blankPrefix
        self.handle = handle
    }

    func feed(_ chunk: [UInt8], isLast: Bool) throws {
        bytes.append(contentsOf: chunk)
        guard isLast else { return }
        let document = bytes
        bytes = []
        do {
            try JSONLDParser.parse(document, baseIRI: baseIRI) { parsed in
                let quad = parsed.prefixingBlankNodes(with: blankPrefix)
                // The limits every other syntax's parser applies: librdf drops a longer IRI without a word and aborts
                // on a longer language tag. JSON-LD's quads carry no position, so the message names the term instead.
                do {
                    try RedlandLimits.check(quad)
                } catch var error as RedlandError {
                    error.file = file
                    throw error
                }
                try handle(quad)
            }
        } catch let error as JSONLDError {
            let code: RedlandError.Code = error.code == .syntax ? .syntax : .invalidData
            throw RedlandError(
                code, error.message, file: file, line: error.position.map { $0.line + 1 }, column: error.position.map { $0.column + 1 })
        }
    }

    func close() { bytes = [] }
}
