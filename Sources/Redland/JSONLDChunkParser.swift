import JSONLD
import RDF

/// JSON-LD through the `JSONLD` module's parser. A JSON-LD document's meaning depends on contexts that may come last,
/// so the chunks are gathered and parsed at the end of input (callers bound the body's size before it gets here).
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
            try JSONLDParser.parse(document, baseIRI: baseIRI) { try handle($0.prefixingBlankNodes(with: blankPrefix)) }
        } catch let error as JSONLDError {
            let code: RedlandError.Code = error.code == .syntax ? .syntax : .invalidData
            throw RedlandError(
                code, error.message, file: file, line: error.position.map { $0.line + 1 }, column: error.position.map { $0.column + 1 })
        }
    }

    func close() { bytes = [] }
}
