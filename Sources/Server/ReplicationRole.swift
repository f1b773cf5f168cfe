public import Store

/// Whether this server writes a replicated change log, follows one, or neither (issue 14). The `Replication` module
/// does the work; the server only refuses writes on a replica and reports progress in `/health` and `/metrics`.
public enum ReplicationRole: Sendable {
    case standalone
    /// Ships every write to the change log at this URL (password left out) before acknowledging it.
    case primary(log: String)
    /// Applies the change log's records; writes get 405 naming the primary.
    case replica(any ReplicaStatusSource)
}

/// A replica's progress as its follower knows it.
public protocol ReplicaStatusSource: Sendable {
    var replicaStatus: ReplicaStatus { get }
}

public struct ReplicaStatus: Sendable {
    /// The change log's last sequence number when last read.
    public var head: UInt64
    /// The primary's public URL, if the log names one.
    public var primaryURL: String?
    /// Seconds from the primary's insert to this replica's publish: the last record, and the median and 99th
    /// percentile of recent ones.
    public var lastDelay: Double
    public var delayP50: Double
    public var delayP99: Double
    /// Why the replica is not following, if it is not.
    public var problem: String?

    public init(head: UInt64, primaryURL: String?, lastDelay: Double, delayP50: Double, delayP99: Double, problem: String?) {
        self.head = head
        self.primaryURL = primaryURL
        self.lastDelay = lastDelay
        self.delayP50 = delayP50
        self.delayP99 = delayP99
        self.problem = problem
    }
}

extension ReplicationRole {
    /// `/health`'s body: `ok`, then the role and version, and for a replica how far behind it is.
    func health(_ snapshot: Snapshot) -> String {
        switch self {
        case .standalone: return "ok\n"
        case .primary: return "ok\nrole: primary\nversion: \(snapshot.version)\n"
        case .replica(let source):
            let status = source.replicaStatus
            let behind = status.head > snapshot.version ? status.head - snapshot.version : 0
            var text = "ok\nrole: replica\nversion: \(snapshot.version)\nlog-head: \(status.head)\nlag-records: \(behind)\n"
            text += "lag-seconds: \(status.lastDelay)\nprimary: \(status.primaryURL ?? "unknown")\n"
            if let problem = status.problem { text += "problem: \(problem)\n" }
            return text
        }
    }

    /// Lines appended to `/metrics` (Prometheus text format).
    func metrics(_ snapshot: Snapshot) -> String {
        guard case .replica(let source) = self else { return "" }
        let status = source.replicaStatus
        let behind = status.head > snapshot.version ? status.head - snapshot.version : 0
        return """
            # HELP lodestar_replica_version The store version (change-log sequence number) this replica has applied.
            # TYPE lodestar_replica_version gauge
            lodestar_replica_version \(snapshot.version)
            # HELP lodestar_replica_log_head The change log's last sequence number when last read.
            # TYPE lodestar_replica_log_head gauge
            lodestar_replica_log_head \(status.head)
            # HELP lodestar_replica_lag_records Records in the log this replica has not applied yet.
            # TYPE lodestar_replica_lag_records gauge
            lodestar_replica_lag_records \(behind)
            # HELP lodestar_replica_lag_seconds Seconds from the primary's insert to this replica's publish.
            # TYPE lodestar_replica_lag_seconds summary
            lodestar_replica_lag_seconds{quantile="0.5"} \(status.delayP50)
            lodestar_replica_lag_seconds{quantile="0.99"} \(status.delayP99)
            # HELP lodestar_replica_following 1 while the replica follows the log, 0 while it cannot.
            # TYPE lodestar_replica_following gauge
            lodestar_replica_following \(status.problem == nil ? 1 : 0)

            """
    }
}
