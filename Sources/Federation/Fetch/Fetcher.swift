import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import RDF

/// One HTTP GET of a source page with async-http-client: conditional headers, redirects, a timeout, a size cap and
/// gzip; only 200 (and 304 for a conditional request) are accepted.
public struct Fetcher: Sendable {
    var timeout: TimeAmount
    public var maxBytes: Int
    /// Harvest sources publish Turtle or RDF/XML mostly; N-Triples dumps now and then.
    static let accept = RDFFormat.acceptHeader(preferring: [.turtle], then: [.rdfxml, .ntriples])

    /// - Parameters:
    ///   - timeoutSeconds: for connecting and for each read, and for the whole request.
    ///   - maxBytes: the largest body accepted, after decompression.
    public init(timeoutSeconds: Int64 = 60, maxBytes: Int = 256 << 20) {
        self.timeout = .seconds(timeoutSeconds)
        self.maxBytes = maxBytes
    }

    struct Response {
        var status: Int
        var body: [UInt8]
        var contentType: String?
        var etag: String?
        var lastModified: String?
    }

    /// - Throws: `FederationError(.fetch)` for a network error, a timeout, a status other than 200/304, or a body over the cap.
    func get(_ url: String, etag: String?, lastModified: String?) async throws -> Response {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: timeout, read: timeout)
        configuration.decompression = .enabled(limit: .size(maxBytes))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let response = try await request(client, url, etag: etag, lastModified: lastModified)
            try await client.shutdown()
            return response
        } catch {
            try? await client.shutdown()
            if let error = error as? FederationError { throw error }
            if error is NIOTooManyBytesError { throw FederationError(.fetch, "\(url): the body is larger than \(maxBytes) bytes") }
            throw FederationError(.fetch, "\(url): \(error)")
        }
    }

    private func request(_ client: HTTPClient, _ url: String, etag: String?, lastModified: String?) async throws -> Response {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: Self.accept)
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        request.headers.add(name: "User-Agent", value: "lodestar-federation")
        if let etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        let response = try await client.execute(request, timeout: timeout)
        let status = Int(response.status.code)
        let headers = response.headers
        if status == 304 {
            return Response(status: 304, body: [], contentType: nil, etag: etag, lastModified: lastModified)
        }
        guard status == 200 else { throw FederationError(.fetch, "\(url): HTTP \(status) \(response.status.reasonPhrase)") }
        if let length = headers.first(name: "Content-Length").flatMap(Int.init), length > maxBytes {
            throw FederationError(.fetch, "\(url): the body is \(length) bytes, over the \(maxBytes)-byte cap")
        }
        let body = try await response.body.collect(upTo: maxBytes)
        return Response(
            status: status, body: Array(body.readableBytesView), contentType: headers.first(name: "Content-Type"),
            etag: headers.first(name: "ETag"), lastModified: headers.first(name: "Last-Modified"))
    }
}
