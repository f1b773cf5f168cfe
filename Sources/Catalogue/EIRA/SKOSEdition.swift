import Foundation
import RDF
import Redland

/// The SKOS edition of an EIRA release, parsed as published.
struct SKOSEdition {
    var version: SemanticVersion
    var triples: [Triple]
    /// Distinct subjects typed `skos:Concept`.
    var concepts: Int
    /// `skos:broader`, `skos:narrower` and `skos:related` triples.
    var relationships: Int
    var relationshipTypes: [String: Int]

    static let relationshipPredicates: Set<Term> = [.iri(SKOS.broader), .iri(SKOS.narrower), .iri(SKOS.related)]

    /// Parses RDF/XML and finds the release in `owl:versionInfo` (the v4.0.0 scheme says "EIRA v4.0.0").
    /// - Throws: `CatalogueError(.syntax)` with raptor's line and column; `.notAnEIRARelease` if no (or more than one)
    ///   version can be told.
    init(reading bytes: [UInt8], fileName: String) throws {
        var triples: [Triple] = []
        var seen = Set<Triple>()
        do {
            // A world of our own, created, used and freed on this thread: worlds must not be shared between threads.
            let world = try RedlandWorld()
            try RDFReader.parse(
                bytes, format: .rdfxml, baseIRI: URL(fileURLWithPath: fileName).absoluteString, world: world, fileName: fileName
            ) { quad in
                // The published file repeats some descriptions; a graph holds each triple once.
                if seen.insert(quad.triple).inserted { triples.append(quad.triple) }
            }
        } catch let error as RedlandError {
            throw CatalogueError(
                error.code == .io ? .io : .syntax, error.message, file: fileName, line: error.line, column: error.column, cause: error)
        }
        let versionInfo = Term.iri(OWL.namespace + "versionInfo")
        let versions = Set(
            triples.filter { $0.predicate == versionInfo }.compactMap { $0.object.literal.flatMap { SemanticVersion(findingIn: $0.lexicalForm) } })
        guard let version = versions.first else {
            throw CatalogueError(.notAnEIRARelease, "cannot tell the EIRA release: no owl:versionInfo with a version X.Y.Z", file: fileName)
        }
        guard versions.count == 1 else {
            throw CatalogueError(
                .notAnEIRARelease, "cannot tell the EIRA release: owl:versionInfo gives \(versions.sorted().map(\.description))", file: fileName)
        }
        self.version = version
        self.triples = triples
        let conceptType = Term.iri(SKOS.concept), rdfType = Term.iri(RDFVocabulary.type)
        concepts = Set(triples.filter { $0.predicate == rdfType && $0.object == conceptType }.map(\.subject)).count
        var relationshipTypes: [String: Int] = [:]
        for triple in triples where Self.relationshipPredicates.contains(triple.predicate) {
            relationshipTypes[String(triple.predicate.iri!.value.dropFirst(SKOS.namespace.count)), default: 0] += 1
        }
        self.relationshipTypes = relationshipTypes
        relationships = relationshipTypes.values.reduce(0, +)
    }
}
