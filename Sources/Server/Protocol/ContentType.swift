import Resolver

/// A request's `Content-Type`: the media type (lowercased, without parameters) and its parameters (names lowercased).
package struct ContentType: Sendable, Equatable {
    package var mediaType: String
    package var parameters: [String: String]

    package init(mediaType: String, parameters: [String: String] = [:]) {
        self.mediaType = mediaType
        self.parameters = parameters
    }

    /// The `charset` parameter, lowercased.
    package var charset: String? { parameters["charset"]?.lowercased() }

    /// Parses a header value; `nil` for a missing or empty header.
    package init?(header: String?) {
        guard let header else { return nil }
        let pieces = header.split(separator: ";")
        guard let essence = pieces.first?.trimmed.lowercased(), !essence.isEmpty else { return nil }
        mediaType = essence
        parameters = [:]
        for parameter in pieces.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = Substring(pair[1].trimmed)
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            parameters[pair[0].trimmed.lowercased()] = String(value)
        }
    }

    /// Refuses a body declared in a charset other than UTF-8 (or its subset US-ASCII).
    /// - Throws: `RequestError.unsupportedCharset`.
    package func requireUTF8() throws(RequestError) {
        guard let charset, charset != "utf-8", charset != "utf8", charset != "us-ascii" else { return }
        throw .unsupportedCharset(charset)
    }
}
