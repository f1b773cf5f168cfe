import Foundation

/// A consistent copy of a store directory, taken from outside the process that writes it and without stopping it.
///
/// Redland's files change only during a checkpoint, and every checkpoint is bracketed by `checkpoint.running` and a new
/// `checkpoint` number; log segments are only appended to between checkpoints. So a copy of Redland and the log taken
/// while no checkpoint started or ran is the store at its checkpoint plus a prefix of its log: on open it replays to a
/// write the store acknowledged (or, for the last record, was about to acknowledge; a record cut short is dropped).
public enum StoreBackup {
    /// Copies the store at `storeDirectory` into `target`, which must not exist yet.
    /// - Returns: the checkpoint sequence number the copy starts from.
    /// - Throws: `StoreError(.io)` if the copy fails or checkpoints never leave a quiet moment.
    @discardableResult
    public static func copy(storeDirectory: String, to target: String) throws -> UInt64 {
        guard !FileSystem.exists(target) else { throw StoreError(.io, "backup target \(target) already exists") }
        let mark = CheckpointRecord.runningMark(storeDirectory)
        var lastError: (any Error)?
        for _ in 0..<200 {
            defer { if FileSystem.exists(target + ".partial") { try? FileManager.default.removeItem(atPath: target + ".partial") } }
            if FileSystem.exists(mark) {
                usleep(50_000)
                continue
            }
            let checkpoint = try CheckpointRecord.read(storeDirectory: storeDirectory)
            do {
                let partial = target + ".partial"
                try copyFiles(from: storeDirectory + "/redland", to: partial + "/redland")
                try copyFiles(from: storeDirectory + "/wal", to: partial + "/wal")
                guard !FileSystem.exists(mark), try CheckpointRecord.read(storeDirectory: storeDirectory) == checkpoint else { continue }
                // The index file is replaced only by rename, so the copy is one whole file; if it is another checkpoint's,
                // the copy's first open sees so and rebuilds it from Redland.
                if FileSystem.exists(IndexFile.path(storeDirectory)) {
                    try FileSystem.copyFile(IndexFile.path(storeDirectory), to: IndexFile.path(partial))
                    try syncFile(IndexFile.path(partial))
                }
                try CheckpointRecord.write(checkpoint, storeDirectory: partial)
                try FileSystem.syncDirectory(partial)
                guard rename(partial, target) == 0 else { throw StoreError(.io, "cannot rename \(partial) to \(target): \(FileSystem.lastError())") }
                try FileSystem.syncDirectory(FileSystem.parent(of: target))
                return checkpoint
            } catch {
                lastError = error  // a segment removed by a checkpoint under our feet: try again
            }
        }
        throw StoreError(.io, "could not take a consistent backup of \(storeDirectory)\(lastError.map { ": \($0)" } ?? "")")
    }

    /// Copies the regular files of `source` into a new directory `destination`, each synced.
    private static func copyFiles(from source: String, to destination: String) throws {
        try FileSystem.createDirectory(destination)
        guard FileSystem.exists(source) else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: source).sorted() where !name.hasSuffix(".tmp") {
            try FileSystem.copyFile(source + "/" + name, to: destination + "/" + name)
            try syncFile(destination + "/" + name)
        }
        try FileSystem.syncDirectory(destination)
    }

    private static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        guard descriptor >= 0, fsync(descriptor) == 0 else { throw StoreError(.io, "cannot sync \(path)") }
    }
}
