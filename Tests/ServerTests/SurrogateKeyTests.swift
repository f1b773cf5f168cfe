import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RDF
import Store
import Synchronization
import Testing

@testable import Server

/// Surrogate keys on answers, the keys a commit names, and the ban a write sends to the caches before it is answered.
@Suite struct SurrogateKeyTests {
    private static let key = HTTPField.Name("Surrogate-Key")!

    private static func keys(_ response: TestResponse) -> Set<String> {
        Set((response.headers[key] ?? "").split(separator: " ").map(String.init))
    }

    @Test func documentsNameTheirResourceAndGraphs() async throws {
        try await TestServer.run(data: TestServer.data + EIRAData.archimate) { client, _ in
            let document = try await client.get("/doc/dr8/PublicPolicy.ttl")
            #expect(document.status == .ok)
            let expected: Set<String> = [
                "all", SurrogateKeys.resource(IRI("http://data.europa.eu/dr8/PublicPolicy")),
                SurrogateKeys.graph(.iri(IRI(EIRAData.archimateGraph))),
                // The solution's link to it, shown as an inbound link.
                SurrogateKeys.graph(.iri(IRI("http://example.org/graph/solutions"))),
            ]
            #expect(Self.keys(document) == expected, "not `store`: an RDF document changes only with its resource or its graphs")
            #expect(Self.keys(try await client.get("/doc/dr8/PublicPolicy.html")).contains("store"), "pages show labels from anywhere")
            let graphDump = try await client.get("/dumps/" + GraphSlug.slug(for: .iri(IRI("http://example.org/g1"))) + ".nt")
            #expect(Self.keys(graphDump) == ["all", SurrogateKeys.graph(.iri(IRI("http://example.org/g1")))])
            #expect(Self.keys(try await client.get("/dumps/all.nq")) == ["all", "store"])
            #expect(Self.keys(try await client.query("ASK {}")) == ["all", "store"])
            #expect(Self.keys(try await client.get("/catalog")) == ["all", "store"])
        }
    }

    @Test func aCommitNamesWhatItTouched() {
        let quads = [
            Quad(.iri(IRI("http://e/s")), .iri(IRI("http://e/p")), .iri(IRI("http://e/o")), graph: .iri(IRI("http://e/g"))),
            Quad(.blankNode(BlankNode("b")), .iri(IRI("http://e/p")), .literal(Literal("x")), graph: .defaultGraph),
        ]
        let keys = SurrogateKeys.changed(added: quads, removed: [])
        #expect(Set(keys) == [
            "store", SurrogateKeys.graph(.iri(IRI("http://e/g"))), "gdefault", SurrogateKeys.resource(IRI("http://e/s")),
            SurrogateKeys.resource(IRI("http://e/o")),
        ])
        let many = (0...SurrogateKeys.maxResourcesPerBan).map { Quad(.iri(IRI("http://e/s\($0)")), .iri(IRI("http://e/p")), .literal(Literal("x"))) }
        #expect(SurrogateKeys.changed(added: [], removed: many) == ["all"])
        let expression = try! Regex(SurrogateKeys.banExpression(["gabc", "store"]))
        #expect("all store".contains(expression))
        #expect("all gabc rdef".contains(expression))
        #expect(!"all gabcd".contains(expression), "whole keys only")
    }

    /// A stand-in cache that records the PURGE requests it gets.
    private final class BanRecorder: Sendable {
        let bans = Mutex<[String]>([])
        func application() -> some ApplicationProtocol {
            let router = Router()
            router.on("/", method: HTTPRequest.Method("PURGE")!) { [self] request, _ in
                bans.withLock { $0.append(request.headers[HTTPField.Name("Lodestar-Ban")!] ?? "") }
                return Response(status: .ok)
            }
            return Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)))
        }
    }

    @Test func aWriteIsAnsweredAfterTheCachesWereTold() async throws {
        let recorder = BanRecorder()
        try await recorder.application().test(.live) { cache in
            var configuration = TestServer.configuration()
            configuration.purgeURLs = ["http://127.0.0.1:\(try #require(cache.port))/"]
            try await TestServer.run(configuration) { client, _ in
                let update = try await client.post(
                    "/update", body: "INSERT DATA { GRAPH <http://example.org/g1> { <http://example.org/carol> <http://example.org/p> 1 } }",
                    contentType: "application/sparql-update", token: TestServer.token)
                #expect(update.status == .noContent)
                let bans = recorder.bans.withLock { $0 }
                #expect(bans.count == 1, "the ban was sent before the write was answered")
                let expression = try Regex(try #require(bans.first))
                #expect("all store".contains(expression))
                #expect("all \(SurrogateKeys.graph(.iri(IRI("http://example.org/g1"))))".contains(expression))
                #expect("all \(SurrogateKeys.resource(IRI("http://example.org/carol")))".contains(expression))
                #expect(!"all \(SurrogateKeys.graph(.iri(IRI("http://example.org/g2"))))".contains(expression), "other graphs stay cached")
                // A read sends nothing.
                _ = try await client.query("ASK {}")
                #expect(recorder.bans.withLock { $0.count } == 1)
            }
        }
    }
}
