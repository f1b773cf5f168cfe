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
    ///   and for schemes other than `file:` (`http(s):` documents are fetched first, then given to `parse(_:)`).
    public func load(_ iri: IRI) throws -> [Quad] {
        guard let url = URL(string: iri.value), url.isFileURL else {
            throw StoreError(.io, "LOAD <\(iri.value)>: only file: IRIs can be read here")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else { throw StoreError(.io, "LOAD <\(iri.value)>: no such file") }
        guard size <= Self.maximumBytes else { throw StoreError(.io, "LOAD <\(iri.value)>: \(size) bytes is over the limit of \(Self.maximumBytes)") }
        var quads = [Quad]()
        do {
            try RDFReader.parse(file: url.path, baseIRI: iri.value, world: world) { quads.append($0) }
        } catch {
            throw StoreError(.invalidData, "LOAD <\(iri.value)>", cause: error)
        }
        return quads
    }
}

extension DocumentLoader {
    /// The quads of a fetched document. The syntax comes from its `Content-Type`, or — when the server sent none or a
    /// generic one — from the extension of its URL; relative IRIs resolve against the URL it was fetched from.
    /// - Throws: `StoreError(.invalidData)` for a syntax error (with line and column) or a syntax that cannot be told.
    public func parse(_ document: RemoteDocument) throws -> [Quad] {
        let path = URL(string: document.finalURL)?.path ?? ""
        do {
            let format = document.mediaType.flatMap(RDFFormat.init(mediaType:)) ?? RDFFormat(fileName: path)
            guard let format else {
                let type = document.mediaType ?? "no Content-Type"
                throw StoreError(.invalidData, "LOAD <\(document.iri.value)>: cannot tell the RDF syntax of \(type) at \(document.finalURL)")
            }
            var quads = [Quad]()
            try RDFReader.parse(document.bytes, format: format, baseIRI: document.finalURL, world: world, fileName: document.finalURL) {
                quads.append($0)
            }
            return quads
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.invalidData, "LOAD <\(document.iri.value)>", cause: error)
        }
    }
}
