import RDF
import SPARQL
package import Store

/// Runs SPARQL updates that arrive over HTTP: parse against the endpoint's base IRI, apply the protocol's dataset,
/// then `StoreUpdates.apply` with a deadline and without LOAD.
package struct UpdateService: Sendable {
    package let store: QuadStore
    /// The base IRI of updates without a BASE: the update endpoint's URL.
    package let baseIRI: String
    package let settings: QuerySettings

    /// Applies `request` atomically.
    /// - Throws: `SPARQLSyntaxError` (400), `RequestError` (400, 503 on timeout), `UpdateError` (400), `StoreError`.
    package func apply(_ request: UpdateRequest) async throws -> WriteReport {
        let timeLimit = try settings.timeLimit(asked: request.timeout)
        // One deadline for the whole request, parse included.
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeLimit * 1000))
        // The queries' options (the search SERVICE included), with the update endpoint's URL as base.
        var options = settings.options(deadline: deadline)
        options.baseIRI = baseIRI
        let baseIRI = baseIRI
        do {
            // Parsed, evaluated and freed on the store's commit thread, whose stack holds the tallest tree the parser
            // accepts: no hop to another thread and back for each request.
            return try await StoreUpdates.apply(
                parsing: { try request.applyingDataset(to: try SPARQLParser.parseUpdate(request.update, baseIRI: baseIRI, deadline: deadline)) },
                to: store, options: options)
        } catch QueryEvaluationError.timeout {
            throw RequestError.queryTimeout(seconds: timeLimit)
        }
    }
}
