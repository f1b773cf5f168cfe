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
    /// - Returns: what the write changed.
    /// - Throws: `UpdateError`, `QueryEvaluationError` (the deadline), `StoreError`; the store is unchanged then.
    @discardableResult
    public static func apply(
        _ update: Update,
        to store: QuadStore,
        options: QueryOptions = QueryOptions(),
        allowsLoad: Bool = true
    )
        async throws -> WriteReport
    {
        try await store.transact { snapshot, loader in
            let executor = UpdateExecutor(options: options)
            let change =
                allowsLoad
                ? try executor.changes(for: update, in: snapshot, loader: loader.load)
                : try executor.changes(for: update, in: snapshot)
            return ChangeSet(deletions: change.deletions, insertions: change.insertions)
        }
    }
}
