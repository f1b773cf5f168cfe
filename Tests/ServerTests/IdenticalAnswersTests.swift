import Foundation
import HTTPTypes
import HummingbirdTesting
import RDF
import Store
import Testing

@testable import Server

/// Two servers holding the same content at the same version give the same bytes and ETags for a PURI document, a dump
/// (gzip included) and `/catalog`: an HTTP cache may serve either's answer, and a client may revalidate against either.
@Suite(.serialized) struct IdenticalAnswersTests {
    /// Each server's own dump folder, so nothing is shared between them but what they were loaded with.
    private static func configuration(dumps: String) -> ServerConfiguration {
        var configuration = TestServer.configuration()
        configuration.dumpsDirectory = dumps
        return configuration
    }

    private static let routes = [
        "/doc/dr8/PublicPolicy.ttl", "/doc/dr8/PublicPolicy.html", "/doc/dr8/PublicPolicy.jsonld", "/catalog", "/catalog?format=nt",
        "/.well-known/void", "/dumps/all.nq", "/dumps/all.nq.gz", "/dumps/all.trig.gz",
    ]

    /// The same quads loaded in another order get other term IDs; a document's, a dump's or a listing's bytes (the named
    /// graphs in `/catalog` and VoID) must not follow them.
    @Test func documentBytesDoNotDependOnLoadOrder() async throws {
        let data = TestServer.data + EIRAData.archimate
        let reversed = data.split(separator: "\n").reversed().joined(separator: "\n") + "\n"
        try await TestServer.run(data: data) { first, _ in
            try await TestServer.run(data: reversed) { second, _ in
                for route in ["/doc/dr8/PublicPolicy.ttl", "/doc/dr8/PublicPolicy.nt", "/doc/dr8/PublicPolicy.nq", "/doc/dr8/PublicPolicy.jsonld",
                    "/doc/dr8/PublicPolicy.rdf", "/doc/dr8/PublicPolicy.trig", "/dumps/all.nq", "/catalog", "/.well-known/void"]
                {
                    let a = try await first.get(route)
                    let b = try await second.get(route)
                    #expect(a.status == .ok)
                    #expect(a.text == b.text, "\(route): bytes follow the load order")
                    #expect(a.headers[.eTag] == b.headers[.eTag])
                }
            }
        }
    }

    @Test(.enabled(if: EIRAData.isAvailable, "needs $LODESTAR_SHARED/data/eira-skos")) func sameContentSameBytesAndTags() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("identical-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestServer.run(Self.configuration(dumps: folder + "/a"), data: TestServer.data) { first, firstStore in
            try await EIRAData.load(into: firstStore)
            // The first server sees this version first, long ago: nothing it answers may depend on when.
            #expect(try await first.get("/catalog").status == .ok)
            let ago = Date(timeIntervalSince1970: 1_000_000_000)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/a") {
                try FileManager.default.setAttributes([.modificationDate: ago], ofItemAtPath: folder + "/a/" + name)
            }
            try await TestServer.run(Self.configuration(dumps: folder + "/b"), data: TestServer.data) { second, secondStore in
                try await EIRAData.load(into: secondStore)
                #expect(firstStore.snapshot().version == secondStore.snapshot().version)
                let graphDump = "/dumps/" + GraphSlug.slug(for: .iri(IRI(EIRAData.skosGraph))) + ".ttl.gz"
                for route in Self.routes + [graphDump] {
                    let a = try await first.get(route)
                    let b = try await second.get(route)
                    #expect(a.status == .ok, "\(route)")
                    #expect(a.bytes == b.bytes, "\(route): different bytes")
                    #expect(a.headers[.eTag] != nil && a.headers[.eTag] == b.headers[.eTag], "\(route): ETags \(a.headers[.eTag] ?? "none")")
                    #expect(a.headers[HTTPField.Name("X-Lodestar-Version")!] == b.headers[HTTPField.Name("X-Lodestar-Version")!])
                    if route.hasSuffix(".gz") {
                        // RFC 1952: MTIME (bytes 4–7) is zero: no time of writing in the file.
                        #expect(a.bytes.count > 10 && a.bytes[0] == 0x1f && a.bytes[1] == 0x8b && a.bytes[4..<8].allSatisfy { $0 == 0 })
                    }
                }
                for route in ["/catalog", "/.well-known/void"] {
                    let body = try await first.get(route, accept: "application/n-triples").text
                    #expect(!body.contains("2001-09-09"), "\(route) holds a time local to the first server")
                    #expect(!body.contains(folder), "\(route) holds a local path")
                }
            }
        }
    }
}
