import RDF
public import SPARQL
public import Store

/// SPARQL 1.1 Update against a store: the one place that joins `UpdateExecutor` and `QuadStore.transact`, for both
/// `POST /update` and `lodestar update`.
public enum StoreUpdates {
    /// Applies `update` to `store` atomically and durably: every operation, or — if any fails — none.
    /// - Parameters:
    ///   - options: the deadline, base IRI and default-graph semantics of the WHERE clauses.
    ///   - allowsLoad: whether LOAD may read `file:` documents on this machine. The command line allows it; the HTTP
    ///     service does not, since a client must not make the server read its own files.
    ///   - remoteLoads: how LOAD fetches `http(s):` documents, or `nil` to refuse them. They are fetched before the
    ///     write begins, so a slow server never holds up other writes; a failed fetch fails its LOAD (unless SILENT).
    /// - Returns: what the write changed.
    /// - Throws: `UpdateError`, `QueryEvaluationError` (the deadline), `StoreError`; the store is unchanged then.
    @discardableResult
    public static func apply(
        _ update: Update,
        to store: QuadStore,
        options: QueryOptions = QueryOptions(),
        allowsLoad: Bool = true,
        remoteLoads: RemoteLoadPolicy? = nil
    )
        async throws -> WriteReport
    {
        let fetched = allowsLoad ? await fetchRemoteDocuments(of: update, policy: remoteLoads) : [:]
        return try await store.transact { snapshot, loader in
            let executor = UpdateExecutor(options: options)
            let change =
                allowsLoad
                ? try executor.changes(for: update, in: snapshot) { iri in
                    guard let document = fetched[iri] else { return try loader.load(iri) }
                    return try loader.parse(document.get())
                }
                : try executor.changes(for: update, in: snapshot)
            return ChangeSet(deletions: change.deletions, insertions: change.insertions)
        }
    }

    /// The `http(s):` documents the request's LOADs name, each fetched once, or why it could not be.
    private static func fetchRemoteDocuments(of update: Update, policy: RemoteLoadPolicy?) async -> [IRI: Result<RemoteDocument, StoreError>] {
        var documents = [IRI: Result<RemoteDocument, StoreError>]()
        for case .load(_, let source, _) in update.operations where RemoteLoadPolicy.isRemote(source) && documents[source] == nil {
            guard let policy else {
                documents[source] = .failure(StoreError(.io, "LOAD <\(source.value)>: remote documents are not loaded here"))
                continue
            }
            do {
                documents[source] = .success(try await policy.fetch(source))
            } catch let error as StoreError {
                documents[source] = .failure(error)
            } catch {
                documents[source] = .failure(StoreError(.io, "LOAD <\(source.value)>", cause: error))
            }
        }
        return documents
    }
}
