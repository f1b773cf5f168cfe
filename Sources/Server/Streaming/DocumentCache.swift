import Resolver
import Synchronization

/// Rendered PURI documents of the latest store version, so that a popular PURI is read and serialised once per
/// write rather than once per request. Every entry belongs to one store version: a document holds links from other
/// resources, so any write may change it, and the first request after a write empties the cache.
final class DocumentCache: Sendable {
    struct Key: Hashable {
        /// `""` (no namespace has that name) for a `/resource` document, whose `local` is then the whole IRI.
        var namespace: String
        var local: String
        var representation: Representation
        /// The reader's languages (`LanguagePreference.key`) for HTML, whose labels follow them; `""` otherwise.
        var languages: String = ""
    }

    private struct State {
        var version: UInt64 = 0
        var entries: [Key: RenderedDocument] = [:]
    }

    private let state = Mutex(State())
    /// At most this many documents are kept; past it the cache starts over (PURIs are unbounded, memory is not).
    let capacity: Int

    init(capacity: Int = 2048) { self.capacity = capacity }

    /// The document rendered for `key` at store `version`, if any.
    func document(_ key: Key, version: UInt64) -> RenderedDocument? {
        state.withLock { state in state.version == version ? state.entries[key] : nil }
    }

    /// Keeps `document`, rendered for `key` at store `version`; a newer version replaces everything older.
    func store(_ document: RenderedDocument, for key: Key, version: UInt64) {
        state.withLock { state in
            if version < state.version { return }
            if version > state.version || state.entries.count >= capacity {
                state.version = version
                state.entries.removeAll(keepingCapacity: true)
            }
            state.entries[key] = document
        }
    }
}
