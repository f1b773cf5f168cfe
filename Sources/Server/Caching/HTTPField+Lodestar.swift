package import HTTPTypes

extension HTTPField.Name {
    /// The store version (`Snapshot.version`, the log's sequence number) a response was computed from.
    /// (Names are made once: making one checks and lower-cases it, and every response reads and sets these.)
    package static let lodestarVersion = HTTPField.Name("X-Lodestar-Version")!
    /// The cache keys a response depends on, space-separated (`SurrogateKeys`); a cache bans by them.
    package static let surrogateKey = HTTPField.Name("Surrogate-Key")!
}
