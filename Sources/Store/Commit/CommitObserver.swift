public import RDF

/// Told of every write after it is durable and its snapshot is published, before the write is acknowledged.
public protocol CommitObserver: AnyObject, Sendable {
    func storeDidCommit(_ commit: CommittedWrite)
}

public struct CommittedWrite: Sendable {
    public let version: UInt64  // the new Snapshot.version
    public let snapshot: Snapshot  // the snapshot just published
    public let added: [Quad]  // net quads added (decoded)
    public let removed: [Quad]  // net quads removed (decoded)
}

extension QuadStore {
    public func addCommitObserver(_ observer: any CommitObserver) { observers.add(observer) }
}
