import Foundation
import RDF

/// Where a store directory keeps its Redland files, and how a damaged storage is replaced.
///
/// Redland's `hashes` storage writes each statement into four Berkeley DB files without a transaction, so a process
/// killed in the middle of a write can leave a statement in some of them and not in others — a state librdf's own
/// add and remove then refuse. After such a crash the storage is rebuilt beside the live one and swapped in by
/// renaming directories, which is atomic: at every moment one complete storage is in place.
struct RedlandLayout {
    let live: String
    private let rebuilt: String
    private let retired: String
    private let completeMark: String

    init(storeDirectory: String) {
        live = storeDirectory + "/redland"
        rebuilt = storeDirectory + "/redland.rebuilt"
        retired = storeDirectory + "/redland.retired"
        completeMark = rebuilt + "/complete"
    }

    /// Completes or discards a swap that a crash interrupted: a complete rebuilt storage replaces a missing live one,
    /// and a swapped-in storage's sequence number becomes the checkpoint.
    func finishInterruptedSwap(storeDirectory: String) throws(StoreError) {
        let files = FileManager.default
        if files.fileExists(atPath: rebuilt) {
            if files.fileExists(atPath: completeMark) && !files.fileExists(atPath: live) {
                try rename(rebuilt, to: live)
                try FileSystem.syncDirectory(FileSystem.parent(of: live))
            } else {
                try? files.removeItem(atPath: rebuilt)
            }
        }
        try recordSwappedCheckpoint(storeDirectory: storeDirectory)
        try? files.removeItem(atPath: retired)
    }

    /// Writes `quads` into a fresh storage beside the live one and syncs it; `swapIn` puts it in place. The live storage
    /// is untouched meanwhile, and a crash leaves the fresh one unmarked, so the next open removes it.
    func build(from quads: some Sequence<Quad>) throws(StoreError) {
        try? FileManager.default.removeItem(atPath: rebuilt)
        let fresh = try RedlandMirror(directory: rebuilt)
        for quad in quads { try fresh.add(quad) }
        try fresh.sync()
    }

    /// Swaps the storage `build` wrote in for `damaged`, which must not be used afterwards. The storage carries
    /// `sequence` in its completion mark until the checkpoint record says it, so a crash after the rename still opens
    /// at `sequence`.
    /// - Returns: the mirror over the new live storage.
    func swapIn(sequence: UInt64, storeDirectory: String, replacing damaged: RedlandMirror) throws(StoreError) -> RedlandMirror {
        try FileSystem.replaceFile(completeMark, with: Array("\(sequence)\n".utf8))
        _ = damaged
        try rename(live, to: retired)
        try rename(rebuilt, to: live)
        try FileSystem.syncDirectory(FileSystem.parent(of: live))
        try recordSwappedCheckpoint(storeDirectory: storeDirectory)
        try? FileManager.default.removeItem(atPath: retired)
        return try RedlandMirror(directory: live)
    }

    /// Removes a storage `build` wrote that will not be swapped in.
    func discardBuilt() { try? FileManager.default.removeItem(atPath: rebuilt) }

    /// Turns the live storage's completion mark, if any, into the checkpoint record, then removes it.
    private func recordSwappedCheckpoint(storeDirectory: String) throws(StoreError) {
        let mark = live + "/complete"
        guard FileSystem.exists(mark) else { return }
        let text = String(decoding: try FileSystem.read(mark).filter { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        if let sequence = UInt64(text) { try CheckpointRecord.write(sequence, storeDirectory: storeDirectory) }
        try FileSystem.remove(mark)
    }

    private func rename(_ from: String, to destination: String) throws(StoreError) {
        guard Foundation.rename(from, destination) == 0 else {
            throw StoreError(.io, "cannot rename \(from) to \(destination): \(String(cString: strerror(errno)))")
        }
    }
}
