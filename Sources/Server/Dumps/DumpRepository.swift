package import Foundation
package import RDF
import Resolver
package import Store
import Synchronization

/// A dump file: on disk, ready to serve, once `size` is known.
package struct DumpInfo: Sendable {
    package var file: DumpFile
    /// Where it is; the file at this path never changes (a new version of the graph is a new file).
    package var path: String
    /// Bytes; nil while this version's file is not written yet (a dump is written when it is first downloaded).
    package var size: Int?
    /// Triples (quads for `all`) of the dataset.
    package var triples: Int
    /// When this version of the dataset was first seen, to the second.
    package var lastModified: Date
    /// A strong entity tag (with its quotes): the dataset's content fingerprint and the file's syntax.
    package var entityTag: String
}

/// The dumps of a store, kept on disk per dataset version (DESIGN.md: dumps for harvesters).
///
/// A dataset's version is its `GraphFingerprint`, computed once per snapshot version. Files are named
/// `{name}.{fingerprint}.{ext}[.gz]`, so a dump is written once per version of its dataset and then served from disk
/// however often it is pulled, also after a restart (for a store in a directory). Both compressions of a syntax are
/// written in one pass from one snapshot, under temporary names, synced, then renamed into place. When a dataset gets
/// a new version, the files of its older versions are removed (a download in progress keeps its open file).
///
/// Last-Modified is when a version was first seen, kept as the modification time of a `{name}.{fingerprint}.seen`
/// file, so it survives restarts and changes exactly when the fingerprint does.
package final class DumpRepository: Sendable {
    package let directory: String
    private let limiter: ComputeLimiter
    private let state = Mutex(State())

    private struct State {
        var versions: (snapshot: UInt64, task: Task<DatasetVersions, any Error>)?
        var producing: [String: Task<Void, any Error>] = [:]
        var statistics: (snapshot: UInt64, task: Task<DatasetStatistics, any Error>)?
        var pages: [DumpDataset: (snapshot: UInt64, pages: DumpPages)] = [:]
    }

    /// - Parameter directory: created if missing. Files a crashed or killed writer left half-written
    ///   (`*.part-*`) are removed: no writer runs yet, so every one of them is garbage.
    package init(directory: String, limiter: ComputeLimiter) {
        self.directory = directory
        self.limiter = limiter
        DumpFileOutput.removeLeftovers(in: directory)
    }

    /// The version of every dataset of `snapshot`, computed once per snapshot version (concurrent callers share it).
    /// - Throws: `DumpError.io` if the directory cannot be written.
    package func versions(of snapshot: Snapshot) async throws -> DatasetVersions {
        let task = state.withLock { state in
            if let current = state.versions, current.snapshot == snapshot.version { return current.task }
            let task = Task { [limiter, directory] in
                let fingerprints = try await limiter.withPermit(deadline: nil) { GraphFingerprint.fingerprints(of: snapshot) }
                return try DatasetVersions(snapshot: snapshot, fingerprints: fingerprints, directory: directory)
            }
            state.versions = (snapshot.version, task)
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failure (a full disk, say) is not kept: the next request tries again.
            state.withLock { state in if state.versions?.task == task { state.versions = nil } }
            throw error
        }
    }

    /// The class and property partitions of `snapshot`, computed once per snapshot version.
    package func statistics(of snapshot: Snapshot, datasets: [DumpDataset]) async throws -> DatasetStatistics {
        let task = state.withLock { state in
            if let current = state.statistics, current.snapshot == snapshot.version { return current.task }
            let task = Task { [limiter] in
                try await limiter.withPermit(deadline: nil) { DatasetStatistics(snapshot: snapshot, datasets: datasets) }
            }
            state.statistics = (snapshot.version, task)
            return task
        }
        return try await task.value
    }

    /// The Hydra pages of one graph of `snapshot`, split once per snapshot version and graph.
    package func pages(of graph: GraphName, snapshot: Snapshot) async throws -> DumpPages {
        if let cached = state.withLock({ $0.pages[.graph(graph)] }), cached.snapshot == snapshot.version { return cached.pages }
        let pages = try await limiter.withPermit(deadline: nil) { DumpPages(snapshot: snapshot, graph: graph) }
        state.withLock { $0.pages[.graph(graph)] = (snapshot.version, pages) }
        return pages
    }

    /// The dump `file` of `snapshot`, written first if this version of its dataset has none yet.
    /// - Throws: `DumpError.unknownDump` if the snapshot has no such dataset; `DumpError.io`; a serializer's error.
    package func dump(_ file: DumpFile, snapshot: Snapshot) async throws -> DumpInfo {
        let versions = try await versions(of: snapshot)
        guard let version = versions.datasets[file.dataset] else { throw DumpError.unknownDump("no dump called \(file.fileName)") }
        var info = describe(file, version: version)
        // Twice at most: a newer version seen by a concurrent request may remove this one's files in between.
        for _ in 0..<2 where info.size == nil {
            try await produce(file, version: version, snapshot: snapshot, plainPath: plainPath(file, version: version))
            info = describe(file, version: version)
        }
        guard info.size != nil else { throw DumpError.io("\(info.path) disappeared after it was written") }
        return info
    }

    /// Every dump of `snapshot`, described without writing any: the listing and the catalogue must not write seven
    /// syntaxes of every graph (minutes at 1M quads, holding the compute slot) for a client that downloads none.
    package func descriptions(snapshot: Snapshot) async throws -> [DumpInfo] {
        let versions = try await versions(of: snapshot)
        return versions.ordered.flatMap { dataset in
            guard let version = versions.datasets[dataset] else { return [DumpInfo]() }
            return DumpFile.files(of: dataset).map { describe($0, version: version) }
        }
    }

    private func plainPath(_ file: DumpFile, version: DatasetVersion) -> String {
        directory + "/" + version.fileStem + "." + file.format.fileExtension
    }

    /// `file` at `version`, with its size if it is written.
    private func describe(_ file: DumpFile, version: DatasetVersion) -> DumpInfo {
        let path = plainPath(file, version: version) + (file.compressed ? ".gz" : "")
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        return DumpInfo(
            file: file, path: path, size: size, triples: version.triples, lastModified: version.lastModified,
            entityTag: "\"\(version.fingerprint.hex)-\(file.format.fileExtension)\(file.compressed ? "-gz" : "")\"")
    }

    /// Writes both compressions of one syntax; concurrent requests for the same file wait for the one writer.
    private func produce(_ file: DumpFile, version: DatasetVersion, snapshot: Snapshot, plainPath: String) async throws {
        let task = state.withLock { state in
            if let running = state.producing[plainPath] { return running }
            let task = Task { [limiter] in
                if FileManager.default.fileExists(atPath: plainPath + ".gz") { return }
                let output = try DumpFileOutput(plainPath: plainPath, compressedPath: plainPath + ".gz")
                do {
                    try await DumpWriter.write(
                        snapshot, dataset: file.dataset, format: file.format,
                        compute: { body in try await limiter.withPermit(deadline: nil, body) }, to: output.sink)
                    try output.commit()
                } catch {
                    output.discard()
                    throw error
                }
            }
            state.producing[plainPath] = task
            return task
        }
        defer { _ = state.withLock { $0.producing.removeValue(forKey: plainPath) } }
        try await task.value
    }
}

/// One version of one dataset.
package struct DatasetVersion: Sendable {
    package var dataset: DumpDataset
    package var fingerprint: GraphFingerprint
    package var triples: Int { fingerprint.triples }
    package var lastModified: Date
    /// `{name}.{fingerprint}`: the start of its files' names.
    package var fileStem: String { dataset.name + "." + fingerprint.hex }
}

/// The versions of every dataset of one snapshot.
package struct DatasetVersions: Sendable {
    package var datasets: [DumpDataset: DatasetVersion]
    /// `all`, `default`, then the named graphs in content order (the same on every server).
    package var ordered: [DumpDataset]

    /// Reads (or records) when each version was first seen, and removes the files of versions no longer current.
    init(snapshot: Snapshot, fingerprints: [DumpDataset: GraphFingerprint], directory: String) throws {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DumpError.io("cannot create the dump directory \(directory): \(error)")
        }
        let existing = (try? files.contentsOfDirectory(atPath: directory)) ?? []
        ordered =
            [.all, .graph(.defaultGraph)]
            + snapshot.namedGraphsInContentOrder.compactMap { id in GraphName(snapshot.term(for: id)).map { DumpDataset.graph($0) } }
        datasets = [:]
        for dataset in ordered {
            guard let fingerprint = fingerprints[dataset] else { continue }
            let stem = dataset.name + "." + fingerprint.hex
            let seen = directory + "/" + stem + ".seen"
            if !files.fileExists(atPath: seen) {
                guard files.createFile(atPath: seen, contents: nil) else { throw DumpError.io("cannot create \(seen)") }
                // Older versions' files go; a name has no dots, so `name.` starts only this dataset's files.
                for name in existing where name.hasPrefix(dataset.name + ".") && !name.hasPrefix(stem + ".") {
                    try? files.removeItem(atPath: directory + "/" + name)
                }
            }
            let modified = (try? files.attributesOfItem(atPath: seen))?[.modificationDate] as? Date ?? Date()
            datasets[dataset] = DatasetVersion(
                dataset: dataset, fingerprint: fingerprint, lastModified: Date(timeIntervalSince1970: modified.timeIntervalSince1970.rounded(.down)))
        }
        ordered = ordered.filter { datasets[$0] != nil }
    }
}
