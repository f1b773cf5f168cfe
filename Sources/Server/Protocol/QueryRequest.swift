package import Hummingbird

/// A SPARQL 1.1 Protocol query operation (https://www.w3.org/TR/sparql11-protocol/#query-operation), decoded from any
/// of its three forms: GET with `?query=`, POST form-urlencoded, POST `application/sparql-query`.
package struct QueryRequest: Sendable, Equatable {
    package var query: String
    /// `default-graph-uri`: together with `namedGraphs`, replaces the query's own FROM / FROM NAMED when either is given.
    package var defaultGraphs: [String]
    /// `named-graph-uri`.
    package var namedGraphs: [String]
    /// `timeout`, in seconds, as given.
    package var timeout: String?
    /// `format`, Virtuoso's override of `Accept`: every value given, joined with commas.
    package var format: String?

    package init(query: String, defaultGraphs: [String] = [], namedGraphs: [String] = [], timeout: String? = nil, format: String? = nil) {
        self.query = query
        self.defaultGraphs = defaultGraphs
        self.namedGraphs = namedGraphs
        self.timeout = timeout
        self.format = format
    }

    /// The body types a query POST may have.
    package static let bodyTypes = ["application/x-www-form-urlencoded", "application/sparql-query"]

    /// The request's query operation, or `nil` for a GET without `query` (the service description).
    /// - Throws: `RequestError` for a repeated `query`, an update sent here, a POST without a query, a body type other
    ///   than the two the protocol defines (415), a charset other than UTF-8, a body over `bodyLimit`.
    /// - Parameter urlFields: the request's query string, as the route has already parsed it.
    package static func decode(_ request: Request, urlFields: FormFields, bodyLimit: Int) async throws -> QueryRequest? {
        switch request.method {
        case .get, .head:
            guard let query = try urlFields.single("query") else {
                if urlFields.contains("update") {
                    throw RequestError.badRequest("updates are not accepted by GET: POST them to /update")
                }
                return nil
            }
            return try QueryRequest(query: query, fields: urlFields)
        case .post:
            guard let contentType = request.contentType else {
                throw RequestError.unsupportedMediaType(nil, accepted: bodyTypes)
            }
            try contentType.requireUTF8()
            switch contentType.mediaType {
            case "application/x-www-form-urlencoded":
                let fields = urlFields.merged(with: try FormFields(parsing: try await request.collectText(limit: bodyLimit), in: "the form body"))
                guard let query = try fields.single("query") else {
                    if fields.contains("update") { throw RequestError.badRequest("this is the query endpoint: POST updates to /update") }
                    throw RequestError.badRequest("the form has no 'query' field")
                }
                return try QueryRequest(query: query, fields: fields)
            case "application/sparql-query":
                return try QueryRequest(query: try await request.collectText(limit: bodyLimit), fields: urlFields)
            case "application/sparql-update":
                throw RequestError.unsupportedMediaType(
                    "application/sparql-update (updates go to POST /update)",
                    accepted: bodyTypes
                )
            default:
                throw RequestError.unsupportedMediaType(contentType.mediaType, accepted: bodyTypes)
            }
        default:
            throw RequestError.methodNotAllowed(request.method.rawValue, allowed: ["GET", "POST"])
        }
    }

    /// The values joined with commas; `nil` for none.
    static func joined(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: ",") }

    private init(query: String, fields: FormFields) throws(RequestError) {
        self.init(
            query: query,
            defaultGraphs: fields.values("default-graph-uri"),
            namedGraphs: fields.values("named-graph-uri"),
            timeout: try fields.single("timeout"),
            format: Self.joined(fields.values("format"))
        )
    }
}
