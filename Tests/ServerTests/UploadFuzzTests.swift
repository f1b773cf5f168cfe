import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Store
import Testing
import TestKit

@testable import Server

/// Issue 15's fuzzer over HTTP: mutated uploads in every RDF syntax and mutated request headers against the router.
/// Invariants: no 5xx, every 4xx has a message (a 400 with a line and a column, in every syntax), and a refused write leaves
/// the store as it was. Runs `LODESTAR_FUZZ_SECONDS` (default 20 here) from `LODESTAR_FUZZ_SEED`, both printed.
@Suite(.serialized) struct UploadFuzzTests {
    static let seconds = Double(ProcessInfo.processInfo.environment["LODESTAR_FUZZ_SECONDS"] ?? "").map { $0 / 3 } ?? 20
    static let seed = UInt64(ProcessInfo.processInfo.environment["LODESTAR_FUZZ_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970 * 1000)

    /// A valid document per syntax; every 400 for any of them must name a line and a column.
    static let seeds: [(contentType: String, text: String)] = [
        ("text/turtle", """
            @prefix ex: <http://example.org/> .
            ex:a ex:p "x"@en, 1, 2.5, true ; ex:q [ ex:r ( 1 2 ex:b ) ] .
            ex:b ex:p \"\"\"long
            text\"\"\"^^<http://www.w3.org/2001/XMLSchema#string> .
            """),
        ("application/n-triples", """
            <http://example.org/a> <http://example.org/p> "x" .
            _:b <http://example.org/p> "y\\u00e9"@fr .
            <http://example.org/c> <http://example.org/p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """),
        ("application/rdf+xml", """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
              <rdf:Description rdf:about="http://example.org/a"><ex:p>x</ex:p><ex:q rdf:resource="http://example.org/b"/>
                <ex:r><rdf:Description><ex:s xml:lang="en">y</ex:s></rdf:Description></ex:r></rdf:Description>
            </rdf:RDF>
            """),
        ("application/ld+json", """
            {"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:p": [{"@value": "x", "@language": "en"}, 1, true],
             "ex:q": {"@id": "ex:b", "ex:r": {"@list": [1, 2]}}}
            """),
    ]

    /// Whole datasets, posted to `/store` (N-Quads and TriG carry graphs).
    static let datasetSeeds: [(contentType: String, text: String)] = [
        ("application/n-quads", """
            <http://example.org/a> <http://example.org/p> "x" <http://example.org/g> .
            <http://example.org/a> <http://example.org/p> "y" .
            """),
        ("application/trig", """
            @prefix ex: <http://example.org/> .
            ex:g { ex:a ex:p "x" . }
            { ex:a ex:p "y" . }
            """),
    ]

    @Test func mutatedUploadsNeverFailTheServerNorChangeTheStoreWhenRefused() async throws {
        print("UploadFuzzTests: seed \(Self.seed), \(Self.seconds) s per test (LODESTAR_FUZZ_SEED, LODESTAR_FUZZ_SECONDS)")
        let seed = Self.seed
        let seconds = Self.seconds
        try await TestServer.run { client, store in
            var random = SplitMix(seed: seed)
            let end = ContinuousClock.now + .seconds(seconds)
            var counts = (sent: 0, refused: 0)
            while ContinuousClock.now < end {
                let useDataset = random.next(4) == 0
                let (contentType, text, uri): (String, String, String)
                if useDataset {
                    let seed = Self.datasetSeeds[random.next(Self.datasetSeeds.count)]
                    (contentType, text, uri) = (seed.contentType, seed.text, "/store")
                } else {
                    let seed = Self.seeds[random.next(Self.seeds.count)]
                    (contentType, text, uri) = (seed.contentType, seed.text, "/store?graph=urn:fuzz")
                }
                let body = Mutator.mutate(Array(text.utf8), random: &random)
                let before = store.snapshot().count
                // A dataset goes to the whole store, which only takes POST; a graph takes PUT or POST.
                let method: HTTPRequest.Method = !useDataset && random.next(2) == 0 ? .put : .post
                let response = try await client.execute(
                    uri: uri, method: method, headers: [.contentType: contentType, .authorization: "Bearer \(TestServer.token)"],
                    body: ByteBuffer(bytes: body))
                counts.sent += 1
                let input = String(decoding: body.prefix(400), as: UTF8.self)
                #expect(response.status.code < 500, "seed \(seed): \(method) \(contentType) got \(response.status): \(response.text.prefix(300))\n\(input)")
                if response.status.code >= 400 {
                    counts.refused += 1
                    #expect(!response.text.isEmpty, "seed \(seed): a \(response.status) without a message for \(contentType)\n\(input)")
                    if response.status == .badRequest {
                        #expect(
                            response.text.contains(" line ") && response.text.contains(" column "),
                            "seed \(seed): no line and column in '\(response.text.prefix(300))'\n\(input)")
                    }
                    #expect(store.snapshot().count == before, "seed \(seed): a refused \(method) changed the store\n\(input)")
                }
            }
            print("UploadFuzzTests: \(counts.sent) uploads, \(counts.refused) refused, seed \(seed)")
        }
    }

    @Test func mutatedHeadersNeverFailTheServer() async throws {
        let seed = Self.seed &+ 1
        let seconds = Self.seconds
        try await TestServer.run { client, _ in
            var random = SplitMix(seed: seed)
            let end = ContinuousClock.now + .seconds(seconds)
            let accepts = ["text/turtle", "application/sparql-results+json;q=0.5, text/csv", "*/*", "application/rdf+xml;q=0", "text/*;q=0.3"]
            let paths = ["/sparql?query=" + "SELECT * { ?s ?p ?o }".urlEncoded, "/sparql?query=" + "CONSTRUCT WHERE { ?s ?p ?o }".urlEncoded,
                         "/store?default", "/health", "/catalog", "/.well-known/void", "/sparql"]
            var sent = 0
            while ContinuousClock.now < end {
                var headers: HTTPFields = [:]
                let accept = Array(accepts[random.next(accepts.count)].utf8)
                headers[.accept] = String(decoding: Mutator.mutate(accept, random: &random).filter { $0 >= 0x20 && $0 < 0x7F }, as: UTF8.self)
                if random.next(2) == 0 {
                    let values = ["\"abc\"", "W/\"1\"", "*", "\"\u{7F}", ""]
                    headers[.ifNoneMatch] = values[random.next(values.count)]
                }
                if random.next(3) == 0 {
                    headers[.acceptEncoding] = ["gzip", "deflate;q=0", "br, *;q=0", "gzip;q=abc", ",,,"][random.next(5)]
                }
                let path = paths[random.next(paths.count)]
                let response = try await client.execute(uri: path, method: random.next(5) == 0 ? .head : .get, headers: headers)
                sent += 1
                #expect(response.status.code < 500, "seed \(seed): GET \(path) with \(headers) got \(response.status): \(response.text.prefix(300))")
                if response.status.code >= 400 && response.status != .notAcceptable {
                    #expect(!response.text.isEmpty || response.status == .notModified, "seed \(seed): \(response.status) without a message")
                }
            }
            print("UploadFuzzTests: \(sent) header variants, seed \(seed)")
        }
    }
}

/// Byte-level mutations that keep most of a document (so the parser gets deep into it) and break it somewhere.
enum Mutator {
    static let fragments: [[UInt8]] = [
        "<", ">", "\"", "\"\"\"", "'", "@", "^^", ":", "_:", "[", "]", "(", ")", "{", "}", ".", ";", ",", "\\", "\\u", "#",
        "<rdf:Description>", "</rdf:RDF>", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "{\"@id\":", "\"@context\"", "\n", "\0",
        "ex:", "a", "@prefix", "PREFIX", "GRAPH", "\u{FEFF}", "é",
    ].map { Array($0.utf8) }

    static func mutate(_ bytes: [UInt8], random: inout SplitMix) -> [UInt8] {
        var result = bytes
        for _ in 0...random.next(3) {
            let at = random.next(result.count + 1)
            switch random.next(7) {
            case 0: result.insert(contentsOf: fragments[random.next(fragments.count)], at: at)
            case 1: result.removeSubrange(at..<min(result.count, at + 1 + random.next(8)))
            case 2: if at < result.count { result[at] = UInt8(truncatingIfNeeded: random.next(256)) }
            case 3: result = Array(result.prefix(at))
            case 4: result.insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)  // invalid UTF-8
            case 5:
                let end = min(result.count, at + random.next(40))
                result.insert(contentsOf: result[at..<end], at: end)  // a duplicated run
            default: break  // unchanged: valid input must keep being accepted
            }
        }
        return result
    }
}
