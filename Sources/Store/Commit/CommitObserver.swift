public import RDF
import Synchronization

/// Told of every write after it is durable and its snapshot is published, before the write is acknowledged.
public protocol CommitObserver: AnyObject, Sendable {
    func storeDidCommit(_ commit: CommittedWrite)
}

public struct CommittedWrite: Sendable {
    public let version: UInt64  // the new Snapshot.version
    public let snapshot: Snapshot  // the snapshot just published
    private let changes: CommittedChanges

    /// Net quads added (decoded on first use, once for all observers).
    public var added: [Quad] { changes.decoded(by: snapshot).added }
    /// Net quads removed (decoded on first use, once for all observers).
    public var removed: [Quad] { changes.decoded(by: snapshot).removed }

    init(version: UInt64, snapshot: Snapshot, added: [Quad], removed: [Quad]) {
        self.version = version
        self.snapshot = snapshot
        changes = CommittedChanges(decoded: (added, removed))
    }

    /// A write whose net changes are sorted SPOG keys of `snapshot`'s dictionary: a committer with no observer that
    /// reads the quads never decodes them.
    init(version: UInt64, snapshot: Snapshot, addedKeys: [UInt128], removedKeys: [UInt128]) {
        self.version = version
        self.snapshot = snapshot
        changes = CommittedChanges(keys: (addedKeys, removedKeys))
    }
}

/// A write's net changes, kept as keys until an observer asks for quads.
private final class CommittedChanges: Sendable {
    private let keys: (added: [UInt128], removed: [UInt128])
    private let cache: Mutex<(added: [Quad], removed: [Quad])?>

    init(keys: (added: [UInt128], removed: [UInt128])) {
        self.keys = keys
        cache = Mutex(nil)
    }

    init(decoded: (added: [Quad], removed: [Quad])) {
        keys = ([], [])
        cache = Mutex(decoded)
    }

    func decoded(by snapshot: Snapshot) -> (added: [Quad], removed: [Quad]) {
        cache.withLock { cached in
            if let cached { return cached }
            // Removed quads' terms stay in the dictionary, so the new snapshot decodes them too.
            let decoded = (keys.added.map(snapshot.quad(spog:)), keys.removed.map(snapshot.quad(spog:)))
            cached = decoded
            return decoded
        }
    }
}

extension QuadStore {
    public func addCommitObserver(_ observer: any CommitObserver) { observers.add(observer) }
}
