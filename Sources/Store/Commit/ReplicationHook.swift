import Foundation
public import RDF
import Synchronization

/// Ships a group of writes to a replicated change log before they are written locally and acknowledged (issue 14).
///
/// The committer calls `ship` with every write of a flush, in order, before its own write-ahead log: if it throws,
/// none of them is written anywhere and their writers get the error, so a refused or failed shipment changes
/// nothing. A write shipped but then lost locally (the local log failed, or the process died) is in the change log
/// ahead of the store: the primary applies it on its next start, like a replica would.
public protocol CommitShipper: AnyObject, Sendable {
    /// - Parameter previous: the store's version before the first of `writes`.
    func ship(_ writes: [CommittedWrite], after previous: UInt64) async throws
}

/// Why the change log would not take a write: it is down (retry later) or another primary writes to it.
/// The server answers 503 with the message.
public struct ReplicationRefusal: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The committer's slot for its one shipper.
final class ShipperSlot: Sendable {
    private let shipper = Mutex<(any CommitShipper)?>(nil)
    func set(_ value: (any CommitShipper)?) { shipper.withLock { $0 = value } }
    var current: (any CommitShipper)? { shipper.withLock { $0 } }
}

extension QuadStore {
    /// Makes every later write go to `shipper` before it is acknowledged (`nil` stops shipping).
    public func setShipper(_ shipper: (any CommitShipper)?) { committer.shipperSlot.set(shipper) }

    /// Applies one record of a replicated change log: `changes` must take the store from `sequence - 1` to `sequence`.
    /// - Throws: `StoreError(.invalidData)` if the store is not at `sequence - 1`, or the record changes nothing here
    ///   (the replica has diverged from the log); nothing is written then.
    public func applyReplicated(_ changes: ChangeSet, sequence: UInt64) async throws {
        let report = try await transact { snapshot in
            guard snapshot.version + 1 == sequence else {
                throw StoreError(.invalidData, "record \(sequence) of the change log does not follow this store's version \(snapshot.version)")
            }
            return (changes, ())
        }.0
        guard report.version == sequence else {
            throw StoreError(.invalidData, "record \(sequence) of the change log changes nothing at version \(sequence - 1): this store has diverged")
        }
    }

    /// Creates a store directory holding `quads` at version `version` (a replica's starting point: a dump of the primary
    /// taken at that version). The directory must not exist; it appears whole or not at all.
    public static func create(directory: String, holding quads: [Quad], version: UInt64) async throws {
        guard !FileSystem.exists(directory) else { throw StoreError(.io, "\(directory) already exists") }
        let partial = directory + ".partial"
        if FileSystem.exists(partial) { try FileManager.default.removeItem(atPath: partial) }
        let store = try await QuadStore.open(.directory(partial))
        if !quads.isEmpty { try await store.insert(quads) }
        try await store.close()
        // Everything is in Redland now: the log's records (numbered from 1) go, and the checkpoint takes the version.
        try FileManager.default.removeItem(atPath: partial + "/wal")
        try CheckpointRecord.write(version, storeDirectory: partial)
        try FileSystem.syncDirectory(partial)
        guard rename(partial, directory) == 0 else { throw StoreError(.io, "cannot rename \(partial) to \(directory): \(FileSystem.lastError())") }
        try FileSystem.syncDirectory(FileSystem.parent(of: directory))
    }
}
