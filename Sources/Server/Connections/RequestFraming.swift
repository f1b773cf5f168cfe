import Foundation

/// Where the request heads lie in a connection's raw bytes, so that every head is checked as bytes (UTF-8, CONNECT),
/// also one pipelined behind another request's body in the same read. It follows HTTP/1.1 message framing
/// (RFC 9112 §6): after a head, `Content-Length` bytes of body, or chunks up to the last chunk and its trailers, or
/// none. It only finds boundaries; the HTTP decoder after it still parses and refuses. Framing it cannot follow (both
/// or an invalid `Content-Length`, a chunk line over 1 KiB, a head over the size limit) is framing the decoder refuses
/// and then closes the connection, so the scan stops there.
struct RequestFraming {
    private enum State {
        /// Collecting a head into `head`.
        case head
        /// Skipping this many bytes of a `Content-Length` body.
        case body(remaining: Int)
        /// Reading a chunk-size line into `line`.
        case chunkSize
        /// Skipping this many bytes of chunk data, then its CRLF.
        case chunkData(remaining: Int)
        /// Skipping the CRLF after chunk data.
        case chunkEnd
        /// Reading trailer lines into `line`, up to the empty one that ends the message.
        case trailers
        /// Framing the decoder refuses: nothing after it is looked at.
        case lost
    }

    /// A head the scan completed: its bytes, and where it began in the buffer just scanned (0 when it began in an
    /// earlier read).
    struct CompletedHead {
        let bytes: [UInt8]
        let start: Int
    }

    private var state = State.head
    /// The head being collected (or the last one completed), up to one byte past `maxHeadSize`.
    private(set) var head: [UInt8] = []
    private var line: [UInt8] = []
    let maxHeadSize: Int

    init(maxHeadSize: Int) { self.maxHeadSize = maxHeadSize }

    /// Scans one read; returns the heads it completed, in order. Bodies and chunk data are skipped, not looked at.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> [CompletedHead] {
        var completed: [CompletedHead] = []
        var headStart = 0
        var index = 0
        while index < bytes.count {
            switch state {
            case .head:
                if head.isEmpty {
                    headStart = index
                    // Room for a usual head at once, rather than growing line by line.
                    head.reserveCapacity(min(maxHeadSize + 1, 1024))
                }
                // A head may grow to one byte past the limit; it is appended a line at a time, as only a line feed can end it.
                let room = maxHeadSize + 1 - head.count
                guard room > 0 else {
                    state = .lost
                    return completed
                }
                let limit = min(bytes.count, index + room)
                var end = index
                while end < limit && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end < limit { end += 1 }
                head.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<end]))
                index = end
                guard Self.endsHead(head) else { continue }
                completed.append(CompletedHead(bytes: head, start: headStart))
                state = Self.framing(after: head)
                if case .head = state { head = [] }
            case .body(let remaining):
                let skipped = min(remaining, bytes.count - index)
                index += skipped
                state = remaining > skipped ? .body(remaining: remaining - skipped) : .head
                if case .head = state { head = [] }
            case .chunkData(let remaining):
                let skipped = min(remaining, bytes.count - index)
                index += skipped
                state = remaining > skipped ? .chunkData(remaining: remaining - skipped) : .chunkEnd
            case .chunkEnd:
                if bytes[index] == UInt8(ascii: "\n") { state = .chunkSize }
                index += 1
            case .chunkSize, .trailers:
                let byte = bytes[index]
                index += 1
                guard byte == UInt8(ascii: "\n") else {
                    line.append(byte)
                    if line.count > 1024 { state = .lost }
                    continue
                }
                endLine()
            case .lost:
                return completed
            }
        }
        return completed
    }

    /// A chunk-size or trailer line ended.
    private mutating func endLine() {
        defer { line = [] }
        if case .trailers = state {
            // The empty line after the trailers ends the message.
            if line.isEmpty || line == [UInt8(ascii: "\r")] {
                state = .head
                head = []
            }
            return
        }
        guard let size = Self.chunkSize(line) else {
            state = .lost
            return
        }
        state = size == 0 ? .trailers : .chunkData(remaining: size)
    }

    /// The head ends at its first empty line (CRLF CRLF, or bare LFs as the decoder also accepts).
    private static func endsHead(_ head: [UInt8]) -> Bool {
        let count = head.count
        guard head[count - 1] == UInt8(ascii: "\n"), count >= 2 else { return false }
        return head[count - 2] == UInt8(ascii: "\n") || (count >= 3 && head[count - 2] == UInt8(ascii: "\r") && head[count - 3] == UInt8(ascii: "\n"))
    }

    /// What follows a complete head: a chunked body, a `Content-Length` body, or the next head. Names are compared as
    /// ASCII bytes, without making strings of every header line.
    private static func framing(after head: [UInt8]) -> State {
        var length: Int?
        var chunked = false
        var lengths = 0
        // Line by line after the request line, without an array of lines: every request's head comes here.
        var next = (head.firstIndex(of: UInt8(ascii: "\n")) ?? head.endIndex) + 1
        while next < head.endIndex {
            let end = head[next...].firstIndex(of: UInt8(ascii: "\n")) ?? head.endIndex
            let line = head[next..<end]
            next = end + 1
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = line[line.startIndex..<colon]
            let isLength = equalsIgnoringASCIICase(name, contentLength)
            guard isLength || equalsIgnoringASCIICase(name, transferEncoding) else { continue }
            let value = trimmed(line[(colon + 1)...])
            if isLength {
                lengths += 1
                length = Int(String(decoding: value, as: UTF8.self))
            } else {
                chunked = chunked || (value.count >= chunkedCoding.count && equalsIgnoringASCIICase(value.suffix(chunkedCoding.count), chunkedCoding))
            }
        }
        if chunked { return lengths == 0 ? .chunkSize : .lost }
        guard lengths > 0 else { return .head }
        guard lengths == 1, let length, length >= 0 else { return .lost }
        return length == 0 ? .head : .body(remaining: length)
    }

    private static let contentLength = Array("content-length".utf8)
    private static let transferEncoding = Array("transfer-encoding".utf8)
    private static let chunkedCoding = Array("chunked".utf8)

    /// A header value without the spaces, tabs and CR around it.
    private static func trimmed(_ value: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isPadding = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
        guard let first = value.firstIndex(where: { !isPadding($0) }), let last = value.lastIndex(where: { !isPadding($0) }) else { return [] }
        return value[first...last]
    }

    /// Whether `bytes` spell `lowercase` (lowercase ASCII) in any ASCII case.
    private static func equalsIgnoringASCIICase(_ bytes: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
        guard bytes.count == lowercase.count else { return false }
        return zip(bytes, lowercase).allSatisfy { byte, expected in
            byte == expected || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte | 0x20 == expected)
        }
    }

    /// The size on a chunk-size line (hex digits, then perhaps `;extensions` and CR); `nil` when it is not one.
    private static func chunkSize(_ line: [UInt8]) -> Int? {
        let digits = line.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "\r") }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        return Int(String(decoding: digits, as: UTF8.self), radix: 16)
    }
}
