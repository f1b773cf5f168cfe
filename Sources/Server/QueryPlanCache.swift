package import SPARQL
import Synchronization

/// The queries this endpoint has parsed and planned, kept for the next request with the same text and dataset
/// parameters: clients send the same few queries again and again, and parsing and planning cost as much as answering
/// a small one. Every query goes through it (`QueryService.answer`); it only remembers work, never changes an answer.
///
/// A plan is for one store version, since the optimiser orders joins from that version's statistics: after a write the
/// parsed query is kept and planned again. Bounded by entries and by the total length of the texts held, the least
/// recently used entry going first; shared by every request, under one short lock (a look-up or an insertion).
package final class QueryPlanCache: Sendable {
    /// What makes two requests the same query: the text and the protocol's dataset parameters (the base IRI and the
    /// default graph's meaning are the service's, the same for every request).
    package struct Key: Hashable, Sendable {
        package var text: String
        package var defaultGraphs: [String]
        package var namedGraphs: [String]

        package init(text: String, defaultGraphs: [String] = [], namedGraphs: [String] = []) {
            self.text = text
            self.defaultGraphs = defaultGraphs
            self.namedGraphs = namedGraphs
        }

        /// The length counted against the cache's budget.
        var weight: Int { text.utf8.count + defaultGraphs.reduce(0) { $0 + $1.utf8.count } + namedGraphs.reduce(0) { $0 + $1.utf8.count } }
    }

    private struct Entry {
        var query: Query
        var plan: PlannedQuery
        var version: UInt64
        var lastUse: UInt64
        var weight: Int
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var weight = 0
        var clock: UInt64 = 0
    }

    /// The most entries kept.
    package let capacity: Int
    /// The most UTF-8 bytes of query text (and dataset parameters) kept; a longer query is planned but not kept.
    package let textBudget: Int
    private let state = Mutex(State())

    package init(capacity: Int = 512, textBudget: Int = 8 << 20) {
        precondition(capacity > 0 && textBudget > 0, "a cache must be able to hold something")
        self.capacity = capacity
        self.textBudget = textBudget
    }

    /// The number of queries held.
    package var count: Int { state.withLock { $0.entries.count } }

    /// The total weight held (UTF-8 bytes of texts and dataset parameters), at most `textBudget`.
    package var weight: Int { state.withLock { $0.weight } }

    /// Whether `key` is held (for tests of the bounds).
    package func holds(_ key: Key) -> Bool { state.withLock { $0.entries[key] != nil } }

    /// The store version `key`'s kept plan was made for; `nil` when it is not held.
    package func plannedVersion(of key: Key) -> UInt64? { state.withLock { $0.entries[key]?.version } }

    /// The plan of `key` for store version `version`: the kept one, or made now by `parse` (only when the text is not
    /// held) and `plan`, and kept. Errors are not kept: a bad query is refused again, with the same message.
    package func plan(
        for key: Key, version: UInt64, parse: () throws -> Query, plan: (Query) throws -> PlannedQuery
    ) throws -> PlannedQuery {
        let held: Entry? = state.withLock { state in
            state.clock += 1
            let now = state.clock
            guard let index = state.entries.index(forKey: key) else { return nil }
            state.entries.values[index].lastUse = now
            return state.entries.values[index]
        }
        if let held, held.version == version { return held.plan }
        let query = try held?.query ?? parse()
        let planned = try plan(query)
        keep(Entry(query: query, plan: planned, version: version, lastUse: 0, weight: key.weight), for: key)
        return planned
    }

    private func keep(_ entry: Entry, for key: Key) {
        guard entry.weight <= textBudget else { return }
        state.withLock { state in
            state.clock += 1
            var entry = entry
            entry.lastUse = state.clock
            if let old = state.entries.removeValue(forKey: key) { state.weight -= old.weight }
            // Evicting scans the entries: it happens only on a miss, which has just parsed and planned a query.
            while state.entries.count >= capacity || state.weight + entry.weight > textBudget,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.entries.removeValue(forKey: oldest.key)
                state.weight -= oldest.value.weight
            }
            state.entries[key] = entry
            state.weight += entry.weight
        }
    }
}
