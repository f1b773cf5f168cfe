package import Hummingbird
import RDF
package import SPARQL

/// A SPARQL 1.1 Protocol update operation (https://www.w3.org/TR/sparql11-protocol/#update-operation): POST
/// form-urlencoded with `update=`, or POST `application/sparql-update`.
package struct UpdateRequest: Sendable, Equatable {
    package var update: String
    /// `using-graph-uri`: the default graph of every WHERE, as USING would set it.
    package var usingGraphs: [String]
    /// `using-named-graph-uri`: the named graphs of every WHERE, as USING NAMED would set them.
    package var usingNamedGraphs: [String]
    /// `timeout`, in seconds, as given.
    package var timeout: String?

    package init(update: String, usingGraphs: [String] = [], usingNamedGraphs: [String] = [], timeout: String? = nil) {
        self.update = update
        self.usingGraphs = usingGraphs
        self.usingNamedGraphs = usingNamedGraphs
        self.timeout = timeout
    }

    /// The body types an update POST may have.
    package static let bodyTypes = ["application/x-www-form-urlencoded", "application/sparql-update"]

    /// Decodes a POST whose query string is `urlFields`; the caller has checked the method and the token.
    /// - Throws: `RequestError` (400 for a missing or repeated `update`, 415 for other body types or charsets, 413).
    package static func decode(_ request: Request, urlFields: FormFields, bodyLimit: Int) async throws -> UpdateRequest {
        guard let contentType = request.contentType else { throw RequestError.unsupportedMediaType(nil, accepted: bodyTypes) }
        try contentType.requireUTF8()
        let fields: FormFields
        let text: String
        switch contentType.mediaType {
        case "application/x-www-form-urlencoded":
            fields = urlFields.merged(with: try FormFields(parsing: try await request.collectText(limit: bodyLimit), in: "the form body"))
            guard let update = try fields.single("update") else {
                if fields.contains("query") { throw RequestError.badRequest("this is the update endpoint: send queries to /sparql") }
                throw RequestError.badRequest("the form has no 'update' field")
            }
            text = update
        case "application/sparql-update":
            fields = urlFields
            text = try await request.collectText(limit: bodyLimit)
        default:
            throw RequestError.unsupportedMediaType(contentType.mediaType, accepted: bodyTypes)
        }
        return UpdateRequest(
            update: text,
            usingGraphs: fields.values("using-graph-uri"),
            usingNamedGraphs: fields.values("using-named-graph-uri"),
            timeout: try fields.single("timeout")
        )
    }

    /// `update` with the protocol's `using-graph-uri` / `using-named-graph-uri` applied to every DELETE/INSERT.
    /// - Throws: `RequestError.badRequest` if the request also has USING, USING NAMED or WITH (SPARQL 1.1 Protocol
    ///   §2.2.3 leaves this an error), or a parameter is not an absolute IRI.
    package func applyingDataset(to update: Update) throws(RequestError) -> Update {
        guard !usingGraphs.isEmpty || !usingNamedGraphs.isEmpty else { return update }
        var dataset = QueryDataset()
        for text in usingGraphs {
            guard GraphIRI.isAbsolute(text) else { throw .badRequest("'\(text)' is not an absolute IRI") }
            dataset.defaultGraphs.append(IRI(text))
        }
        for text in usingNamedGraphs {
            guard GraphIRI.isAbsolute(text) else { throw .badRequest("'\(text)' is not an absolute IRI") }
            dataset.namedGraphs.append(IRI(text))
        }
        var result = update
        for index in result.operations.indices {
            guard case .deleteInsert(let delete, let insert, let using, let pattern) = result.operations[index] else { continue }
            guard using == nil else {
                throw .badRequest(
                    "the update has USING, USING NAMED or WITH, and the request also gives using-graph-uri or "
                        + "using-named-graph-uri: give the dataset one way only"
                )
            }
            result.operations[index] = .deleteInsert(delete: delete, insert: insert, using: dataset, pattern: pattern)
        }
        return result
    }
}
