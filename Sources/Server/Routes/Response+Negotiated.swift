import HTTPTypes
import Hummingbird
import NIOCore

extension Response {
    /// A negotiated representation: `Content-Type` for `format` and `Vary: Accept` (DESIGN.md: every negotiated
    /// response carries it, so caches keep one copy per representation).
    static func negotiated(
        _ format: ResponseFormat, body: ResponseBody, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]
    ) -> Response {
        var headers: HTTPFields = [.contentType: format.contentType, .vary: "Accept"]
        headers.append(contentsOf: extra)
        if let length = body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: status, headers: headers, body: body)
    }

    /// A short `text/plain` answer.
    static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain; charset=utf-8") -> Response {
        let buffer = ByteBuffer(string: text)
        return Response(
            status: status,
            headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes)],
            body: ResponseBody(byteBuffer: buffer)
        )
    }

    /// An answer without a body (204, or 201 with `Location`).
    static func empty(_ status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        if status != .noContent { headers[.contentLength] = "0" }
        return Response(status: status, headers: headers, body: ResponseBody())
    }
}

extension Request {
    /// The `Accept` header (every value, joined), or `nil`.
    var accept: String? {
        let values = headers[values: .accept]
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}
