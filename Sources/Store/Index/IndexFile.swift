#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

/// `STORE/checkpoint.index`: the dictionary and the six sorted indexes exactly as Redland holds them at one checkpoint,
/// so that an open maps them instead of reading every quad out of Redland (issue 10: reopen ≤ 0.5 s at 1M triples).
/// Redland stays the storage of record: the file is used only when its sequence number is the checkpoint's and its
/// size and checksum hold; otherwise the store rebuilds it from Redland.
///
/// Layout (little-endian; sections start on 64-byte boundaries, so the payload is whole 32-byte checksum stripes):
/// a 128-byte header (`Header`), then `termCount + 1` UInt64 term offsets, the hash table (UInt64 slots), the term
/// bytes (`TermEncoding`), and the six orders' keys (`QuadOrder`, UInt128 each). The payload's XXH64 is in the header.
enum IndexFile {
    static func path(_ storeDirectory: String) -> String { storeDirectory + "/checkpoint.index" }
    static func temporaryPath(_ storeDirectory: String) -> String { path(storeDirectory) + ".tmp" }

    /// The dictionary and indexes of a mapped, checked index file.
    struct Loaded {
        let terms: DictionaryFile
        let indexes: QuadIndexes
    }

    /// Where each section lies, from the counts in the header.
    struct Layout: Equatable {
        static let headerSize = 128
        static let magic = Array("LSINDEX1".utf8)
        var sequence: UInt64
        var termCount: Int
        var tableCapacity: Int
        var termBytesCount: Int
        var quadCount: Int

        var offsetsAt: Int { Self.headerSize }
        var tableAt: Int { Self.aligned(offsetsAt + (termCount + 1) * 8) }
        var bytesAt: Int { Self.aligned(tableAt + tableCapacity * 8) }
        var keysAt: Int { Self.aligned(bytesAt + termBytesCount) }
        func keys(_ order: QuadOrder) -> Int { keysAt + order.rawValue * quadCount * 16 }
        var size: Int { keysAt + QuadOrder.allCases.count * quadCount * 16 }

        static func aligned(_ offset: Int) -> Int { (offset + 63) & ~63 }

        /// The header: magic, sequence, the four counts, the payload checksum; then the checksum of those 64 bytes.
        func header(payloadChecksum: UInt64) -> [UInt8] {
            var bytes = Self.magic
            for field in [sequence, UInt64(termCount), UInt64(tableCapacity), UInt64(termBytesCount), UInt64(quadCount), payloadChecksum, 0] {
                withUnsafeBytes(of: field.littleEndian) { bytes.append(contentsOf: $0) }
            }
            let checksum = bytes.withUnsafeBytes { Checksum.of($0) }
            withUnsafeBytes(of: checksum.littleEndian) { bytes.append(contentsOf: $0) }
            return bytes + [UInt8](repeating: 0, count: Self.headerSize - bytes.count)
        }
    }

    // MARK: Reading

    /// Maps the index file of the store in `storeDirectory` and checks that it is the one for checkpoint `sequence` and
    /// whole: its size, header and payload checksum. Nothing is copied: the dictionary and indexes read the mapping.
    /// - Throws: `StoreError(.io)` saying why the file cannot be used (absent, another checkpoint's, truncated, damaged).
    static func load(storeDirectory: String, sequence: UInt64) throws(StoreError) -> Loaded {
        let path = path(storeDirectory)
        guard FileSystem.exists(path) else { throw StoreError(.io, "\(path) does not exist") }
        guard UInt64(littleEndian: 1) == 1 else { throw StoreError(.io, "index files are little-endian; this machine is not") }
        let file = try MappedFile(path: path)
        let layout = try readLayout(file, path: path)
        guard layout.sequence == sequence else {
            throw StoreError(.io, "\(path) is for checkpoint \(layout.sequence), Redland holds checkpoint \(sequence)")
        }
        guard layout.size == file.bytes.count else {
            throw StoreError(.io, "\(path) is \(file.bytes.count) bytes, its header says \(layout.size): truncated or damaged")
        }
        let payload = UnsafeRawBufferPointer(rebasing: file.bytes[Layout.headerSize...])
        guard Checksum.of(payload) == field(file.bytes, 48) else { throw StoreError(.io, "\(path) fails its checksum: damaged") }
        let terms = DictionaryFile(
            file: file, count: layout.termCount, offsetsAt: layout.offsetsAt, tableAt: layout.tableAt, tableCapacity: layout.tableCapacity,
            bytesAt: layout.bytesAt)
        let lastOffset = field(file.bytes, layout.offsetsAt + layout.termCount * 8)
        guard lastOffset == UInt64(layout.termBytesCount) else { throw StoreError(.io, "\(path) has inconsistent term offsets") }
        let columns = QuadOrder.allCases.map { KeyColumn(mapped: file, offset: layout.keys($0), count: layout.quadCount) }
        return Loaded(terms: terms, indexes: QuadIndexes(columns: columns))
    }

    /// The layout in the header of `file`, if the header is whole and its counts are possible for a file of its size.
    private static func readLayout(_ file: MappedFile, path: String) throws(StoreError) -> Layout {
        let bytes = file.bytes
        guard bytes.count >= Layout.headerSize, Array(bytes[0..<8]) == Layout.magic else {
            throw StoreError(.io, "\(path) has no index file header")
        }
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<64])) == field(bytes, 64) else {
            throw StoreError(.io, "\(path) has a damaged header")
        }
        let counts = [field(bytes, 16), field(bytes, 24), field(bytes, 32), field(bytes, 40)]
        // Each count is at most the file's size, so the section arithmetic below cannot overflow.
        guard counts.allSatisfy({ $0 <= UInt64(bytes.count) }), counts[0] < UInt64(TermID.firstOverlay.rawValue) else {
            throw StoreError(.io, "\(path) has impossible counts in its header")
        }
        let layout = Layout(
            sequence: field(bytes, 8), termCount: Int(counts[0]), tableCapacity: Int(counts[1]), termBytesCount: Int(counts[2]),
            quadCount: Int(counts[3]))
        guard layout.termCount > 0, layout.tableCapacity == DictionaryFile.tableCapacity(forTerms: layout.termCount) else {
            throw StoreError(.io, "\(path) has an impossible hash table size")
        }
        return layout
    }

    private static func field(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
