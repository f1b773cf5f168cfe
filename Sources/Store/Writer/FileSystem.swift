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
    /// Copies the file at `source` to a new file at `destination`, inside the kernel where it can (`sendfile`):
    /// Foundation's `copyItem` moves the bytes through user space at about a tenth of the speed, and a large write
    /// copies the whole Redland storage (a gigabyte at 1M quads).
    static func copyFile(_ source: String, to destination: String) throws(StoreError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw StoreError(.io, "cannot open \(source): \(Journal.lastError())") }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw StoreError(.io, "cannot create \(destination): \(Journal.lastError())") }
        defer { close(output) }
        var copied = 0
        #if os(Linux)
        while true {
            let result = sendfile(output, input, nil, 1 << 30)
            if result > 0 {
                copied += result
                continue
            }
            if result == 0 { return }
            if errno == EINTR { continue }
            // Not supported for these files: copy through a buffer from where it stopped.
            guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
                throw StoreError(.io, "cannot copy \(source) to \(destination): \(Journal.lastError())")
            }
            break
        }
        #endif
        try copyThroughBuffer(input, output, from: copied, source: source, destination: destination)
    }

    private static func copyThroughBuffer(_ input: Int32, _ output: Int32, from offset: Int, source: String, destination: String)
        throws(StoreError)
    {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var position = offset
        while true {
            let read = buffer.withUnsafeMutableBytes { pread(input, $0.baseAddress, $0.count, off_t(position)) }
            if read < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, "cannot read \(source): \(Journal.lastError())")
            }
            if read == 0 { return }
            var written = 0
            while written < read {
                let result = buffer.withUnsafeBytes { pwrite(output, $0.baseAddress! + written, read - written, off_t(position + written)) }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw StoreError(.io, "cannot write \(destination): \(Journal.lastError())")
                }
                written += result
            }
            position += read
        }
    }

    static func unlock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
