public import RDF
import Foundation
import Redland

/// Fetches and parses the documents SPARQL Update's LOAD names, inside a write on the Redland thread.
/// Not `Sendable`: it holds the writer's Redland world and is only valid during `QuadStore.transact`.
public struct DocumentLoader {
    let world: RedlandWorld

    /// The largest document LOAD reads.
    public static let maximumBytes = 512 << 20

    /// The quads of the document at `iri`; the format comes from its extension.
    /// - Throws: `StoreError(.invalidData)` for a syntax error (with line and column), `.io` when it cannot be read,
    ///   and for schemes other than `file:` (remote LOAD is not available yet).
    public func load(_ iri: IRI) throws -> [Quad] {
        guard let url = URL(string: iri.value), url.isFileURL else {
            throw StoreError(.io, "LOAD <\(iri.value)>: only file: IRIs can be loaded")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else { throw StoreError(.io, "LOAD <\(iri.value)>: no such file") }
        guard size <= Self.maximumBytes else { throw StoreError(.io, "LOAD <\(iri.value)>: \(size) bytes is over the limit of \(Self.maximumBytes)") }
        var quads = [Quad]()
        do {
            try RDFParser.parse(file: url.path, baseIRI: iri.value, world: world) { quads.append($0) }
        } catch {
            throw StoreError(.invalidData, "LOAD <\(iri.value)>", cause: error)
        }
        return quads
    }
}
