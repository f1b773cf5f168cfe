import HTTPTypes
package import Hummingbird
import NIOCore

extension Request {
    /// The whole body, refused past `limit` bytes (by its `Content-Length` before reading, or as it arrives).
    ///
    /// For SPARQL texts and multipart uploads, which are needed whole; the limit keeps that bounded (STYLE.md §8). A
    /// single-document Graph Store upload is parsed as it arrives instead (`GraphStoreService.parse(streaming:…)`).
    /// - Throws: `RequestError.bodyTooLarge`; what reading the connection throws.
    package func collectBody(limit: Int) async throws -> [UInt8] {
        if let declared = headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw RequestError.bodyTooLarge(limit: limit)
        }
        var bytes: [UInt8] = []
        for try await buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else { throw RequestError.bodyTooLarge(limit: limit) }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// The body as UTF-8 text.
    /// - Throws: `RequestError.badRequest` if it is not valid UTF-8; as `collectBody(limit:)`.
    package func collectText(limit: Int) async throws -> String {
        let bytes = try await collectBody(limit: limit)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let at = InvalidUTF8.firstOffset(bytes).map { " at " + InvalidUTF8.position(of: $0, in: bytes) } ?? ""
            throw RequestError.badRequest("the request body is not valid UTF-8\(at)")
        }
        return text
    }

    /// The parsed `Content-Type` header.
    package var contentType: ContentType? { ContentType(header: headers[.contentType]) }
}
