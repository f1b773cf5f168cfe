import CompressNIO
import Foundation
import NIOCore
import SystemPackage

/// A dump being written to disk, plain and gzip-compressed at once, under temporary names; `commit()` makes both
/// durable (fsync) and gives them their final names by `rename`, which is atomic: a reader sees no file or a whole one.
///
/// `@unchecked Sendable`: the sink is called by one producer at a time (a serializer on one thread, the calls
/// ordered by the producer), and `commit`/`discard` only after the producer has returned.
final class DumpFileOutput: @unchecked Sendable {
    private let plain: PendingFile
    private let compressed: PendingFile
    private let compressor: any NIOCompressor
    private(set) var failure: (any Error)?

    /// Opens `plainPath` and `compressedPath` under temporary names beside them.
    /// - Throws: `DumpError` if the files cannot be created.
    init(plainPath: String, compressedPath: String) throws {
        plain = try PendingFile(finalPath: plainPath)
        do {
            compressed = try PendingFile(finalPath: compressedPath)
        } catch {
            plain.discard()
            throw error
        }
        compressor = CompressionAlgorithm.gzip().compressor
        try compressor.startStream()
    }

    /// The sink a serializer writes into.
    var sink: @Sendable ([UInt8]) throws -> Void {
        { [self] chunk in try self.write(chunk) }
    }

    private func write(_ chunk: [UInt8]) throws {
        try plain.write(chunk)
        var input = ByteBuffer(bytes: chunk)
        var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
        try compressor.streamDeflate(from: &input, to: &output, flush: .no)
        try compressed.write(output.readableBytesView)
    }

    /// Ends the gzip stream, syncs both files, and renames them into place.
    func commit() throws {
        while true {
            var output = ByteBufferAllocator().buffer(capacity: 1 << 16)
            do {
                try compressor.finishDeflate(to: &output)
                try compressed.write(output.readableBytesView)
                break
            } catch let error as CompressNIOError where error == .bufferOverflow {
                try compressed.write(output.readableBytesView)
            }
        }
        try compressor.finishStream()
        try plain.commit()
        try compressed.commit()
    }

    /// Removes the temporary files that writers left in `directory` when the process died mid-dump.
    static func removeLeftovers(in directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.contains(PendingFile.marker) { unlink(directory + "/" + name) }
    }

    /// Removes the temporary files (after a failed dump).
    func discard() {
        try? compressor.finishStream()
        plain.discard()
        compressed.discard()
    }
}

/// One file written under a temporary name, then synced and renamed to its final name.
private final class PendingFile {
    /// What a temporary name has after the final one.
    static let marker = ".part-"
    let finalPath: String
    let temporaryPath: String
    private var descriptor: Int32

    init(finalPath: String) throws {
        self.finalPath = finalPath
        temporaryPath = finalPath + Self.marker + UUID().uuidString.prefix(8)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DumpError.io("cannot create \(temporaryPath): \(String(cString: strerror(errno)))") }
    }

    func write(_ bytes: some Collection<UInt8>) throws {
        do {
            _ = try FileDescriptor(rawValue: descriptor).writeAll(bytes)
        } catch {
            throw DumpError.io("cannot write \(temporaryPath): \(error)")
        }
    }

    func commit() throws {
        guard fsync(descriptor) == 0 else { throw DumpError.io("cannot sync \(temporaryPath): \(String(cString: strerror(errno)))") }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, finalPath) == 0 else {
            throw DumpError.io("cannot rename \(temporaryPath) to \(finalPath): \(String(cString: strerror(errno)))")
        }
    }

    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// Why a dump could not be produced or served.
package enum DumpError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dump directory or a dump file could not be written or read (the server's fault).
    case io(String)
    /// No dump has this name (an unknown graph, or a syntax it is not dumped in).
    case unknownDump(String)
    /// `?page=` is not a page of this dump.
    case noSuchPage(String)

    package var description: String {
        switch self {
        case .io(let message): "the dump could not be written: \(message)"
        case .unknownDump(let message), .noSuchPage(let message): message
        }
    }
}
