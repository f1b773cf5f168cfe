public import RDF
import Foundation
import Redland
public import Store

/// Reads the documents SPARQL Update's LOAD names, before the write begins: the transaction body only looks them up,
/// so the store's writer never waits on a file or a network.
public enum LoadDocuments {
    /// The largest document LOAD reads.
    public static let maximumBytes = 512 << 20

    /// The quads of every document `update` loads, or why each could not be read.
    /// - Parameters:
    ///   - allowsFiles: whether `file:` IRIs may be read on this machine.
    ///   - remote: how `http(s):` documents are fetched, or `nil` to refuse them.
    public static func read(for update: some Sequence<IRI>, from store: QuadStore, allowsFiles: Bool, remote: RemoteLoadPolicy?) async
        -> [IRI: Result<[Quad], StoreError>]
    {
        var documents = [IRI: Result<[Quad], StoreError>]()
        for source in update where documents[source] == nil {
            do {
                if RemoteLoadPolicy.isRemote(source) {
                    guard let remote else { throw StoreError(.io, "LOAD <\(source.value)>: remote documents are not loaded here") }
                    documents[source] = .success(try await parse(try await remote.fetch(source), with: store))
                } else {
                    guard allowsFiles else { throw StoreError(.io, "LOAD <\(source.value)>: local documents are not loaded here") }
                    documents[source] = .success(try await readFile(source, with: store))
                }
            } catch let error as StoreError {
                documents[source] = .failure(error)
            } catch {
                documents[source] = .failure(StoreError(.io, "LOAD <\(source.value)>", cause: error))
            }
        }
        return documents
    }

    /// The quads of the `file:` document at `iri`; the format comes from its extension.
    static func readFile(_ iri: IRI, with store: QuadStore) async throws -> [Quad] {
        guard let url = URL(string: iri.value), url.isFileURL else {
            throw StoreError(.io, "LOAD <\(iri.value)>: only file: IRIs can be read here")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else { throw StoreError(.io, "LOAD <\(iri.value)>: no such file") }
        guard size <= maximumBytes else { throw StoreError(.io, "LOAD <\(iri.value)>: \(size) bytes is over the limit of \(maximumBytes)") }
        do {
            return try await store.parse(file: url.path, baseIRI: iri.value)
        } catch {
            throw StoreError(.invalidData, "LOAD <\(iri.value)>", cause: error)
        }
    }

    /// The quads of a fetched document. The syntax comes from its `Content-Type`, or — when the server sent none or a
    /// generic one — from the extension of its URL; relative IRIs resolve against the URL it was fetched from.
    static func parse(_ document: RemoteDocument, with store: QuadStore) async throws -> [Quad] {
        do {
            guard let format = RDFFormat(contentType: document.mediaType, url: document.finalURL) else {
                let type = document.mediaType ?? "no Content-Type"
                throw StoreError(.invalidData, "LOAD <\(document.iri.value)>: cannot tell the RDF syntax of \(type) at \(document.finalURL)")
            }
            return try await store.parse(bytes: document.bytes, name: document.finalURL, format: format, baseIRI: document.finalURL)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.invalidData, "LOAD <\(document.iri.value)>", cause: error)
        }
    }
}
