import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write-ahead log: segment files under `STORE/wal/`, each named by the sequence number of its first record
/// (DESIGN.md decision 4). Appending a group of records and syncing it once is the only synchronous write of a commit.
///
/// Not thread-safe: `GroupCommitter` calls it from one flush at a time (`@unchecked Sendable` lets that flush run off
/// the committer's actor while new writes queue up).
final class WriteAheadLog: @unchecked Sendable {
    let directory: String
    private let sync: SyncMode
    private let segmentBytes: Int
    private var descriptor: Int32 = -1
    private var activePath = ""
    private var activeSize = 0
    /// The active segment holds zeros from `activeSize` up to here: a record written over them leaves the file's size
    /// alone, so its sync writes the record only, not a file-system journal entry as well (PostgreSQL's pre-zeroed
    /// WAL segments). Measured on this project's machine: 170-210 µs per 100-byte sync instead of 420-1,480.
    private var zeroedSize = 0
    /// How far ahead of the records the segment is zeroed: the size changes, and costs a journal entry, once per chunk.
    static let zeroedChunk = 1 << 20
    /// One chunk of zeros, made once (a `repeatElement` is copied into an array element by element on every write).
    private static let zeros = [UInt8](repeating: 0, count: zeroedChunk)
    /// Syncs left before an injected failure (tests only).
    private var syncsBeforeFailure: Int?

    private init(directory: String, sync: SyncMode, segmentBytes: Int, syncsBeforeFailure: Int?) {
        self.directory = directory
        self.sync = sync
        self.segmentBytes = segmentBytes
        self.syncsBeforeFailure = syncsBeforeFailure
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    /// Opens the log and reads the records after `checkpoint`, in order. A torn tail (a record cut short by a crash
    /// before it was synced, hence never acknowledged) is cut off.
    /// - Throws: `StoreError(.io)` naming the segment and offset of a damaged record anywhere else, or of a gap.
    static func open(directory: String, after checkpoint: UInt64, options: StoreOptions) throws(StoreError) -> (WriteAheadLog, [LogRecord]) {
        try FileSystem.createDirectory(directory)
        let log = WriteAheadLog(
            directory: directory, sync: options.sync, segmentBytes: options.segmentBytes, syncsBeforeFailure: options.syncsBeforeFailure)
        let segments = try log.segmentNames()
        var records = [LogRecord]()
        var last = checkpoint
        for (index, name) in segments.enumerated() {
            let path = directory + "/" + name
            let bytes = try FileSystem.read(path)
            let isLast = index == segments.count - 1
            var offset = 0
            scanning: while offset < bytes.count {
                switch LogRecord.scan(bytes, at: offset) {
                case .record(let record, let length):
                    if record.sequence > checkpoint {
                        guard record.sequence == last + 1 else {
                            throw StoreError(.io, "write-ahead log \(path) at offset \(offset): record \(record.sequence) follows \(last)")
                        }
                        records.append(record)
                        last = record.sequence
                    } else {
                        last = max(last, record.sequence)
                    }
                    offset += length
                case .incomplete where isLast:
                    try FileSystem.truncate(path, to: offset)
                    break scanning
                case .incomplete where bytes[offset...].allSatisfy({ $0 == 0 }), .invalid where bytes[offset...].allSatisfy({ $0 == 0 }):
                    // The zeroed tail after the segment's last record. Only the last segment keeps one, but a backup
                    // may copy a segment just before it is cut to its records; the sequence check spots any gap.
                    if isLast { try FileSystem.truncate(path, to: offset) }
                    break scanning
                case .invalid where isLast && LogRecord.isTornTail(bytes, at: offset):
                    // The record was being written over the zeroed tail when the machine stopped: its sync never
                    // returned, so it was never acknowledged.
                    try FileSystem.truncate(path, to: offset)
                    break scanning
                case .incomplete:
                    throw StoreError(.io, "write-ahead log segment \(path) ends mid-record at offset \(offset)")
                case .invalid(let reason):
                    throw StoreError(.io, "write-ahead log segment \(path) is damaged at offset \(offset): \(reason); refusing to open")
                }
            }
        }
        if let lastName = segments.last {
            try log.openSegment(directory + "/" + lastName)
        } else {
            try log.startSegment(first: last + 1)
        }
        return (log, records)
    }

    /// Writes `bytes` (whole records) at the end of the active segment and, with `SyncMode.commit`, syncs them.
    /// After an error the log's tail is undefined: the caller must stop writing (never retry a failed sync).
    func append(_ bytes: [UInt8]) throws(StoreError) {
        let end = activeSize + bytes.count
        if end > zeroedSize {
            // Zeros past the record only: its own bytes need none (a record of 100 MB is not written twice).
            try FileSystem.write(descriptor, Self.zeros, at: end, path: activePath)
            zeroedSize = end + Self.zeroedChunk
        }
        try FileSystem.write(descriptor, bytes, at: activeSize, path: activePath)
        activeSize = end
        guard sync == .commit else { return }
        if let left = syncsBeforeFailure {
            guard left > 0 else { throw StoreError(.io, "cannot sync write-ahead log \(activePath): injected failure") }
            syncsBeforeFailure = left - 1
        }
        guard fdatasync(descriptor) == 0 else { throw StoreError(.io, "cannot sync write-ahead log \(activePath): \(FileSystem.lastError())") }
    }

    /// Whether the active segment has grown past its bound, so the next record should start a new one.
    var activeSegmentIsFull: Bool { activeSize >= segmentBytes }

    /// Closes the active segment and starts a new one whose first record will be `first`.
    func startSegment(first: UInt64) throws(StoreError) {
        let path = directory + "/" + Self.segmentName(first)
        guard path != activePath else { return }
        if descriptor >= 0 {
            // A segment that is not the last ends at its last record: only the last may have a zeroed tail.
            guard ftruncate(descriptor, off_t(activeSize)) == 0 else {
                throw StoreError(.io, "cannot truncate write-ahead log \(activePath): \(FileSystem.lastError())")
            }
            zeroedSize = activeSize
            if sync == .commit, fdatasync(descriptor) != 0 {
                throw StoreError(.io, "cannot sync write-ahead log \(activePath): \(FileSystem.lastError())")
            }
            Glibc.close(descriptor)
            descriptor = -1
        }
        try openSegment(path)
        try FileSystem.syncDirectory(directory)
    }

    /// Removes the segments that hold only records up to `sequence` (the active one stays).
    func removeSegments(upTo sequence: UInt64) throws(StoreError) {
        let names = try segmentNames()
        for (index, name) in names.enumerated() where directory + "/" + name != activePath && index + 1 < names.count {
            guard let nextFirst = Self.firstSequence(names[index + 1]), nextFirst <= sequence + 1 else { continue }
            unlink(directory + "/" + name)
        }
        try FileSystem.syncDirectory(directory)
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    // MARK: Segments

    static func segmentName(_ first: UInt64) -> String {
        let digits = String(first)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".wal"
    }

    static func firstSequence(_ name: String) -> UInt64? {
        guard name.hasSuffix(".wal") else { return nil }
        return UInt64(name.dropLast(4))
    }

    private func segmentNames() throws(StoreError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw StoreError(.io, "cannot list the write-ahead log \(directory)", cause: error)
        }
        return names.filter { Self.firstSequence($0) != nil }.sorted()
    }

    private func openSegment(_ path: String) throws(StoreError) {
        let opened = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw StoreError(.io, "cannot open write-ahead log \(path): \(FileSystem.lastError())") }
        descriptor = opened
        activePath = path
        activeSize = Int(lseek(opened, 0, SEEK_END))
        zeroedSize = activeSize
    }
}

/// When a commit is acknowledged.
public enum SyncMode: String, Sendable, CaseIterable {
    /// After the log is on disk (`fdatasync`): survives a power loss.
    case commit
    /// After the log is written to the operating system, which syncs it later: survives a crash of the process, not of
    /// the machine (as Oxigraph and RocksDB's default).
    case os
}
