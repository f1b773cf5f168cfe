/// Where a store keeps its data and how it behaves.
public struct StoreOptions: Sendable {
    public enum Location: Sendable, Hashable {
        /// Redland `hashes` over Berkeley DB files in this directory, with the journal beside them.
        case directory(String)
        /// Redland `hashes` in memory, no journal: for tests.
        case memory
    }

    public var location: Location
    /// The delta size (changed quads) past which a write rebuilds the base indexes instead of copying the delta.
    public var deltaLimit: Int
    /// Writes of more quads than this are not applied to the live Redland files in place: the next storage is built
    /// beside them and swapped in, so a crash midway cannot tear them (see `RedlandLayout`).
    public var inPlaceWriteLimit: Int

    public init(location: Location, deltaLimit: Int = 4096, inPlaceWriteLimit: Int = 1000) {
        self.location = location
        self.deltaLimit = deltaLimit
        self.inPlaceWriteLimit = inPlaceWriteLimit
    }

    public static func directory(_ path: String) -> StoreOptions { StoreOptions(location: .directory(path)) }
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
public struct ChangeSet: Sendable, Hashable {
    public var deletions: [Quad]
    public var insertions: [Quad]

    public init(deletions: [Quad] = [], insertions: [Quad] = []) {
        self.deletions = deletions
        self.insertions = insertions
    }
}

/// What a write changed.
public struct WriteReport: Sendable, Hashable {
    public var inserted: Int
    public var deleted: Int

    public init(inserted: Int, deleted: Int) {
        self.inserted = inserted
        self.deleted = deleted
    }
}

public import RDF
