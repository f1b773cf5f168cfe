import HTTPTypes
import Hummingbird
import NIOCore
import Resolver

/// The answer for a rendered document, shared by PURI documents (`/doc/…`) and any resource (`/resource?iri=…`):
/// 200 with `Vary`, `ETag` and `Link` alternates (and `Content-Location` when negotiated). `ConditionalGETMiddleware`
/// answers 304 and `autoGenerateHeadEndpoints` answers HEAD.
enum DocumentResponses {
    /// - Parameters:
    ///   - contentLocation: the URL of the representation chosen, for a negotiated request; `nil` when the URL named it.
    ///   - alternates: `Link` values naming every representation.
    static func response(
        _ rendered: RenderedDocument, contentLocation: String?, alternates: [String]
    ) -> Response {
        var headers: HTTPFields = [.vary: "Accept, Accept-Language", .contentType: rendered.representation.contentType, .eTag: rendered.entityTag]
        headers[values: .link] = alternates
        if let contentLocation { headers[.contentLocation] = contentLocation }
        headers[.contentLength] = String(rendered.body.readableBytes)
        headers[.lodestarVersion] = String(rendered.version)
        headers[.surrogateKey] = rendered.surrogateKeys.joined(separator: " ")
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: rendered.body))
    }

    /// The reader's languages, from `Accept-Language`.
    static func languages(_ request: Request) -> LanguagePreference {
        let values = request.headers[values: .acceptLanguage]
        return LanguagePreference(acceptLanguage: values.isEmpty ? nil : values.joined(separator: ", "))
    }
}
