import Foundation
import RDF
import SPARQL
import Store

// Opens a store once, then times SPARQL queries through the engine's API, printing one JSON object.
// Usage: query-benchmark STORE_DIR QUERIES [--repeats N] [--answers DIR] [--timeout SECONDS]
//   QUERIES is a JSON file, `[{"name": …, "query": …, "repeats": N?, "ordered": Bool?}]`, or a folder of `.rq` files
//   (named after the file, run --repeats times, default 10).
//   --answers DIR writes each query's canonical answer to DIR/NAME.txt, for diffing against another engine.
//   --timeout stops any one run after that many seconds (default 60); the query is then reported as an error.
// Each query runs once to warm up (that run gives the canonical answer), then `repeats` timed runs: parse, evaluate,
// pull every row and decode every term. Benchmarks/queries.py gives Oxigraph the same queries and canonical form.

/// One query to time.
struct BenchmarkQuery: Decodable {
    var name: String
    var query: String
    var repeats: Int?
    /// True when the query's ORDER BY is total, so the answer is compared in order instead of sorted.
    var ordered: Bool?
}

/// The canonical text of an answer, identical to `canonical()` in queries.py: one line per row or triple, blank
/// nodes as `_:b`, lines sorted by code point unless the order is part of the answer.
struct CanonicalAnswer {
    var lines: [String] = []
    var kind = "solutions"

    /// `?var=term` pairs sorted by variable name, unbound variables left out, so SELECT order doesn't matter.
    static func row(_ values: [Term?], variables: [String]) -> String {
        zip(variables, values).sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            .compactMap { name, value in value.map { "?\(name)=\(text($0))" } }.joined(separator: " ")
    }

    static func text(_ term: Term) -> String {
        if case .blankNode = term { return "_:b" }
        return term.description
    }

    static func triple(_ triple: Triple) -> String {
        "\(text(triple.subject)) \(text(triple.predicate)) \(text(triple.object)) ."
    }

    func text(ordered: Bool) -> String {
        let sorted = ordered ? lines : lines.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return sorted.map { $0 + "\n" }.joined()
    }
}

/// FNV-1a, 64 bits, over UTF-8: small enough to write identically in Python.
func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// Parses, evaluates and drains one query; with `answer`, also records its canonical form.
func run(_ text: String, on snapshot: some QueryableDataset, timeout: Double, answer: inout CanonicalAnswer?) throws -> Int {
    let query = try SPARQLParser.parseQuery(text, baseIRI: nil)
    var rows = 0
    let options = QueryOptions(deadline: .now + .milliseconds(Int(timeout * 1000)))
    switch try QueryEvaluator(options: options).evaluate(query, in: snapshot) {
    case .solutions(var solutions):
        let names = solutions.variables.map(\.name)
        while let row = try solutions.next() {
            rows += 1
            answer?.lines.append(CanonicalAnswer.row(row, variables: names))
        }
    case .boolean(let value):
        rows = 1
        answer?.kind = "boolean"
        answer?.lines.append(value ? "true" : "false")
    case .graph(var triples):
        answer?.kind = "graph"
        while let triple = try triples.next() {
            rows += 1
            answer?.lines.append(CanonicalAnswer.triple(triple))
        }
    }
    return rows
}

func loadQueries(_ path: String, defaultRepeats: Int) throws -> [BenchmarkQuery] {
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    guard isDirectory.boolValue else {
        return try JSONDecoder().decode([BenchmarkQuery].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
    return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".rq") }.sorted().map { file in
        let text = try String(contentsOfFile: (path as NSString).appendingPathComponent(file), encoding: .utf8)
        return BenchmarkQuery(name: String(file.dropLast(3)), query: text, repeats: defaultRepeats, ordered: false)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func jsonString(_ text: String) -> String {
    String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
}

/// Removes `name VALUE` from `arguments` and returns the value.
func option(_ name: String, from arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}

var arguments = Array(CommandLine.arguments.dropFirst())
let defaultRepeats = option("--repeats", from: &arguments).flatMap { Int($0) } ?? 10
let answersDirectory = option("--answers", from: &arguments)
let timeoutSeconds = option("--timeout", from: &arguments).flatMap { Double($0) } ?? 60
guard arguments.count == 2 else {
    FileHandle.standardError.write(
        Data("usage: query-benchmark STORE_DIR QUERIES(.json|folder) [--repeats N] [--answers DIR] [--timeout SECONDS]\n".utf8))
    exit(2)
}

let clock = ContinuousClock()
let openStart = clock.now
let store = try await QuadStore.open(.directory(arguments[0]))
let openSeconds = (clock.now - openStart) / .seconds(1)
let snapshot = store.snapshot()
if let answersDirectory { try FileManager.default.createDirectory(atPath: answersDirectory, withIntermediateDirectories: true) }

var entries = [String]()
for query in try loadQueries(arguments[1], defaultRepeats: defaultRepeats) {
    do {
        var recorded: CanonicalAnswer? = CanonicalAnswer()
        let rows = try run(query.query, on: snapshot, timeout: timeoutSeconds, answer: &recorded)
        var times = [Double]()
        var none: CanonicalAnswer? = nil
        for _ in 0..<(query.repeats ?? defaultRepeats) {
            let start = clock.now
            _ = try run(query.query, on: snapshot, timeout: timeoutSeconds, answer: &none)
            times.append((clock.now - start) / .seconds(1))
        }
        let answer = recorded ?? CanonicalAnswer()
        let text = answer.text(ordered: query.ordered ?? false)
        if let answersDirectory {
            let file = (answersDirectory as NSString).appendingPathComponent(query.name + ".txt")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        entries.append(
            "\(jsonString(query.name)): {\"median_seconds\": \(median(times)), \"runs\": \(times.count), \"rows\": \(rows), "
                + "\"kind\": \"\(answer.kind)\", \"hash\": \"\(fnv1a(text))\"}")
    } catch {
        entries.append("\(jsonString(query.name)): {\"error\": \(jsonString("\(error)"))}")
    }
}
try await store.close()
print("{\"open_seconds\": \(openSeconds), \"quads\": \(snapshot.count), \"queries\": {\n  \(entries.joined(separator: ",\n  "))\n}}")
