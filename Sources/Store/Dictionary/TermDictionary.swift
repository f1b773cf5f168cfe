import RDF
import Synchronization

/// The store's dictionary: each distinct term gets a dense `TermID`, issued once and never reused.
///
/// Reads by ID take no lock: terms live in fixed-size chunks whose slots are written once, before the snapshot that
/// first mentions them is published (the publishing `Mutex` orders the write before any read). Reads by term take a
/// short lock on the reverse map. Only the store's writer calls `intern`.
final class TermDictionary: @unchecked Sendable {
    // @unchecked Sendable: slots are immutable once written, the directory never moves, and `ids` is behind a Mutex.
    private static let chunkShift: UInt32 = 16
    private static let chunkSize = 1 << chunkShift
    private static let directorySize = 1 << 16

    private let directory: UnsafeMutablePointer<UnsafeMutablePointer<Term>?>
    private let ids = Mutex<[Term: TermID]>([:])
    /// Written by the writer only; readers use the count captured in their snapshot.
    private(set) var count: Int

    init() {
        directory = .allocate(capacity: Self.directorySize)
        directory.initialize(repeating: nil, count: Self.directorySize)
        // ID 0 is TermID.defaultGraph: its slot holds the reserved IRI the Redland mirror stores the default graph under.
        directory[0] = .allocate(capacity: Self.chunkSize)
        directory[0]!.initialize(to: .iri(IRI("urn:x-lodestar:default-graph")))
        count = 1
    }

    deinit {
        for index in 0..<Self.directorySize {
            guard let chunk = directory[index] else { break }
            let used = min(Self.chunkSize, max(0, count - index * Self.chunkSize))
            chunk.deinitialize(count: used)
            chunk.deallocate()
        }
        directory.deallocate()
    }

    /// The term behind `id`. `id` must have been issued by `intern`.
    @inline(__always)
    func term(for id: TermID) -> Term {
        let raw = id.rawValue
        return directory[Int(raw >> Self.chunkShift)]![Int(raw & UInt32(Self.chunkSize - 1))]
    }

    /// The ID of `term` if it has one and it is below `limit` (the dictionary size a snapshot saw).
    func id(of term: Term, below limit: Int) -> TermID? {
        guard let id = ids.withLock({ $0[term] }), Int(id.rawValue) < limit else { return nil }
        return id
    }

    /// The ID of `term`, issuing a new one if needed. Writer only.
    func intern(_ term: Term) throws(StoreError) -> TermID {
        try ids.withLock { (map) throws(StoreError) -> TermID in
            if let id = map[term] { return id }
            guard count < TermID.firstOverlay.rawValue else {
                throw StoreError(.full, "the dictionary is full (\(count) terms)")
            }
            let id = TermID(rawValue: UInt32(count))
            let chunkIndex = count >> Int(Self.chunkShift)
            if directory[chunkIndex] == nil { directory[chunkIndex] = .allocate(capacity: Self.chunkSize) }
            (directory[chunkIndex]! + (count & (Self.chunkSize - 1))).initialize(to: term)
            map[term] = id
            count += 1
            return id
        }
    }
}
