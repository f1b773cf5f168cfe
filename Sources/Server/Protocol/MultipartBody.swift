import Resolver

/// A `multipart/form-data` body (RFC 7578), which the Graph Store protocol allows for POST: each part is one RDF
/// document to merge (https://www.w3.org/TR/sparql11-http-rdf-update/#http-post).
package enum MultipartBody {
    /// One part: its `Content-Type`, if it has one, and its content.
    package struct Part: Sendable, Equatable {
        package var contentType: String?
        package var content: [UInt8]
    }

    /// The parts of `body`, delimited by `boundary`.
    /// - Throws: `RequestError.badRequest` if the body does not start with the boundary or a part has no header end.
    package static func parts(of body: [UInt8], boundary: String) throws(RequestError) -> [Part] {
        let delimiter = Array(("--" + boundary).utf8)
        guard var position = find(delimiter, in: body, from: 0) else {
            throw .badRequest("the multipart body does not contain its boundary '\(boundary)'")
        }
        var parts: [Part] = []
        while true {
            position += delimiter.count
            // "--" after a delimiter ends the body.
            if body[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return parts }
            position = skipLineEnd(body, position)
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: position) else {
                throw .badRequest("a part of the multipart body has no end to its headers")
            }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find(Array("\r\n".utf8) + delimiter, in: body, from: contentStart - 2) else {
                throw .badRequest("the multipart body does not end with its boundary")
            }
            let content = next >= contentStart ? Array(body[contentStart..<next]) : []
            parts.append(Part(contentType: contentType(in: headers), content: content))
            position = next + 2
        }
    }

    private static func contentType(in headers: String) -> String? {
        for line in headers.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].trimmed.lowercased() == "content-type" { return pair[1].trimmed }
        }
        return nil
    }

    private static func skipLineEnd(_ body: [UInt8], _ position: Int) -> Int {
        var position = position
        while position < body.count, body[position] == UInt8(ascii: " ") || body[position] == UInt8(ascii: "\t") { position += 1 }
        if position < body.count, body[position] == UInt8(ascii: "\r") { position += 1 }
        if position < body.count, body[position] == UInt8(ascii: "\n") { position += 1 }
        return position
    }

    /// The index where `needle` starts in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = max(0, start)
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
