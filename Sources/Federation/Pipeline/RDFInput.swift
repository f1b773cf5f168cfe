import Foundation
import RDF
import Redland
import Synchronization

/// Parses a fetched document into triples (graph names of N-Quads/TriG are dropped: a source is one graph).
enum RDFInput {
    /// - Throws: `FederationError(.parse)` with the parser's line and column.
    static func parse(_ bytes: [UInt8], format: RDFFormat, baseIRI: String, name: String) throws -> [Triple] {
        var triples: [Triple] = []
        do {
            // A world per parse: worlds are not thread-safe, and a harvest runs off the store's Redland thread.
            let world = try RedlandWorld()
            try RDFReader.parse(bytes, format: format, baseIRI: baseIRI, world: world, fileName: name) { triples.append($0.triple) }
        } catch let error as RedlandError {
            throw FederationError(.parse, error.description, line: error.line, column: error.column)
        }
        return triples
    }
}

/// The reference vocabularies (Joinup's `add_joinup_vocabularies` step): parsed once per process, indexed by subject,
/// so a harvest adds only the terms its data points at.
public final class VocabularyIndex: @unchecked Sendable {
    private let bySubject: [Term: [Triple]]
    public let fileCount: Int

    /// Parses every RDF file in `directory` (skipping files that are not RDF by extension).
    public init(directory: String?) throws {
        var index: [Term: [Triple]] = [:]
        var count = 0
        if let directory {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() {
                guard let format = RDFFormat(fileName: name) else { continue }
                guard let bytes = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
                let triples = try RDFInput.parse([UInt8](bytes), format: format, baseIRI: "file://" + directory + "/" + name, name: name)
                for triple in triples { index[triple.subject, default: []].append(triple) }
                count += 1
            }
        }
        bySubject = index
        fileCount = count
    }

    private static let loaded = Mutex<[String: VocabularyIndex]>([:])

    /// The index of `directory`, parsed on first use.
    public static func shared(directory: String?) throws -> VocabularyIndex {
        try loaded.withLock { loaded in
            if let index = loaded[directory ?? ""] { return index }
            let index = try VocabularyIndex(directory: directory)
            loaded[directory ?? ""] = index
            return index
        }
    }

    /// `graph` plus the vocabulary statements about every IRI its triples point at.
    func augment(_ graph: WorkingGraph) -> WorkingGraph {
        var result = graph
        var added = Set<Term>()
        for triple in graph.triples where triple.object.isIRI && added.insert(triple.object).inserted {
            for statement in bySubject[triple.object] ?? [] { result.insert(statement) }
        }
        return result
    }
}
