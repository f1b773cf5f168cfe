import RDF

/// One committed write as the log holds it: its sequence number (the store version it produced) and its net changes.
///
/// Layout: a 24-byte header — a magic naming the format version, the payload length (UInt32), the sequence number
/// (UInt64), and an FNV-1a checksum (UInt64) of the length, the sequence number and the payload — then the payload.
/// All fixed-size integers little-endian.
/// - `LSW2` (written now): the record's own table of the distinct terms it uses, each spelt as the index file spells
///   it (`TermEncoding`), then the quads as indexes into that table (`LogRecord+Terms.swift`). A record depends on
///   nothing outside itself — not the dictionary's IDs, which a rebuilt index file renumbers — and each term costs its
///   bytes once per record instead of once per quad, copied as they are from the dictionary.
/// - `LSW1` (written before): the insertions' byte length (UInt64), the insertions as N-Quads, then the deletions as
///   N-Quads. Still replayed, so a log written by an older Lodestar opens.
struct LogRecord: Equatable {
    static let headerSize = 24
    static let magic: [UInt8] = Array("LSW2".utf8)
    static let version1Magic: [UInt8] = Array("LSW1".utf8)

    var sequence: UInt64
    var insertions: [Quad]
    var deletions: [Quad]

    /// Appends the record's bytes to `buffer`.
    func encode(into buffer: inout [UInt8]) {
        var table = QuadTermTable()
        let added = insertions.map { table.encode($0) }, removed = deletions.map { table.encode($0) }
        Self.encode(sequence: sequence, insertions: added, deletions: removed, into: &buffer) { id, bytes in
            TermEncoding.append(table.terms[Int(id.rawValue)], to: &bytes)
        }
    }

    /// Appends a record of these quads, whose terms `spell` appends the `TermEncoding` bytes of, to `buffer`.
    static func encode<Quads: Collection<EncodedQuad>>(
        sequence: UInt64, insertions: Quads, deletions: Quads, into buffer: inout [UInt8], spell: (TermID, inout [UInt8]) -> Void
    ) {
        let start = buffer.count
        buffer += magic
        buffer += [UInt8](repeating: 0, count: headerSize - magic.count)  // length, sequence and checksum, filled in below
        encodePayload(insertions: insertions, deletions: deletions, into: &buffer, spell: spell)
        let length = buffer.count - start - headerSize
        precondition(length <= Int(UInt32.max), "a log record of \(length) bytes")
        store(UInt32(length), in: &buffer, at: start + 4)
        store(sequence, in: &buffer, at: start + 8)
        var checksum = FNV1a()
        checksum.add(buffer[start + 4..<start + 16])
        checksum.add(buffer[(start + headerSize)...])
        store(checksum.value, in: &buffer, at: start + 16)
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
        let head = Array(bytes[offset..<offset + 4])
        guard head == magic || head == version1Magic else {
            if head.starts(with: Array("LSW".utf8)) {
                return .invalid("a record in format \(String(decoding: head, as: UTF8.self)), which this Lodestar cannot read")
            }
            return .invalid("no record header")
        }
        let length = Int(integer(bytes, at: offset + 4, size: 4))
        let sequence = integer(bytes, at: offset + 8, size: 8)
        let expected = integer(bytes, at: offset + 16, size: 8)
        let end = offset + headerSize + length
        guard end <= bytes.count else { return .incomplete }
        var checksum = FNV1a()
        checksum.add(bytes[offset + 4..<offset + 16])
        checksum.add(bytes[offset + headerSize..<end])
        guard checksum.value == expected else { return .invalid("checksum mismatch") }
        let payload = bytes[offset + headerSize..<end]
        do {
            let (insertions, deletions) = head == magic ? try decodePayload(payload) : try decodeVersion1Payload(payload)
            return .record(LogRecord(sequence: sequence, insertions: insertions, deletions: deletions), length: end - offset)
        } catch {
            return .invalid("valid checksum but the payload does not decode: \(error)")
        }
    }

    /// Whether the damaged record at `offset` is the last thing in `bytes`: a header whose record is followed by zeros
    /// only (the segment's zeroed tail, which a torn write leaves behind it).
    static func isTornTail(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard bytes.count - offset >= headerSize else { return false }
        let end = offset + headerSize + Int(integer(bytes, at: offset + 4, size: 4))
        return end < bytes.count && bytes[end...].allSatisfy { $0 == 0 }
    }

    static func bytes<I: FixedWidthInteger>(of value: I) -> [UInt8] {
        (0..<I.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    static func integer(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
        (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    private static func store<I: FixedWidthInteger>(_ value: I, in buffer: inout [UInt8], at offset: Int) {
        for index in 0..<I.bitWidth / 8 { buffer[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
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
