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

    /// Completes or discards a swap that a crash interrupted.
    func finishInterruptedSwap() throws(StoreError) {
        let files = FileManager.default
        if files.fileExists(atPath: rebuilt) {
            if files.fileExists(atPath: completeMark) && !files.fileExists(atPath: live) {
                try rename(rebuilt, to: live)
                try FileSystem.syncDirectory(FileSystem.parent(of: live))
            } else {
                try? files.removeItem(atPath: rebuilt)
            }
        }
        try? files.removeItem(atPath: retired)
    }

    /// Writes `quads` into a fresh storage, syncs it, and swaps it in for `damaged`, which must not be used afterwards.
    /// - Returns: the mirror over the new live storage.
    func rebuild(from quads: some Sequence<Quad>, replacing damaged: RedlandMirror) throws(StoreError) -> RedlandMirror {
        try? FileManager.default.removeItem(atPath: rebuilt)
        do {
            let fresh = try RedlandMirror(directory: rebuilt)
            for quad in quads { try fresh.add(quad) }
            try fresh.sync()
        }
        return try swapInRebuilt(replacing: damaged)
    }

    private func swapInRebuilt(replacing current: RedlandMirror) throws(StoreError) -> RedlandMirror {
        guard FileManager.default.createFile(atPath: completeMark, contents: Data()) else {
            throw StoreError(.io, "cannot mark \(rebuilt) complete")
        }
        _ = current
        try FileSystem.syncDirectory(rebuilt)
        try rename(live, to: retired)
        try rename(rebuilt, to: live)
        try FileSystem.syncDirectory(FileSystem.parent(of: live))
        try? FileManager.default.removeItem(atPath: retired)
        try? FileManager.default.removeItem(atPath: live + "/complete")
        return try RedlandMirror(directory: live)
    }

    private func rename(_ from: String, to destination: String) throws(StoreError) {
        guard Foundation.rename(from, destination) == 0 else {
            throw StoreError(.io, "cannot rename \(from) to \(destination): \(String(cString: strerror(errno)))")
        }
    }
}
