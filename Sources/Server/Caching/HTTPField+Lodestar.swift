package import HTTPTypes

extension HTTPField.Name {
    /// The store version (`Snapshot.version`, the log's sequence number) a response was computed from.
    package static var lodestarVersion: HTTPField.Name { HTTPField.Name("X-Lodestar-Version")! }
    /// The cache keys a response depends on, space-separated (`SurrogateKeys`); a cache bans by them.
    package static var surrogateKey: HTTPField.Name { HTTPField.Name("Surrogate-Key")! }
}
