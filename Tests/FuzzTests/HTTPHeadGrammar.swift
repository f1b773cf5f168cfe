import TestKit

/// A seeded generator of HTTP/1.1 requests (request line, headers, body) from the header grammars Lodestar reads
/// (RFC 9110: Accept, Content-Type, Range, If-None-Match, Authorization; RFC 9112: Transfer-Encoding, Content-Length,
/// chunked framing), and byte-level mutations of the head that keep most of it valid so the server gets deep into it.
struct HTTPHeadGrammar {
    var random: SplitMix

    static let paths = [
        "/health", "/sparql", "/sparql?query=ASK%7B%7D", "/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D&timeout=5",
        "/sparql?query=CONSTRUCT%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", "/update", "/store?default", "/store?graph=urn:g",
        "/store?graph=http%3A%2F%2Fexample.org%2Fg1", "/dumps", "/dumps/all.nq", "/dumps/default.nt.gz", "/.well-known/void", "/catalog",
        "/dr8/PublicPolicy", "/doc/dr8/PublicPolicy.ttl", "/resource?iri=http%3A%2F%2Fexample.org%2Falice", "/search?q=alice",
        "/queries", "/metrics", "/nowhere", "/%C3%A9t%C3%A9", "*",
    ]
    static let mediaTypes = [
        "text/turtle", "application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values",
        "application/rdf+xml", "application/n-triples", "application/n-quads", "application/ld+json", "application/trig", "text/html",
        "application/json", "*/*", "text/*", "application/*", "image/png", "application/sparql-query", "application/sparql-update",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
    ]

    mutating func mediaRange() -> String {
        var range = random.pick(Self.mediaTypes)
        if random.chance(2) { range += ";q=" + random.pick(["0", "0.5", "1", "1.000", "0.001", "2", "-1", "abc", ""]) }
        if random.chance(5) { range += ";" + random.pick(["charset=utf-8", "charset=latin1", "profile=\"x\"", "level=1", "=", ";"]) }
        return range
    }

    mutating func accept() -> String { (0...random.next(6)).map { _ in mediaRange() }.joined(separator: random.pick([", ", ",", " , ", ",,"])) }

    mutating func range() -> String {
        let spec = (0...random.next(3)).map { _ -> String in
            switch random.next(4) {
            case 0: "\(random.next(100))-\(random.next(200))"
            case 1: "\(random.next(100))-"
            case 2: "-\(random.next(100))"
            default: random.pick(["99999999999999999999-", "5-1", "-", "a-b", "0-0"])
            }
        }
        return random.pick(["bytes=", "bytes =", "items=", ""]) + spec.joined(separator: ",")
    }

    mutating func entityTag() -> String {
        (0...random.next(3)).map { _ in random.pick(["\"abc\"", "W/\"1\"", "*", "\"", "abc", "\"\\\"\"", "W/"]) }.joined(separator: ", ")
    }

    mutating func authorization() -> String {
        switch random.next(5) {
        case 0: "Bearer s3cret-token"
        case 1: "Bearer " + random.pick(["", "wrong", "s3cret-token s3cret-token", "=="])
        case 2: "Basic " + random.pick(["dTpzM2NyZXQtdG9rZW4=", "!!!", "", "dTo=", "Og=="])
        case 3: random.pick(["Digest x", "bearer s3cret-token", "Basic", "Bearer"])
        default: ""
        }
    }

    /// One whole request: its head and body, framed by Content-Length or chunked encoding (sometimes wrongly).
    mutating func request() -> (method: String, bytes: [UInt8]) {
        // Mostly what a client sends, so that most requests reach the routes; now and then what none should.
        let method =
            random.chance(8)
            ? random.pick(["OPTIONS", "PATCH", "TRACE", "BREW", "get", "CONNECT"]) : random.pick(["GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE"])
        let version = random.chance(8) ? random.pick(["HTTP/1.0", "HTTP/1.2", "HTTP/2", "HTTP/1.1 x"]) : "HTTP/1.1"
        var lines = ["\(method) \(random.pick(Self.paths)) \(version)"]
        if !random.chance(10) { lines.append("Host: lodestar.test") }
        if random.chance(2) { lines.append("Accept: " + accept()) }
        if random.chance(3) { lines.append("Range: " + range()) }
        if random.chance(3) { lines.append("If-None-Match: " + entityTag()) }
        if random.chance(3) { lines.append("Authorization: " + authorization()) }
        if random.chance(4) { lines.append("Accept-Encoding: " + random.pick(["gzip", "deflate, gzip;q=0", "br", "*;q=0", "gzip;q=x", ""])) }
        let body: [UInt8] = Array(
            random.pick([
                "", "ASK {}", "query=ASK%7B%7D", "update=INSERT%20DATA%20%7B%7D", "INSERT DATA { <a> <b> <c> }",
                "<http://e/a> <http://e/p> \"x\" .\n", "@prefix ex: <http://e/> . ex:a ex:p ex:b .",
            ]).utf8)
        if method != "GET" && method != "HEAD" || random.chance(5) { lines.append("Content-Type: " + mediaRange()) }
        let chunked = random.chance(3)
        if chunked {
            lines.append("Transfer-Encoding: " + (random.chance(4) ? random.pick(["gzip, chunked", "identity", "chunked, chunked", "x"]) : "chunked"))
        }
        if !chunked || random.chance(6) {
            lines.append("Content-Length: " + (random.chance(4) ? random.pick(["\(body.count + 1)", "0", "-1", "1e3", " 5"]) : "\(body.count)"))
        }
        lines.append("Connection: close")
        var bytes = Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        if chunked {
            let size = random.chance(4) ? random.pick(["zz", "FFFFFFFFFFFFFFFFFF", "1;ext=1", ""]) : String(body.count, radix: 16)
            bytes += Array("\(size)\r\n".utf8) + body + Array("\r\n0\r\n\r\n".utf8)
        } else {
            bytes += body
        }
        return (method, bytes)
    }

    static let fragments: [[UInt8]] = [
        [0x0D], [0x0A], [0x00], [0xFF], [0xC3, 0x28], [0x20], [0x09], Array(":".utf8), Array(",".utf8), Array(";".utf8),
        Array("\"".utf8), Array("\r\n".utf8), Array("\r\nX-Extra: 1".utf8), Array("\r\nContent-Length: 3".utf8),
        Array("\r\nTransfer-Encoding: chunked".utf8), Array("%FF".utf8), Array("%".utf8), Array("é".utf8), Array(" HTTP/1.1".utf8),
        Array("\r\nExpect: 100-continue".utf8), Array("\r\n Folded".utf8),
    ]

    /// The request with a few edits inside its head (the bytes before the first blank line), which stays terminated.
    mutating func mutate(_ request: [UInt8]) -> [UInt8] {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...(request.count - 4)).first(where: { Array(request[$0..<($0 + 4)]) == separator }) else { return request }
        var head = Array(request[..<end])
        let rest = request[end...]
        for _ in 0...random.next(3) where !head.isEmpty {
            let at = random.next(head.count + 1)
            switch random.next(6) {
            case 0: head.insert(contentsOf: random.pick(Self.fragments), at: at)
            case 1: head.removeSubrange(at..<min(head.count, at + 1 + random.next(6)))
            case 2: if at < head.count { head[at] = UInt8(truncatingIfNeeded: random.next(256)) }
            case 3:
                // A header line repeated (two Content-Lengths, two Hosts, …).
                let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
                if lines.count > 1 { head += [0x0D, 0x0A] + lines[1 + random.next(lines.count - 1)].filter { $0 != 0x0D } }
            case 4: head.insert(contentsOf: Array(repeating: random.pick(Array("a,;= ".utf8)), count: random.next(3000)), at: at)
            default: break
            }
        }
        return head + rest
    }
}
