import RDF
import Synchronization

/// The store's dictionary: each distinct term gets a dense `TermID`, issued once and never reused.
///
/// IDs below `file.count` are the index file's (`DictionaryFile`), read in place from its mapping; the IDs issued
/// since live in memory. Reads by ID take no lock: in-memory terms live in fixed-size chunks whose slots are written
/// once, before the snapshot that first mentions them is published (the publishing `Mutex` orders the write before any
/// read). Reads by term look in the file's hash table, then take a short lock on the in-memory map (which also caches
/// the file terms writes used). Only the store's writer calls `intern` and `attach`.
final class TermDictionary: @unchecked Sendable {
    // @unchecked Sendable: slots are immutable once written, the directory never moves, `ids` is behind a Mutex, and
    // `file` is set only by `attach`, before any snapshot that uses it is published.
    private static let chunkShift: UInt32 = 16
    private static let chunkSize = 1 << chunkShift
    private static let directorySize = 1 << 16
    /// The IRI the Redland mirror stores the default graph under: the term behind `TermID.defaultGraph`.
    static let defaultGraphTerm = Term.iri(IRI("urn:x-lodestar:default-graph"))

    private let directory: UnsafeMutablePointer<UnsafeMutablePointer<Term>?>
    private let ids = Mutex<[Term: TermID]>([:])
    /// The terms of the mapped index file: IDs `0..<file.count`. In-memory slot `i` holds ID `file.count + i`.
    private(set) var file = DictionaryFile.empty
    /// Written by the writer only; readers use the count captured in their snapshot.
    private(set) var count: Int

    init() {
        directory = .allocate(capacity: Self.directorySize)
        directory.initialize(repeating: nil, count: Self.directorySize)
        count = 0
        _ = try? intern(Self.defaultGraphTerm)  // ID 0 is TermID.defaultGraph
    }

    deinit {
        releaseMemoryTerms()
        directory.deallocate()
    }

    private func releaseMemoryTerms() {
        let inMemory = count - file.count
        for index in 0..<Self.directorySize {
            guard let chunk = directory[index] else { break }
            chunk.deinitialize(count: min(Self.chunkSize, max(0, inMemory - index * Self.chunkSize)))
            chunk.deallocate()
            directory[index] = nil
        }
    }

    /// Makes `file` the dictionary's terms, in place of the ones interned so far, which must be the file's first terms
    /// with the same IDs (the file was written from them, or nothing but the default graph was interned yet).
    func attach(_ file: DictionaryFile) throws(StoreError) {
        guard file.count >= count, file.count > 0, file.term(at: 0) == Self.defaultGraphTerm else {
            throw StoreError(.storage, "the index file's dictionary does not start with this store's terms")
        }
        ids.withLock { map in
            releaseMemoryTerms()
            map = [:]
            self.file = file
            count = file.count
        }
    }

    /// The term behind `id`. `id` must have been issued by `intern`.
    @inline(__always)
    func term(for id: TermID) -> Term {
        let raw = Int(id.rawValue)
        if raw < file.count { return file.term(at: raw) }
        let slot = raw - file.count
        return directory[slot >> Int(Self.chunkShift)]![slot & (Self.chunkSize - 1)]
    }

    /// The ID of `term` if it has one and it is below `limit` (the dictionary size a snapshot saw).
    func id(of term: Term, below limit: Int) -> TermID? {
        if file.count > 0, let id = file.id(ofEncoded: TermEncoding.bytes(of: term)) { return id }
        guard let id = ids.withLock({ $0[term] }), Int(id.rawValue) < limit else { return nil }
        return id
    }

    /// Calls `body` with the spelling of the term behind `id`: the file's bytes in place, or an in-memory term's strings.
    func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void) {
        let raw = Int(id.rawValue)
        if raw < file.count { TermEncoding.withSpelling(of: file.encoding(at: raw), body) } else { term(for: id).withSpelling(body) }
    }

    /// Appends the bytes `TermEncoding` spells the term behind `id` with, copied straight from the file when it is there.
    func appendEncoding(of id: TermID, to bytes: inout [UInt8]) {
        let raw = Int(id.rawValue)
        if raw < file.count { bytes.append(contentsOf: file.encoding(at: raw)) } else { TermEncoding.append(term(for: id), to: &bytes) }
    }

    /// Makes room for `count` more terms in the in-memory map, so a write bringing many new terms rehashes it once.
    func reserve(_ count: Int) {
        ids.withLock { map in if map.capacity < map.count + count { map.reserveCapacity(map.count + count) } }
    }

    /// The ID of `term`, issuing a new one if needed. Writer only.
    func intern(_ term: Term) throws(StoreError) -> TermID {
        try ids.withLock { (map) throws(StoreError) -> TermID in
            // The map first, and file terms that writes use are remembered in it: writes repeat their terms (a load its
            // predicates and classes), and only a miss pays for spelling the term out to probe the file.
            if let id = map[term] { return id }
            if file.count > 0, let id = file.id(ofEncoded: TermEncoding.bytes(of: term)) {
                map[term] = id
                return id
            }
            guard count < TermID.firstOverlay.rawValue else {
                throw StoreError(.full, "the dictionary is full (\(count) terms)")
            }
            let id = TermID(rawValue: UInt32(count))
            let slot = count - file.count
            let chunkIndex = slot >> Int(Self.chunkShift)
            if directory[chunkIndex] == nil { directory[chunkIndex] = .allocate(capacity: Self.chunkSize) }
            (directory[chunkIndex]! + (slot & (Self.chunkSize - 1))).initialize(to: term)
            map[term] = id
            count += 1
            return id
        }
    }
}
