import Foundation
import RDF
import SPARQL
import Store

// Issue 4's update scenarios through the Store API, each request parsed, executed and committed durably.
// Usage: update-benchmark STORE_DIR [commit|os] — prints one JSON object of seconds per scenario.

guard (2...3).contains(CommandLine.arguments.count), let sync = SyncMode(rawValue: CommandLine.arguments.dropFirst(2).first ?? "commit") else {
    FileHandle.standardError.write(Data("usage: update-benchmark STORE_DIR [commit|os]\n".utf8))
    exit(2)
}

let store = try await QuadStore.open(.directory(CommandLine.arguments[1], sync: sync))
let clock = ContinuousClock()

func run(_ text: String) async throws {
    let update = try SPARQLParser.parseUpdate(text)
    try await store.transact { snapshot in
        (ChangeSet(encoded: try UpdateExecutor().encodedChanges(for: update, in: snapshot)), ())
    }
}

func timed(_ body: () async throws -> Void) async rethrows -> Double {
    let start = clock.now
    try await body()
    return (clock.now - start) / .seconds(1)
}

/// The sequential writes, in one nonisolated function: a loop in top-level code runs on the main actor, and would hop to it
/// and back around every write, which a server's request handler (on the global pool) does not.
func singleInserts() async throws {
    for i in 0..<10_000 { try await run("INSERT DATA { <http://example.org/bench/s\(i)> <http://example.org/bench/p> \"v\(i)\" }") }
}

/// CPU seconds (user and system, every thread) the process has used: on a shared machine, steadier than the wall clock.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let cpuBefore = cpuSeconds()
let single = try await timed { try await singleInserts() }
let singleCPU = cpuSeconds() - cpuBefore
let bulkText = "INSERT DATA {\n" + (0..<100_000).map { "<http://example.org/bulk/s\($0)> <http://example.org/bulk/p> \"v\($0)\" .\n" }.joined() + "}"
let bulk = try await timed { try await run(bulkText) }
let rewrite = try await timed {
    try await run("DELETE { ?s <http://example.org/bulk/p> ?o } INSERT { ?s <http://example.org/bulk/q> ?o } WHERE { ?s <http://example.org/bulk/p> ?o }")
}
let deleteWhere = try await timed { try await run("DELETE WHERE { ?s <http://example.org/bulk/q> ?o }") }
let count = store.snapshot().count
try await store.close()
print(
    """
    {"single_inserts_10k": \(single), "insert_data_100k": \(bulk), "delete_insert_where_100k": \(rewrite), \
    "delete_where_100k": \(deleteWhere), "final_count": \(count), "single_inserts_10k_cpu": \(singleCPU)}
    """)
