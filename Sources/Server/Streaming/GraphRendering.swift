import RDF
import Redland

/// Small RDF documents (the service description, VoID, DCAT, a PURI's document), written whole by `RDFWriter`.
enum GraphRendering {
    /// - Throws: `RequestError.cannotRepresent` when the syntax cannot express the data (RDF/XML's predicates).
    static func render(_ quads: [Quad], format: RDFFormat, prefixes: [String: String]) throws -> [UInt8] {
        do {
            return try RDFWriter.serialize(quads, format: format, prefixes: prefixes)
        } catch let error as RedlandError where error.code == .invalidData {
            throw RequestError.cannotRepresent(mediaType: format.mediaType, reason: error.message)
        }
    }
}
