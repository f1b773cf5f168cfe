#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

/// The terms of the index file (`IndexFile`), read in place from the mapping: the IDs below `count`, each term's
/// bytes (`TermEncoding`), and an open-addressing hash table from bytes to ID. Nothing is decoded or copied at open;
/// a term is decoded when it is asked for.
struct DictionaryFile: @unchecked Sendable {
    // @unchecked Sendable: read-only views of a mapping that `owner` keeps alive.
    private let owner: MappedFile?
    /// `count + 1` byte offsets into `termBytes`: term `i` spans `offsets[i]..<offsets[i + 1]`.
    private let offsets: UnsafePointer<UInt64>?
    /// `tableMask + 1` slots: 0 is empty, else the hash's high 32 bits above `id + 1`.
    private let table: UnsafePointer<UInt64>?
    private let tableMask: Int
    private let termBytes: UnsafeRawPointer?
    /// The number of terms: IDs `0..<count`.
    let count: Int

    static let empty = DictionaryFile(owner: nil, offsets: nil, table: nil, tableMask: 0, termBytes: nil, count: 0)

    private init(owner: MappedFile?, offsets: UnsafePointer<UInt64>?, table: UnsafePointer<UInt64>?, tableMask: Int,
                 termBytes: UnsafeRawPointer?, count: Int) {
        self.owner = owner
        self.offsets = offsets
        self.table = table
        self.tableMask = tableMask
        self.termBytes = termBytes
        self.count = count
    }

    /// The dictionary in `file` at these byte offsets (`IndexFile.Layout`), which the caller has checked.
    init(file: MappedFile, count: Int, offsetsAt: Int, tableAt: Int, tableCapacity: Int, bytesAt: Int) {
        let base = file.bytes.baseAddress!
        self.init(
            owner: file, offsets: (base + offsetsAt).assumingMemoryBound(to: UInt64.self),
            table: (base + tableAt).assumingMemoryBound(to: UInt64.self), tableMask: tableCapacity - 1, termBytes: base + bytesAt,
            count: count)
    }

    private func bytes(at index: Int) -> UnsafeRawBufferPointer {
        let start = Int(offsets.unsafelyUnwrapped[index]), end = Int(offsets.unsafelyUnwrapped[index + 1])
        return UnsafeRawBufferPointer(start: termBytes.unsafelyUnwrapped + start, count: end - start)
    }

    /// The `TermEncoding` bytes of the term with ID `index`, which must be below `count`.
    func encoding(at index: Int) -> UnsafeRawBufferPointer {
        precondition(index >= 0 && index < count, "term ID out of the file's range")
        return bytes(at: index)
    }

    /// The term with ID `index`, which must be below `count`.
    func term(at index: Int) -> Term {
        precondition(index >= 0 && index < count, "term ID out of the file's range")
        // The file's checksum held, so its bytes are what `TermEncoding` wrote.
        return TermEncoding.term(from: bytes(at: index)) ?? .iri(IRI(""))
    }

    /// The ID of the term spelt by `encoded` (`TermEncoding.bytes(of:)`), if the file holds it.
    func id(ofEncoded encoded: [UInt8]) -> TermID? {
        guard count > 0, let table else { return nil }
        return encoded.withUnsafeBytes { query -> TermID? in
            let hash = TermEncoding.hash(query)
            let tag = hash >> 32
            var slot = Int(truncatingIfNeeded: hash) & tableMask
            while true {
                let entry = table[slot]
                if entry == 0 { return nil }
                if entry >> 32 == tag {
                    let id = Int(entry & 0xFFFF_FFFF) - 1
                    let candidate = bytes(at: id)
                    let equal = candidate.count == query.count
                        && (query.isEmpty || memcmp(candidate.baseAddress!, query.baseAddress!, query.count) == 0)
                    if equal { return TermID(rawValue: UInt32(id)) }
                }
                slot = (slot + 1) & tableMask
            }
        }
    }

    /// The hash table for terms whose encodings hash to `hashes`, in ID order: `capacity` slots (a power of two at least
    /// twice the number of terms, so probes stay short).
    static func table(for hashes: [UInt64], capacity: Int) -> [UInt64] {
        var table = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = (hash >> 32) << 32 | UInt64(id + 1)
        }
        return table
    }

    static func tableCapacity(forTerms count: Int) -> Int {
        var capacity = 16
        while capacity < 2 * count { capacity <<= 1 }
        return capacity
    }
}
