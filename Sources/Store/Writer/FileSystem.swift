#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// The few file-system calls the store needs, without Foundation.
enum FileSystem {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Creates `path` and its parents.
    static func createDirectory(_ path: String) throws(StoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw StoreError(.io, "cannot create directory \(current): \(lastError())")
            }
        }
    }

    /// Holds an exclusive lock on `path` for as long as the returned descriptor stays open, so two processes never
    /// write one store (Berkeley DB files are not safe for that).
    static func lockExclusively(_ path: String) throws(StoreError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot open lock file \(path): \(lastError())") }
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
        guard input >= 0 else { throw StoreError(.io, "cannot open \(source): \(lastError())") }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw StoreError(.io, "cannot create \(destination): \(lastError())") }
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
                throw StoreError(.io, "cannot copy \(source) to \(destination): \(lastError())")
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
                throw StoreError(.io, "cannot read \(source): \(lastError())")
            }
            if read == 0 { return }
            try write(output, buffer[..<read], at: position, path: destination)
            position += read
        }
    }

    static func unlock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

extension FileSystem {
    static func lastError() -> String { String(cString: strerror(errno)) }

    /// The whole file at `path`.
    static func read(_ path: String) throws(StoreError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot open \(path): \(lastError())") }
        defer { close(descriptor) }
        let size = Int(lseek(descriptor, 0, SEEK_END))
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, size - done, off_t(done)) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw StoreError(.io, "cannot read \(path): \(lastError())") }
            done += result
        }
        return bytes
    }

    /// Writes all of `bytes` at `offset` (swift-system retries short and interrupted writes).
    static func write(_ descriptor: Int32, _ bytes: some Sequence<UInt8>, at offset: Int, path: String) throws(StoreError) {
        do {
            _ = try FileDescriptor(rawValue: descriptor).writeAll(toAbsoluteOffset: Int64(offset), bytes)
        } catch {
            throw StoreError(.io, "cannot write \(path): \(error)")
        }
    }

    /// Cuts the file at `path` to `length` bytes and syncs it.
    static func truncate(_ path: String, to length: Int) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0, ftruncate(descriptor, off_t(length)) == 0, fsync(descriptor) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw StoreError(.io, "cannot truncate \(path): \(lastError())")
        }
        close(descriptor)
    }

    /// Makes the creations, renames and removals of entries in `path` durable.
    static func syncDirectory(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot open directory \(path): \(lastError())") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError(.io, "cannot sync directory \(path): \(lastError())") }
    }

    /// Replaces the file at `path` with `bytes` atomically and durably: a temporary file, synced, renamed over it, and
    /// the directory synced.
    static func replaceFile(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot create \(temporary): \(lastError())") }
        defer { close(descriptor) }
        try write(descriptor, bytes, at: 0, path: temporary)
        guard fsync(descriptor) == 0 else { throw StoreError(.io, "cannot sync \(temporary): \(lastError())") }
        guard rename(temporary, path) == 0 else { throw StoreError(.io, "cannot rename \(temporary) to \(path): \(lastError())") }
        try syncDirectory(parent(of: path))
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension FileSystem {
    /// Removes the file at `path` if it exists, durably.
    static func remove(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw StoreError(.io, "cannot remove \(path): \(lastError())") }
        try syncDirectory(parent(of: path))
    }
}
