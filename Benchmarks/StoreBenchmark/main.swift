import Foundation
import RDF
import Store

// Opens a store, then times subject-only and object-only lookups through the Store API, printing one JSON object.
// Usage: store-benchmark STORE_DIR SUBJECTS_FILE OBJECTS_FILE
// The files hold one N-Triples term per line: the same terms benchmarks/store.py gives Oxigraph.

// Or: store-benchmark --load STORE_DIR FILE [commit|os] — `lodestar load`'s work (QuadStore.load, then close), timed
// inside the process; for machines where the whole release build of `lodestar` is out of reach.

let arguments = CommandLine.arguments
if arguments.count >= 4, arguments[1] == "--load" {
    let start = ContinuousClock.now
    let store = try await QuadStore.open(.directory(arguments[2], sync: SyncMode(rawValue: arguments.dropFirst(4).first ?? "commit") ?? .commit))
    let report = try await store.load(file: arguments[3])
    try await store.close()
    print("{\"load_seconds\": \((ContinuousClock.now - start) / .seconds(1)), \"inserted\": \(report.inserted)}")
    exit(0)
}
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: store-benchmark STORE_DIR SUBJECTS_FILE OBJECTS_FILE\n".utf8))
    exit(2)
}

func residentBytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return kilobytes * 1024
    }
    return 0
}

func terms(_ path: String) throws -> [Term] {
    var result = [Term]()
    for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        try NQuadsParser.parse(Array("\(line) <urn:p> <urn:o> .\n".utf8)) { result.append($0.subject) }
    }
    return result
}

func terms(objects path: String) throws -> [Term] {
    var result = [Term]()
    for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        try NQuadsParser.parse(Array("<urn:s> <urn:p> \(line) .\n".utf8)) { result.append($0.object) }
    }
    return result
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

let clock = ContinuousClock()
let openStart = clock.now
let store = try await QuadStore.open(.directory(arguments[1]))
let openSeconds = (clock.now - openStart) / .seconds(1)
let rss = residentBytes()
let snapshot = store.snapshot()

func timeLookups(_ terms: [Term], pattern: (TermID) -> EncodedQuadPattern) -> (median: Double, rows: Int) {
    var times = [Double]()
    var rows = 0
    for term in terms {
        let start = clock.now
        if let id = snapshot.id(of: term) {
            for quad in snapshot.quads(matching: pattern(id)) {
                // Decode like a real reader would.
                _ = snapshot.term(for: quad.object)
                rows += 1
            }
        }
        times.append((clock.now - start) / .microseconds(1))
    }
    return (median(times), rows)
}

let subjects = timeLookups(try terms(arguments[2])) { EncodedQuadPattern(subject: $0) }
let objects = timeLookups(try terms(objects: arguments[3])) { EncodedQuadPattern(object: $0) }
try await store.close()
print(
    """
    {"open_seconds": \(openSeconds), "rss_bytes": \(rss), "quads": \(snapshot.count), \
    "subject_median_us": \(subjects.median), "subject_rows": \(subjects.rows), \
    "object_median_us": \(objects.median), "object_rows": \(objects.rows)}
    """)
