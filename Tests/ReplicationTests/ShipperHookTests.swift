import Foundation
import RDF
import Store
import Synchronization
import Testing

/// The store's pre-acknowledgement hook and replicated apply, without PostgreSQL.
struct ShipperHookTests {
    final class RecordingShipper: CommitShipper {
        let shipped = Mutex<[(previous: UInt64, versions: [UInt64], added: Int)]>([])
        let refuse = Atomic<Bool>(false)
        func ship(_ writes: [CommittedWrite], after previous: UInt64) async throws {
            if refuse.load(ordering: .relaxed) { throw ReplicationRefusal("the log is down") }
            shipped.withLock { $0.append((previous, writes.map(\.version), writes.reduce(0) { $0 + $1.added.count })) }
        }
    }

    private func quad(_ label: String) -> Quad {
        Quad(.iri(IRI("http://example.org/\(label)")), .iri(IRI("http://purl.org/dc/terms/title")), .literal(Literal(label)))
    }

    @Test func aRefusedShipmentWritesNothing() async throws {
        let store = try await QuadStore.open(.memory)
        let shipper = RecordingShipper()
        store.setShipper(shipper)
        try await store.insert([quad("a")])
        shipper.refuse.store(true, ordering: .relaxed)
        await #expect(throws: ReplicationRefusal.self) { try await store.insert([quad("b")]) }
        #expect(store.snapshot().version == 1)
        #expect(store.snapshot().count == 1)
        shipper.refuse.store(false, ordering: .relaxed)
        try await store.insert([quad("c")])
        #expect(store.snapshot().version == 2)
        let shipped = shipper.shipped.withLock { $0 }
        #expect(shipped.map(\.previous) == [0, 1])
        #expect(shipped.map(\.versions) == [[1], [2]])
        try await store.close()
    }

    @Test func replicatedRecordsMustFollowTheStoresVersion() async throws {
        let store = try await QuadStore.open(.memory)
        try await store.applyReplicated(ChangeSet(insertions: [quad("a")]), sequence: 1)
        await #expect(throws: StoreError.self) { try await store.applyReplicated(ChangeSet(insertions: [quad("b")]), sequence: 3) }
        // A record that changes nothing here means the replica has diverged from the log.
        await #expect(throws: StoreError.self) { try await store.applyReplicated(ChangeSet(insertions: [quad("a")]), sequence: 2) }
        #expect(store.snapshot().version == 1)
        try await store.close()
    }

    @Test func aStoreCreatedAtAVersionReopensThere() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-create-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await QuadStore.create(directory: directory, holding: [quad("a"), quad("b")], version: 41)
        let store = try await QuadStore.open(.directory(directory))
        #expect(store.snapshot().version == 41)
        #expect(store.snapshot().count == 2)
        try await store.applyReplicated(ChangeSet(insertions: [quad("c")]), sequence: 42)
        try await store.close()
        let reopened = try await QuadStore.open(.directory(directory))
        #expect(reopened.snapshot().version == 42)
        #expect(reopened.snapshot().count == 3)
        try await reopened.close()
    }
}
