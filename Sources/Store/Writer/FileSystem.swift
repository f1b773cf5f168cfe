#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the store needs, without Foundation.
enum FileSystem {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Creates `path` and its parents.
    static func createDirectory(_ path: String) throws(StoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw StoreError(.io, "cannot create directory \(current): \(Journal.lastError())")
            }
        }
    }

    /// Holds an exclusive lock on `path` for as long as the returned descriptor stays open, so two processes never
    /// write one store (Berkeley DB files are not safe for that).
    static func lockExclusively(_ path: String) throws(StoreError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot open lock file \(path): \(Journal.lastError())") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError(.io, "the store is in use by another process (lock \(path) is held)")
        }
        return descriptor
    }
}

extension FileSystem {
    static func unlock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
