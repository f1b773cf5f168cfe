/// Sorted, duplicate-free index keys in one contiguous block of immutable memory: a heap block the store filled, or a
/// section of the mapped index file (`IndexFile`). Both are read the same way, so a store opened from its index file
/// answers from the mapping directly, without copying it into arrays first.
struct KeyColumn: RandomAccessCollection, @unchecked Sendable {
    // @unchecked Sendable: the memory is never written once the column exists, and `owner` keeps it alive.
    private let owner: AnyObject?
    private let start: UnsafePointer<UInt128>?
    let count: Int

    static let empty = KeyColumn(owner: nil, start: nil, count: 0)

    private init(owner: AnyObject?, start: UnsafePointer<UInt128>?, count: Int) {
        self.owner = owner
        self.start = start
        self.count = count
    }

    /// A heap column of at most `capacity` keys, written by `fill`, which returns how many it wrote.
    init(capacity: Int, fill: (UnsafeMutablePointer<UInt128>) -> Int) {
        guard capacity > 0 else {
            self = .empty
            return
        }
        let block = HeapBlock(capacity: capacity)
        let written = fill(block.pointer)
        precondition(written <= capacity, "a key column was overfilled")
        self.init(owner: block, start: UnsafePointer(block.pointer), count: written)
    }

    /// A heap copy of `keys`.
    init(_ keys: [UInt128]) {
        self.init(capacity: keys.count) { pointer in
            keys.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: $0.count) }
            return keys.count
        }
    }

    /// `count` keys at `offset` bytes into `file`, which must be 16-byte aligned and inside the mapping.
    init(mapped file: MappedFile, offset: Int, count: Int) {
        precondition(offset % MemoryLayout<UInt128>.alignment == 0 && offset + count * 16 <= file.bytes.count)
        let start = count == 0 ? nil : (file.bytes.baseAddress! + offset).assumingMemoryBound(to: UInt128.self)
        self.init(owner: file, start: UnsafePointer(start), count: count)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> UInt128 {
        precondition(position >= 0 && position < count, "key index out of range")
        return start.unsafelyUnwrapped[position]
    }

    /// The keys in place (merges copy runs of them as blocks).
    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt128>) throws -> R) rethrows -> R? {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// The keys as raw bytes, for writing them to a file.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count * MemoryLayout<UInt128>.stride) }
}

/// Heap memory for one column's keys, freed with the last column over it.
private final class HeapBlock {
    let pointer: UnsafeMutablePointer<UInt128>
    init(capacity: Int) { pointer = .allocate(capacity: capacity) }
    deinit { pointer.deallocate() }
}
