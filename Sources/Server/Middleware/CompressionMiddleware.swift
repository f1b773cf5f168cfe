import CompressNIO
import HTTPTypes
import Hummingbird
import NIOCore
import RDF
import Resolver

/// gzip for clients that accept it (`Accept-Encoding: gzip`), applied to textual bodies as they stream: each chunk is
/// compressed and flushed (`Z_SYNC_FLUSH`), so a streamed result still arrives as it is computed.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Bodies shorter than this (when the length is known) go out as they are.
    static var minimumSize: Int { 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard request.method != .head, Self.acceptsGzip(request.headers[values: .acceptEncoding].joined(separator: ",")),
            response.headers[.contentEncoding] == nil, Self.isCompressible(response.headers[.contentType]),
            (response.body.contentLength ?? Int.max) >= Self.minimumSize,
            // A byte-addressable file (a dump) goes out as stored: Range offsets, Content-Length and the strong ETag
            // all name the stored bytes, and a harvester that wants gzip takes the `.gz` file.
            response.status != .partialContent, response.headers[.acceptRanges] == nil
        else { return response }
        let body = response.body
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = nil
        let vary = response.headers[.vary]
        response.headers[.vary] = vary.map { $0 + ", Accept-Encoding" } ?? "Accept-Encoding"
        response.body = ResponseBody { writer in
            try await body.write(try GzipBodyWriter(parent: writer))
        }
        return response
    }

    /// True if `Accept-Encoding` lists `gzip` (or `*`) with a quality above 0.
    static func acceptsGzip(_ header: String) -> Bool {
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let coding = parts.first?.trimmed.lowercased(), coding == "gzip" || coding == "*" else { continue }
            let quality =
                parts.dropFirst().compactMap { parameter -> Double? in
                    let pair = parameter.split(separator: "=", maxSplits: 1)
                    guard pair.count == 2, pair[0].trimmed.lowercased() == "q" else { return nil }
                    return Double(pair[1].trimmed)
                }.first ?? 1
            if quality > 0 { return true }
        }
        return false
    }

    /// Text, JSON, XML and the RDF and SPARQL results syntaxes; not images or already-compressed data.
    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("text/") || type.contains("json") || type.contains("xml") || RDFFormat(mediaType: type) != nil
            || type.hasPrefix("application/sparql") || type.hasPrefix("application/javascript")
    }
}

/// Compresses what is written to it and passes it on to the real writer.
struct GzipBodyWriter: ResponseBodyWriter {
    var parent: any ResponseBodyWriter
    /// Not `Sendable`, and needs not be: the writer lives inside one body-writing task.
    private let compressor: any NIOCompressor

    init(parent: any ResponseBodyWriter) throws {
        self.parent = parent
        compressor = CompressionAlgorithm.gzip().compressor
        try compressor.startStream()
    }

    mutating func write(_ buffer: ByteBuffer) async throws {
        var input = buffer
        guard input.readableBytes > 0 else { return }
        var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
        try compressor.streamDeflate(from: &input, to: &output, flush: .sync)
        try await parent.write(output)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        var output = ByteBufferAllocator().buffer(capacity: 1024)
        try compressor.finishDeflate(to: &output)
        try compressor.finishStream()
        try await parent.write(output)
        try await parent.finish(trailingHeaders)
    }
}
