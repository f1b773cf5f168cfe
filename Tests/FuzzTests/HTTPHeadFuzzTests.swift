import Foundation
import HummingbirdTesting
import Logging
import Server
import Store
import Testing
import TestKit

/// Issue 15's fuzzer of request lines and headers, over raw TCP against a live server: grammar-built requests (Accept,
/// Content-Type, Range, If-None-Match, Authorization, Transfer-Encoding, Content-Length, chunked bodies) and byte-level
/// mutations of their heads. Invariants: the server never answers 5xx, every 4xx carries a message, and it keeps
/// answering `/health` (it has not crashed or stopped accepting).
///
/// Runs half of `LODESTAR_FUZZ_SECONDS` (default 60, so 30 s) from `LODESTAR_FUZZ_SEED`, both printed; a failure prints
/// the seed and the request. Each request that once broke an invariant is in `regressionRequests`.
@Suite(.serialized) struct HTTPHeadFuzzTests {
    static let seconds = (Double(ProcessInfo.processInfo.environment["LODESTAR_FUZZ_SECONDS"] ?? "") ?? 60) / 2
    static let seed = UInt64(ProcessInfo.processInfo.environment["LODESTAR_FUZZ_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970 * 1000)

    @Test func mutatedRequestHeadsKeepTheInvariants() async throws {
        print("HTTPHeadFuzzTests: seed \(Self.seed), \(Self.seconds) s (LODESTAR_FUZZ_SEED, LODESTAR_FUZZ_SECONDS)")
        let seed = Self.seed
        let seconds = Self.seconds
        try await LiveServer.run { port in
            var grammar = HTTPHeadGrammar(random: SplitMix(seed: seed))
            let end = Date().addingTimeInterval(seconds)
            var counts = (sent: 0, refused: 0, unanswered: 0)
            var statuses: [Int: Int] = [:]
            while Date() < end {
                let (method, valid) = grammar.request()
                let bytes = grammar.random.chance(2) ? valid : grammar.mutate(valid)
                let shown = String(decoding: bytes.prefix(600), as: UTF8.self).debugDescription
                let answer = try LiveServer.exchange(bytes, port: port)
                counts.sent += 1
                statuses[answer?.status ?? 0, default: 0] += 1
                guard let answer else {
                    // A body shorter than its Content-Length is waited for, then the connection closes without an answer.
                    counts.unanswered += 1
                    continue
                }
                #expect(answer.status > 0 && answer.status < 500, "seed \(seed): \(answer.status) for \(shown): \(answer.body.prefix(300))")
                if answer.status >= 400 {
                    counts.refused += 1
                    #expect(method == "HEAD" || !answer.body.isEmpty, "seed \(seed): a \(answer.status) without a message for \(shown)")
                }
                if counts.sent % 200 == 0 { #expect(try LiveServer.health(port: port), "seed \(seed): /health stopped answering") }
            }
            #expect(try LiveServer.health(port: port), "seed \(seed): /health stopped answering")
            print("HTTPHeadFuzzTests: \(counts.sent) requests, \(counts.refused) refused, \(counts.unanswered) closed unanswered, seed \(seed)")
            print("HTTPHeadFuzzTests: by status \(statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")
        }
    }

    /// Requests that once broke an invariant, with the status they must get now.
    static let regressionRequests: [(name: String, request: String, status: Int)] = [
        // NIO's encoder sends no body in answer to CONNECT: the router's 404 went out empty.
        ("CONNECT", "CONNECT lodestar.test:80 HTTP/1.1\r\nHost: lodestar.test\r\n\r\n", 405),
        // A URL longer than the head limit, sent in one write, was called a header overflow (431).
        ("long URL in one write", "GET /sparql?query=\(String(repeating: "A", count: 70_000)) HTTP/1.1\r\nHost: lodestar.test\r\n\r\n", 414),
        // Invalid UTF-8 in a header reached routes as U+FFFD: 406, 415, 401 or 200 depending on the header.
        ("Latin-1 in Accept", "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: lodestar.test\r\nAccept: text/caf\u{E9}\r\n\r\n", 400),
        // Percent-encoded invalid UTF-8 outside the SPARQL fields was replaced by U+FFFD (a 200 search, a 404 PURI).
        ("%FF in a search", "GET /search?q=%FF HTTP/1.1\r\nHost: lodestar.test\r\n\r\n", 400),
        ("%FF in a PURI", "GET /dr8/%FF HTTP/1.1\r\nHost: lodestar.test\r\n\r\n", 400),
        // 416 went out with an empty body.
        ("unsatisfiable Range", "GET /dumps/all.nq HTTP/1.1\r\nHost: lodestar.test\r\nRange: bytes=99999999-\r\n\r\n", 416),
    ]

    @Test(arguments: regressionRequests.indices)
    func regressionRequest(_ index: Int) async throws {
        let (name, request, status) = Self.regressionRequests[index]
        try await LiveServer.run { port in
            // Each scalar is one byte: "é" goes out as Latin-1's 0xE9, which is not UTF-8. The blank line moves after
            // "Connection: close", so that the server closes once it has answered.
            let bytes = request.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }.dropLast(2) + Array("Connection: close\r\n\r\n".utf8)
            let answer = try #require(try LiveServer.exchange(Array(bytes), port: port), "\(name): no answer")
            #expect(answer.status == status, "\(name): \(answer.status) \(answer.body.prefix(200))")
            #expect(!answer.body.isEmpty, "\(name): no message")
        }
    }
}
