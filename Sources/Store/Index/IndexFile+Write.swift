#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

extension IndexFile {
    /// Writes the index file for `snapshot`, which must be the state Redland holds at checkpoint `snapshot.version`.
    /// Nothing for an in-memory store.
    static func write(_ snapshot: Snapshot, options: StoreOptions) throws(StoreError) {
        guard case .directory(let path) = options.location else { return }
        var indexes = snapshot.base
        if !snapshot.delta.major.isEmpty { indexes = indexes.merged(with: snapshot.delta.major) }
        if !snapshot.delta.minor.isEmpty { indexes = indexes.merged(with: snapshot.delta.minor) }
        try write(indexes, dictionary: snapshot.dictionary, termCount: snapshot.termCount, sequence: snapshot.version, storeDirectory: path)
    }

    /// Replaces the index file of the store in `storeDirectory` crash-safely: written to a temporary file, synced,
    /// renamed over the old one, and the directory synced. A crash at any point leaves the old file or the new one,
    /// and either is used only if its sequence number is Redland's checkpoint.
    static func write(_ indexes: QuadIndexes, dictionary: TermDictionary, termCount: Int, sequence: UInt64, storeDirectory: String)
        throws(StoreError)
    {
        try writeTemporary(indexes, dictionary: dictionary, termCount: termCount, sequence: sequence, storeDirectory: storeDirectory)
        try installTemporary(storeDirectory: storeDirectory)
    }

    /// The second half of `write`: the file `writeTemporary` left renamed over the old one, and the directory synced.
    static func installTemporary(storeDirectory: String) throws(StoreError) {
        let temporary = temporaryPath(storeDirectory)
        guard rename(temporary, path(storeDirectory)) == 0 else {
            throw StoreError(.io, "cannot rename \(temporary) to \(path(storeDirectory)): \(FileSystem.lastError())")
        }
        try FileSystem.syncDirectory(storeDirectory)
    }

    /// The first half of `write`: the new file, whole and synced, under its temporary name.
    static func writeTemporary(_ indexes: QuadIndexes, dictionary: TermDictionary, termCount: Int, sequence: UInt64, storeDirectory: String)
        throws(StoreError)
    {
        var termBytes = [UInt8](), offsets = [UInt64](), hashes = [UInt64]()
        offsets.reserveCapacity(termCount + 1)
        hashes.reserveCapacity(termCount)
        for id in 0..<termCount {
            let start = termBytes.count
            offsets.append(UInt64(start))
            dictionary.appendEncoding(of: TermID(rawValue: UInt32(id)), to: &termBytes)
            hashes.append(termBytes.withUnsafeBytes { TermEncoding.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) })
        }
        offsets.append(UInt64(termBytes.count))
        let layout = Layout(
            sequence: sequence, termCount: termCount, tableCapacity: DictionaryFile.tableCapacity(forTerms: termCount),
            termBytesCount: termBytes.count, quadCount: indexes.count)
        let table = DictionaryFile.table(for: hashes, capacity: layout.tableCapacity)

        let temporary = temporaryPath(storeDirectory)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot create \(temporary): \(FileSystem.lastError())") }
        defer { close(descriptor) }
        var writer = ChecksummedWriter(descriptor: descriptor, path: temporary, offset: Layout.headerSize)
        try writer.append(contentsOf: offsets)
        try writer.pad(to: layout.tableAt)
        try writer.append(contentsOf: table)
        try writer.pad(to: layout.bytesAt)
        try writer.append(contentsOf: termBytes)
        try writer.pad(to: layout.keysAt)
        for order in QuadOrder.allCases { try writer.append(indexes[order].bytes) }
        let checksum = try writer.finish()
        precondition(writer.offset == layout.size, "the index file's sections do not add up")
        try FileSystem.write(descriptor, layout.header(payloadChecksum: checksum), at: 0, path: temporary)
        guard fsync(descriptor) == 0 else { throw StoreError(.io, "cannot sync \(temporary): \(FileSystem.lastError())") }
    }
}

/// Writes a file's payload through a buffer, keeping its checksum: flushed in whole buffers of 1 MiB, so the
/// checksum always sees whole 32-byte stripes; the payload must end on one.
struct ChecksummedWriter {
    private static let bufferSize = 1 << 20
    private let descriptor: Int32
    private let path: String
    private var buffer = [UInt8]()
    private var checksum = Checksum()
    /// The file offset the next byte goes to.
    private(set) var offset: Int

    init(descriptor: Int32, path: String, offset: Int) {
        self.descriptor = descriptor
        self.path = path
        self.offset = offset
        buffer.reserveCapacity(Self.bufferSize)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(StoreError) {
        var rest = bytes[...]
        while !rest.isEmpty {
            let take = min(rest.count, Self.bufferSize - buffer.count)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest.prefix(take)))
            rest = rest.dropFirst(take)
            offset += take
            if buffer.count == Self.bufferSize { try flush() }
        }
    }

    /// Appends zeros up to file offset `target`.
    mutating func pad(to target: Int) throws(StoreError) {
        try append(contentsOf: [UInt8](repeating: 0, count: target - offset))
    }

    mutating func append<Element>(contentsOf array: [Element]) throws(StoreError) {
        var failure: StoreError?
        array.withUnsafeBytes { bytes in
            do throws(StoreError) { try append(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes what is buffered and returns the payload's checksum.
    mutating func finish() throws(StoreError) -> UInt64 {
        try flush()
        return checksum.value
    }

    private mutating func flush() throws(StoreError) {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { checksum.update($0) }
        try FileSystem.write(descriptor, buffer, at: offset - buffer.count, path: path)
        buffer.removeAll(keepingCapacity: true)
    }
}
