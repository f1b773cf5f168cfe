import Foundation
public import RDF

/// One EIRA release read from a file and turned into RDF, ready to import; nothing is written yet.
///
/// ```swift
/// let document = try EIRADocument(file: "EIRA.xml")        // SKOS RDF/XML or an ArchiMate exchange file
/// let report = try await EIRAImporter.import(document, into: store)
/// ```
public struct EIRADocument: Sendable {
    public let release: EIRARelease
    /// The release graph's content, each triple once.
    public let triples: [Triple]
    /// Concepts: distinct PURIs typed `skos:Concept`.
    public let concepts: Int
    /// ArchiMate: PURI-bearing elements (more than `concepts` where elements share a PURI). SKOS: `concepts`.
    public let elements: Int
    /// ArchiMate: relationships between two PURI elements, as in the file. SKOS: broader, narrower and related triples.
    public let relationships: Int
    /// ArchiMate: `relationships` by relationship type as the file names it (`Aggregation`, …). SKOS: by predicate
    /// local name (`broader`, `narrower`, `related`).
    public let relationshipTypes: [String: Int]
    /// The file as the caller named it.
    public let fileName: String

    /// The largest file read: the EIRA files are a few MB.
    public static let maximumBytes = 256 << 20

    /// Reads `path`, telling the edition from its content.
    /// - Throws: `CatalogueError` naming the file: `.io` if it cannot be read, `.syntax` with line and column,
    ///   `.notAnEIRARelease` if it is neither edition or its release cannot be told.
    public init(file path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size, let data = FileManager.default.contents(atPath: path) else {
            throw CatalogueError(.io, "cannot read the file", file: path)
        }
        guard size <= Self.maximumBytes else {
            throw CatalogueError(.io, "\(size) bytes is over the limit of \(Self.maximumBytes)", file: path)
        }
        try self.init(bytes: Array(data), fileName: path)
    }

    /// Reads a release from `bytes`; `fileName` is what errors name.
    public init(bytes: [UInt8], fileName: String) throws {
        self.fileName = fileName
        switch try EIRAEdition.detect(in: bytes, fileName: fileName) {
        case .skos:
            let edition = try SKOSEdition(reading: bytes, fileName: fileName)
            release = EIRARelease(edition: .skos, version: edition.version)
            triples = edition.triples
            concepts = edition.concepts
            elements = edition.concepts
            relationships = edition.relationships
            relationshipTypes = edition.relationshipTypes
        case .archimate:
            let model = try ArchiMateModel(reading: bytes, fileName: fileName)
            guard let name = model.name?.text.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
                throw CatalogueError(.notAnEIRARelease, "cannot tell the EIRA release: the model has no name", file: fileName)
            }
            guard let version = SemanticVersion(findingIn: name) else {
                throw CatalogueError(
                    .notAnEIRARelease, "cannot tell the EIRA release: the model name \"\(name)\" holds no version X.Y.Z", file: fileName)
            }
            let conversion = ArchiMateConversion(model, release: version.description)
            guard conversion.concepts > 0 else {
                throw CatalogueError(.notAnEIRARelease, "\"\(name)\" has no element with a PURI", file: fileName)
            }
            release = EIRARelease(edition: .archimate, version: version)
            triples = conversion.triples
            concepts = conversion.concepts
            elements = conversion.elements
            relationships = conversion.relationships
            relationshipTypes = conversion.relationshipTypes
        }
    }
}
