import Foundation
import RDF
import Redland
import Testing

/// A tiny actor owning a world, the way the Store's owns one.
actor CountingHost {
    nonisolated let thread: RedlandThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let world: RedlandWorld
    private let model: RedlandModel
    private var offThread = 0

    init(thread: RedlandThread) throws {
        self.thread = thread
        world = try RedlandWorld()
        model = try RedlandModel(world: world, storageName: "hashes", name: "t", options: "hash-type='memory',contexts='yes'")
    }

    func add(_ index: Int) throws {
        if !thread.isCurrent { offThread += 1 }
        try model.add(Triple(.iri("http://ex/s\(index)"), .iri("http://ex/p"), .string("\(index)")), context: .iri("http://ex/g"))
    }

    func count() throws -> Int {
        var count = 0
        try model.forEachStatement { _, _ in count += 1 }
        return count
    }

    func offThreadCalls() -> Int { offThread }

    func assumeOnThread() -> Bool {
        thread.checkIsolated()
        return true
    }
}

extension RedlandTests {
    @Suite struct RedlandThreadTests {
        @Test func actorRunsOnItsThread() async throws {
            let thread = RedlandThread(name: "redland-test")
            defer { thread.shutdown() }
            let host = try await Task { try CountingHost(thread: thread) }.value
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 { group.addTask { try await host.add(index) } }
                try await group.waitForAll()
            }
            #expect(try await host.count() == 200)
            #expect(await host.offThreadCalls() == 0)
            #expect(await host.assumeOnThread())
        }

        /// One world per thread is safe; raptor's libxml2 clean-up on freeing a world is serialised by the module.
        @Test func worldsOnSeveralThreadsParseRDFXMLTogether() async throws {
            actor Worker {
                nonisolated let thread: RedlandThread
                nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
                init(thread: RedlandThread) { self.thread = thread }
                func run(rounds: Int) throws -> Int {
                    var total = 0
                    for round in 0..<rounds {
                        let world = try RedlandWorld()
                        var xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex/\">\n"
                        for index in 0..<200 {
                            xml += "<rdf:Description rdf:about=\"http://ex/\(round)/\(index)\"><ex:p>v</ex:p></rdf:Description>\n"
                        }
                        xml += "</rdf:RDF>\n"
                        try RDFReader.parse(Array(xml.utf8), format: .rdfxml, baseIRI: "http://ex/", world: world) { _ in total += 1 }
                        // A broken document too: libxml2 errors travel through the parser context, not global state.
                        let broken = Array("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><oops".utf8)
                        _ = try? RDFReader.parse(broken, format: .rdfxml, baseIRI: "http://ex/", world: world) { _ in }
                    }
                    return total
                }
            }
            let threads = (0..<3).map { RedlandThread(name: "redland-\($0)") }
            defer { for thread in threads { thread.shutdown() } }
            let totals = try await withThrowingTaskGroup(of: Int.self) { group in
                for thread in threads { group.addTask { try await Worker(thread: thread).run(rounds: 15) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(totals == [3000, 3000, 3000])
        }

        @Test func jobsRunInOrder() async throws {
            let thread = RedlandThread()
            defer { thread.shutdown() }
            actor Log {
                nonisolated let thread: RedlandThread
                nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
                var entries: [Int] = []
                init(thread: RedlandThread) { self.thread = thread }
                func append(_ value: Int) { entries.append(value) }
            }
            let log = Log(thread: thread)
            for index in 0..<100 { await log.append(index) }
            #expect(await log.entries == Array(0..<100))
        }
    }
}
