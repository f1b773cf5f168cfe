/// Where a store keeps its data and how it behaves.
public struct StoreOptions: Sendable {
    public enum Location: Sendable, Hashable {
        /// Redland `hashes` over Berkeley DB files in this directory, with the write-ahead log beside them.
        case directory(String)
        /// Redland `hashes` in memory, no log: for tests.
        case memory
    }

    public var location: Location
    /// When a commit is acknowledged: after the log is synced (the default), or once the OS has it.
    public var sync: SyncMode
    /// The size (changed quads) of the minor delta layer every write copies, past which it is folded into the major one.
    public var deltaLimit: Int
    /// Log bytes since the last checkpoint that start the next one.
    public var checkpointBytes: Int
    /// Time since the last checkpoint that starts the next one.
    public var checkpointInterval: Duration
    /// Log bytes since the last checkpoint past which writers wait for checkpoints to catch up (backpressure).
    public var logLimitBytes: Int
    /// The size past which the log starts a new segment.
    public var segmentBytes: Int
    /// Tests only: the number of log syncs that succeed before every later one fails.
    var syncsBeforeFailure: Int?

    public init(
        location: Location, sync: SyncMode = .commit, deltaLimit: Int = 256, checkpointBytes: Int = 64 << 20,
        checkpointInterval: Duration = .seconds(60), logLimitBytes: Int = 512 << 20, segmentBytes: Int = 64 << 20
    ) {
        self.location = location
        self.sync = sync
        self.deltaLimit = deltaLimit
        self.checkpointBytes = checkpointBytes
        self.checkpointInterval = checkpointInterval
        self.logLimitBytes = logLimitBytes
        self.segmentBytes = segmentBytes
    }

    public static func directory(_ path: String, sync: SyncMode = .commit) -> StoreOptions {
        StoreOptions(location: .directory(path), sync: sync)
    }
    public static let memory = StoreOptions(location: .memory)
}

/// What a bulk load did.
public struct LoadReport: Sendable, Hashable {
    /// Statements the file held, repeats included.
    public var parsed: Int
    /// Quads that were new to the store.
    public var inserted: Int
    public var seconds: Double
}

/// A set of changes applied as one atomic, durable write: deletions first, then insertions (SPARQL Update order).
/// Each part may come as quads of terms, or already encoded by the IDs of the snapshot the transaction body was given
/// (`encoded`, what a SPARQL update computes), which the store commits without looking every quad up again.
public struct ChangeSet: Sendable, Hashable {
    public var deletions: [Quad]
    public var insertions: [Quad]
    /// Deletions and insertions in the IDs of the snapshot the transaction body was given; applied with the others
    /// (all deletions, then all insertions).
    public var encoded: EncodedChange

    public init(deletions: [Quad] = [], insertions: [Quad] = [], encoded: EncodedChange = EncodedChange()) {
        self.deletions = deletions
        self.insertions = insertions
        self.encoded = encoded
    }
}

/// How a write reaches disk (issue 10).
public enum WriteMode: Sendable, Hashable {
    /// Its quads go into the write-ahead log, in one sync with the writes queued beside it; Redland catches up later.
    /// Costs in proportion to the change: for every write but the two below.
    case logged
    /// A new Redland storage is built from the next snapshot and swapped in, then one log record names the version.
    /// Costs in proportion to the store, and writes each quad once instead of twice: for loads and whole-graph
    /// replacements (the `load` command and EIRA imports; Graph Store PUT stays logged until an acknowledged PUT lost
    /// after kill -9 in ServerCrashTests is explained).
    case bulk
}

/// What a write changed.
public struct WriteReport: Sendable, Hashable {
    public var inserted: Int
    public var deleted: Int
    /// The store version the write produced (`Snapshot.version`); unchanged when the write changed nothing.
    public var version: UInt64

    public init(inserted: Int, deleted: Int, version: UInt64 = 0) {
        self.inserted = inserted
        self.deleted = deleted
        self.version = version
    }
}

public import RDF
