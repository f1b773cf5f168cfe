import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RDF
import Replication
import Server
import Store

/// The follower's progress as the server reports it.
struct FollowerStatus: ReplicaStatusSource {
    let follower: LogFollower

    var replicaStatus: ReplicaStatus {
        let progress = follower.progress
        let sorted = progress.delays.sorted()
        func quantile(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        return ReplicaStatus(
            head: progress.head, primaryURL: progress.primaryURL, lastDelay: progress.lastDelay, delayP50: quantile(0.5),
            delayP99: quantile(0.99), problem: progress.problem)
    }
}

/// A replica's store: bootstrapped when new (from a backup directory or the primary's N-Quads dump, at the version
/// the dump names), bootstrapped again when the log no longer holds the records after its version.
enum ReplicaSetup {
    static func open(storePath: String, options: StoreOptions, logURL: String, bootstrap: String?) async throws -> (QuadStore, LogFollower) {
        // A new store bootstraps; one that cannot (no --bootstrap) follows the log from its start, if the log has it.
        if !FileManager.default.fileExists(atPath: storePath + "/redland"), let bootstrap {
            try await Self.bootstrap(from: bootstrap, into: storePath)
        }
        var store = try await QuadStore.open(options)
        var follower = LogFollower(url: logURL, store: store)
        do {
            try follower.check()
        } catch let trimmed as LogFollower.Trimmed {
            guard let bootstrap else { throw trimmed }
            Terminal.error("\(trimmed); bootstrapping again from \(bootstrap)")
            try await store.close()
            let aside = storePath + ".trimmed"
            if FileManager.default.fileExists(atPath: aside) { try FileManager.default.removeItem(atPath: aside) }
            try FileManager.default.moveItem(atPath: storePath, toPath: aside)
            try await Self.bootstrap(from: bootstrap, into: storePath)
            try FileManager.default.removeItem(atPath: aside)
            store = try await QuadStore.open(options)
            follower = LogFollower(url: logURL, store: store)
            try follower.check()
        }
        return (store, follower)
    }

    /// Makes `storePath` a copy of a backup directory, or of the primary's dump (`URL` of the server, or of
    /// `/dumps/all.nq[.gz]`: the plain file is fetched, which holds the same quads).
    static func bootstrap(from source: String, into storePath: String) async throws {
        guard source.hasPrefix("http://") || source.hasPrefix("https://") else {
            guard FileManager.default.fileExists(atPath: source + "/redland") else {
                throw ReplicationError("--bootstrap: \(source) is neither an http(s) URL nor a backup directory ('lodestar backup' output)")
            }
            let version = try StoreBackup.copy(storeDirectory: source, to: storePath)
            Terminal.error("bootstrapped from the backup \(source) (checkpoint \(version))")
            return
        }
        var address = source
        if address.hasSuffix(".gz") { address.removeLast(3) }
        if !address.contains("/dumps/") { address = address.trimmingSuffix("/") + "/dumps/all.nq" }
        guard let url = URL(string: address) else { throw ReplicationError("--bootstrap: \(source) is not a URL") }
        let (data, response) = try await URLSession.shared.data(from: url)
        guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
            throw ReplicationError("--bootstrap: \(address) answered \((response as? HTTPURLResponse)?.statusCode ?? 0), not 200")
        }
        guard let version = http.value(forHTTPHeaderField: "X-Lodestar-Version").flatMap(UInt64.init) else {
            throw ReplicationError("--bootstrap: \(address) does not say which store version it holds (no X-Lodestar-Version header)")
        }
        var quads = [Quad]()
        try NQuadsParser.parse([UInt8](data)) { quads.append($0) }
        try await QuadStore.create(directory: storePath, holding: quads, version: version)
        Terminal.error("bootstrapped from \(address): \(quads.count) quads at version \(version)")
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
