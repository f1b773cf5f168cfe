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
                if head.isEmpty { headStart = index }
                guard head.count <= maxHeadSize else {
                    state = .lost
                    return completed
                }
                head.append(bytes[index])
                index += 1
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

    /// What follows a complete head: a chunked body, a `Content-Length` body, or the next head.
    private static func framing(after head: [UInt8]) -> State {
        var length: Int?
        var chunked = false
        var lengths = 0
        for line in head.split(separator: UInt8(ascii: "\n")).dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: [" ", "\t", "\r"])
            switch name {
            case "transfer-encoding": chunked = chunked || value.lowercased().hasSuffix("chunked")
            case "content-length":
                lengths += 1
                length = Int(value)
            default: continue
            }
        }
        if chunked { return lengths == 0 ? .chunkSize : .lost }
        guard lengths > 0 else { return .head }
        guard lengths == 1, let length, length >= 0 else { return .lost }
        return length == 0 ? .head : .body(remaining: length)
    }

    /// The size on a chunk-size line (hex digits, then perhaps `;extensions` and CR); `nil` when it is not one.
    private static func chunkSize(_ line: [UInt8]) -> Int? {
        let digits = line.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "\r") }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        return Int(String(decoding: digits, as: UTF8.self), radix: 16)
    }
}
