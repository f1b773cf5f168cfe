public import RDF
import Synchronization

/// Told of every write after it is durable and its snapshot is published, before the write is acknowledged.
public protocol CommitObserver: AnyObject, Sendable {
    func storeDidCommit(_ commit: CommittedWrite)
}

/// One committed write: the snapshot it published and its net changes.
public struct CommittedWrite: Sendable {
    public let version: UInt64  // the new Snapshot.version
    public let snapshot: Snapshot  // the snapshot just published
    public let added: [Quad]  // net quads added (decoded)
    public let removed: [Quad]  // net quads removed (decoded)

    package init(version: UInt64, snapshot: Snapshot, added: [Quad], removed: [Quad]) {
        self.version = version
        self.snapshot = snapshot
        self.added = added
        self.removed = removed
    }
}

/// The observers of one store, told in the order they were added.
final class CommitObservers: Sendable {
    private let observers = Mutex<[any CommitObserver]>([])

    func add(_ observer: any CommitObserver) { observers.withLock { $0.append(observer) } }

    var isEmpty: Bool { observers.withLock { $0.isEmpty } }

    func notify(_ commit: CommittedWrite) {
        for observer in observers.withLock({ $0 }) { observer.storeDidCommit(commit) }
    }
}

extension QuadStore {
    /// Adds an observer told of every later write (see `CommitObserver`); it should catch up from `snapshot()` itself.
    public func addCommitObserver(_ observer: any CommitObserver) { commitObservers.add(observer) }
}
