import RDF

/// One committed write as the log holds it: its sequence number (the store version it produced) and its net changes.
///
/// Layout: a 24-byte header — `LSW1`, the payload length (UInt32), the sequence number (UInt64), and an FNV-1a
/// checksum (UInt64) of the length, the sequence number and the payload — then the payload: the insertions' byte
/// length (UInt64), the insertions as N-Quads, then the deletions as N-Quads. All integers little-endian.
struct LogRecord: Equatable {
    static let headerSize = 24
    static let magic: [UInt8] = Array("LSW1".utf8)

    var sequence: UInt64
    var insertions: [Quad]
    var deletions: [Quad]

    /// Appends the record's bytes to `buffer`.
    func encode(into buffer: inout [UInt8]) {
        var payload = [UInt8](repeating: 0, count: 8)
        for quad in insertions { NTriples.append(quad, to: &payload) }
        payload.replaceSubrange(0..<8, with: Self.bytes(of: UInt64(payload.count - 8)))
        for quad in deletions { NTriples.append(quad, to: &payload) }
        let lengthAndSequence = Self.bytes(of: UInt32(payload.count)) + Self.bytes(of: sequence)
        var checksum = FNV1a()
        checksum.add(lengthAndSequence)
        checksum.add(payload)
        buffer += Self.magic
        buffer += lengthAndSequence
        buffer += Self.bytes(of: checksum.value)
        buffer += payload
    }

    /// What a scan finds at one offset of a segment.
    enum Scan {
        case record(LogRecord, length: Int)
        /// Fewer bytes than a whole record: the segment ends mid-record.
        case incomplete
        /// A whole record's worth of bytes that are not a valid record.
        case invalid(String)
    }

    /// Reads the record starting at `offset` of `bytes`.
    static func scan(_ bytes: [UInt8], at offset: Int) -> Scan {
        guard bytes.count - offset >= headerSize else { return .incomplete }
        guard Array(bytes[offset..<offset + 4]) == magic else { return .invalid("no record header") }
        let length = Int(integer(bytes, at: offset + 4, size: 4))
        let sequence = integer(bytes, at: offset + 8, size: 8)
        let expected = integer(bytes, at: offset + 16, size: 8)
        let end = offset + headerSize + length
        guard end <= bytes.count else { return .incomplete }
        var checksum = FNV1a()
        checksum.add(bytes[offset + 4..<offset + 16])
        checksum.add(bytes[offset + headerSize..<end])
        guard checksum.value == expected, length >= 8 else { return .invalid("checksum mismatch") }
        let payload = offset + headerSize
        let insertionsEnd = payload + 8 + Int(integer(bytes, at: payload, size: 8))
        guard insertionsEnd <= end else { return .invalid("insertions overrun the record") }
        do {
            var insertions = [Quad](), deletions = [Quad]()
            try NQuadsParser.parse(Array(bytes[payload + 8..<insertionsEnd])) { insertions.append($0) }
            try NQuadsParser.parse(Array(bytes[insertionsEnd..<end])) { deletions.append($0) }
            return .record(LogRecord(sequence: sequence, insertions: insertions, deletions: deletions), length: end - offset)
        } catch {
            return .invalid("valid checksum but the quads do not parse: \(error)")
        }
    }

    static func bytes<I: FixedWidthInteger>(of value: I) -> [UInt8] {
        (0..<I.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    static func integer(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
        (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }
}

/// 64-bit FNV-1a: detects a torn or damaged record; not a defence against tampering.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
    }
}
