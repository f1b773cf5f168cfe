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
        let sources = update.operations.compactMap { operation -> IRI? in
            guard case .load(_, let source, _) = operation else { return nil }
            return source
        }
        let documents = allowsLoad ? await LoadDocuments.read(for: sources, from: store, allowsFiles: true, remote: remoteLoads) : nil
        return try await commit(to: store, options: options, documents: documents) { update }
    }

    /// Parses an update with `parse` on the store's commit thread, then applies it as `apply(_:to:options:allowsLoad:)`
    /// does without LOAD: the HTTP service's way, so that a small update costs no extra thread hand-off (the commit
    /// thread's stack holds the tallest tree the parser accepts, as `LargeStack`'s do).
    /// - Throws: what `parse` throws, and what `apply` throws; the store is unchanged then.
    @discardableResult
    public static func apply(parsing parse: @escaping @Sendable () throws -> Update, to store: QuadStore, options: QueryOptions) async throws
        -> WriteReport
    {
        try await commit(to: store, options: options, documents: nil, parse)
    }

    /// The one transaction: the update's net change in the snapshot's IDs. `documents` are LOAD's, read beforehand; `nil`
    /// refuses LOAD of anything.
    private static func commit(
        to store: QuadStore, options: QueryOptions, documents: [IRI: Result<[Quad], StoreError>]?, _ update: @escaping @Sendable () throws -> Update
    ) async throws -> WriteReport {
        try await store.transact { snapshot in
            let executor = UpdateExecutor(options: options)
            let update = try update()
            let change =
                if let documents {
                    try executor.encodedChanges(for: update, in: snapshot) { iri in
                        guard let document = documents[iri] else { throw StoreError(.io, "LOAD <\(iri.value)>: not read") }
                        return try document.get()
                    }
                } else {
                    try executor.encodedChanges(for: update, in: snapshot)
                }
            return (ChangeSet(encoded: change), ())
        }.0
    }
}
