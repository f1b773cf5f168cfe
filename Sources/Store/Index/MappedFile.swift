#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory, unmapped when the last user lets go.
///
/// The store only ever replaces such a file by renaming a new one over it, never writes it in place, so a mapping
/// stays valid and unchanged for as long as a snapshot reads from it.
final class MappedFile: @unchecked Sendable {
    // @unchecked Sendable: the mapping is read-only and lives until deinit.
    let bytes: UnsafeRawBufferPointer

    /// Maps the file at `path`, reading it in ahead (the checksum is about to touch every page).
    /// - Throws: `StoreError(.io)` if the file cannot be opened or mapped.
    init(path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot open \(path): \(FileSystem.lastError())") }
        defer { close(descriptor) }
        let size = Int(lseek(descriptor, 0, SEEK_END))
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, descriptor, 0), address != MAP_FAILED else {
            throw StoreError(.io, "cannot map \(path): \(FileSystem.lastError())")
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
    }
}
