import RDF

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write-ahead journal: a write is fsync'd here before it touches Redland, so a `kill -9` at any later moment
/// is repaired on the next open by replaying it (DESIGN.md decision 4).
///
/// The file holds at most one record, the write in progress; it is emptied once Redland has synced that write.
/// Layout: a 32-byte header (`LSJ1`, insertions length, deletions length, FNV-1a checksum of the payload,
/// a 4-byte completion mark), then the payload: insertions then deletions, each as N-Quads text. A record counts only
/// if its header is complete, the file has exactly the length it announces and the payload matches its checksum, so
/// one fsync after writing everything is enough: a torn record is never mistaken for a whole one.
final class Journal {
    static let headerSize = 32
    private static let magic: [UInt8] = Array("LSJ1".utf8)
    private static let complete: [UInt8] = Array("DONE".utf8)

    let path: String
    private let descriptor: Int32
    private var insertionBytes = 0
    private var deletionBytes = 0
    private var checksum = FNV1a()
    private var buffer: [UInt8] = []
    /// Where the buffer's first byte goes in the file.
    private var bufferOffset = headerSize

    init(path: String) throws(StoreError) {
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot open journal \(path): \(Self.lastError())") }
    }

    deinit { close(descriptor) }

    // MARK: Writing a record

    /// Starts a record, discarding any previous one.
    func begin() throws(StoreError) {
        try truncate()
        insertionBytes = 0
        deletionBytes = 0
        checksum = FNV1a()
        buffer.removeAll(keepingCapacity: true)
        bufferOffset = Self.headerSize
        try writeAll(Array(repeating: 0, count: Self.headerSize), at: 0)
    }

    /// Appends an insertion. All insertions come before the first deletion.
    func appendInsertion(_ quad: Quad) throws(StoreError) {
        precondition(deletionBytes == 0, "insertions are journalled before deletions")
        insertionBytes += try append(quad)
    }

    func appendDeletion(_ quad: Quad) throws(StoreError) {
        deletionBytes += try append(quad)
    }

    /// Makes the record durable: payload and header written, then fsync'd. After this returns the write survives a
    /// crash.
    func commit() throws(StoreError) {
        try flushBuffer()
        var header = Self.magic
        header += Self.bytes(of: UInt64(insertionBytes))
        header += Self.bytes(of: UInt64(deletionBytes))
        header += Self.bytes(of: checksum.value)
        header += Self.complete
        try writeAll(header, at: 0)
        try sync()
    }

    /// Forgets the record once Redland holds it durably. Not fsync'd: if a crash undoes the truncation, the record
    /// replayed on open is the last write, which Redland already holds, and replaying it changes nothing.
    func clear() throws(StoreError) {
        try truncate()
    }

    // MARK: Reading back

    /// The committed record left by a crash, if any. A torn or corrupt record (one never acknowledged) is `nil`.
    func pendingRecord() throws(StoreError) -> (insertions: [Quad], deletions: [Quad])? {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size >= Self.headerSize else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, Int(size), 0) }
        guard read == Int(size) else { throw StoreError(.io, "cannot read journal \(path): \(Self.lastError())") }
        guard Array(bytes[0..<4]) == Self.magic, Array(bytes[28..<32]) == Self.complete else { return nil }
        let insertionsLength = Int(Self.uint64(bytes, at: 4))
        let deletionsLength = Int(Self.uint64(bytes, at: 12))
        let expected = Self.uint64(bytes, at: 20)
        guard insertionsLength >= 0, deletionsLength >= 0, Self.headerSize + insertionsLength + deletionsLength == bytes.count else {
            return nil
        }
        var sum = FNV1a()
        sum.add(bytes[Self.headerSize...])
        guard sum.value == expected else { return nil }
        let insertionsEnd = Self.headerSize + insertionsLength
        do {
            var insertions = [Quad](), deletions = [Quad]()
            try NQuadsParser.parse(Array(bytes[Self.headerSize..<insertionsEnd])) { insertions.append($0) }
            try NQuadsParser.parse(Array(bytes[insertionsEnd...])) { deletions.append($0) }
            return (insertions, deletions)
        } catch {
            throw StoreError(.io, "journal \(path) has a valid checksum but does not parse", cause: error)
        }
    }

    // MARK: Plumbing

    private func append(_ quad: Quad) throws(StoreError) -> Int {
        let start = buffer.count
        NTriples.append(quad, to: &buffer)
        checksum.add(buffer[start...])
        let length = buffer.count - start
        if buffer.count >= 1 << 20 { try flushBuffer() }
        return length
    }

    private func flushBuffer() throws(StoreError) {
        guard !buffer.isEmpty else { return }
        try writeAll(buffer, at: bufferOffset)
        bufferOffset += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8], at offset: Int) throws(StoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, bytes.count - written, off_t(offset + written)) }
            if result < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, "cannot write journal \(path): \(Self.lastError())")
            }
            written += result
        }
    }

    private func sync() throws(StoreError) {
        guard fsync(descriptor) == 0 else { throw StoreError(.io, "cannot fsync journal \(path): \(Self.lastError())") }
    }

    private func truncate() throws(StoreError) {
        guard ftruncate(descriptor, 0) == 0 else { throw StoreError(.io, "cannot truncate journal \(path): \(Self.lastError())") }
    }

    private static func bytes(of value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    private static func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// 64-bit FNV-1a: detects a torn or damaged journal record; not a defence against tampering.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
    }
}
