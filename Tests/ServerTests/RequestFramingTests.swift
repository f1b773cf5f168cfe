import Testing

@testable import Server

/// `RequestFraming` finds each request head in a connection's raw bytes however the reads cut them: after a
/// `Content-Length` body, after a chunked body with extensions and trailers, and with no body.
@Suite struct RequestFramingTests {
    static let heads = [
        "POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\ncontent-length: 12\r\n\r\n",
        "POST /update HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /health HTTP/1.1\n\n",
        "PUT /data HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n",
    ]
    /// The heads with their bodies; the bodies hold what looks like a head's end.
    static let stream =
        heads[0] + "ASK {}\r\n\r\n\r\n" + heads[1] + "5;ext=1\r\nab\r\n\r\r\n10\r\n0123456789abcdef\r\n0\r\nTrailer: x\r\n\r\n" + heads[2] + heads[3]
        + heads[4]

    static func scan(_ reads: [[UInt8]]) -> [String] {
        var framing = RequestFraming(maxHeadSize: 16 * 1024)
        return reads.flatMap { read in read.withUnsafeBytes { framing.scan($0) }.map { String(decoding: $0.bytes, as: UTF8.self) } }
    }

    @Test func oneReadGivesEveryHeadAndWhereItStarts() {
        var framing = RequestFraming(maxHeadSize: 16 * 1024)
        let bytes = Array(Self.stream.utf8)
        let found = bytes.withUnsafeBytes { framing.scan($0) }
        #expect(found.map { String(decoding: $0.bytes, as: UTF8.self) } == Self.heads)
        for head in found { #expect(Array(bytes[head.start..<head.start + head.bytes.count]) == head.bytes) }
    }

    @Test func everyCutIntoTwoReadsGivesTheSameHeads() {
        let bytes = Array(Self.stream.utf8)
        for cut in 0...bytes.count {
            #expect(Self.scan([Array(bytes[..<cut]), Array(bytes[cut...])]) == Self.heads, "cut at \(cut)")
        }
        #expect(Self.scan(bytes.map { [$0] }) == Self.heads)
    }

    @Test func framingTheDecoderRefusesStopsTheScan() {
        let both = "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc" + Self.heads[2]
        #expect(Self.scan([Array(both.utf8)]).count == 1)
        let twice = "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd" + Self.heads[2]
        #expect(Self.scan([Array(twice.utf8)]).count == 1)
        let badChunk = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + Self.heads[2]
        #expect(Self.scan([Array(badChunk.utf8)]).count == 1)
    }

    /// A head may reach one byte past the size limit, in one read or in many; a longer one is framing the decoder refuses.
    @Test func aHeadMayReachOneBytePastTheLimit() {
        func head(_ size: Int) -> [UInt8] {
            let start = Array("GET / HTTP/1.1\r\nX-Pad: ".utf8)
            return start + Array(repeating: UInt8(ascii: "a"), count: size - start.count - 4) + Array("\r\n\r\n".utf8)
        }
        func found(_ reads: [[UInt8]]) -> Int {
            var framing = RequestFraming(maxHeadSize: 100)
            return reads.reduce(0) { count, read in count + read.withUnsafeBytes { framing.scan($0) }.count }
        }
        let next = Array(Self.heads[2].utf8)
        #expect(found([head(101) + next]) == 2)
        #expect(found((head(101) + next).map { [$0] }) == 2)
        #expect(found([head(102) + next]) == 0)
        #expect(found((head(102) + next).map { [$0] }) == 0)
        // Header names in any case, values with spaces and tabs around them.
        let padded = "POST / HTTP/1.1\r\nCONTENT-LENGTH: \t3 \r\n\r\nabc" + Self.heads[2]
        #expect(Self.scan([Array(padded.utf8)]) == ["POST / HTTP/1.1\r\nCONTENT-LENGTH: \t3 \r\n\r\n", Self.heads[2]])
        let chunked = "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, CHUNKED\r\n\r\n0\r\n\r\n" + Self.heads[2]
        #expect(Self.scan([Array(chunked.utf8)]).count == 2)
    }
}
