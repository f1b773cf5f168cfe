import Foundation
import RDF
import Redland

/// The W3C SPARQL 1.1 Protocol and Graph Store Protocol test manifests, read into plain values.
///
/// The manifests describe HTTP exchanges with the W3C HTTP vocabulary (https://www.w3.org/TR/HTTP-in-RDF10/): each
/// test is a list of requests (method, path, headers, body) with the response expected of each (status classes,
/// a boolean, a results kind, a content type, an RDF body).
struct W3CProtocolTest: Sendable, CustomStringConvertible {
    struct Exchange: Sendable {
        var method: String
        var path: String
        var headers: [(String, String)]
        var body: String?
        var bodyEncoding: String?
        /// Acceptable statuses: exact codes, or classes (2, 3, 4 for 2xx, 3xx, 4xx).
        var statuses: [Int]
        var statusClasses: [Int]
        var expectedBoolean: Bool?
        var expectedFormat: String?
        var expectedHeaders: [(String, String)]
        var expectedBody: String?
        var expectedLocation: String?
    }

    var name: String
    var identifier: String
    /// Files to load before the test, each into the graph named by its label.
    var graphData: [(file: String, graph: String)]
    var exchanges: [Exchange]

    var description: String { identifier }
}

enum W3CManifest {
    static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    static let ht = "http://www.w3.org/2011/http#"
    static let hts = "http://www.w3.org/2011/http-statusCodes#"
    static let cnt = "http://www.w3.org/2011/content#"
    static let ut = "http://www.w3.org/2009/sparql/tests/test-update#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"

    /// `$LODESTAR_SHARED/conformance/sparql11`, or `../shared/…` beside the repository.
    static var suiteDirectory: String {
        let shared = ProcessInfo.processInfo.environment["LODESTAR_SHARED"] ?? TestServer.repositoryRoot + "/../shared"
        return shared + "/conformance/sparql11"
    }

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: suiteDirectory + "/protocol/manifest.ttl") }

    /// The tests of one manifest, in manifest order; none if the suite is not there.
    static func tests(_ relativePath: String) -> [W3CProtocolTest] {
        let path = suiteDirectory + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let base = URL(fileURLWithPath: path).absoluteString
        guard let world = try? RedlandWorld() else { return [] }
        var quads: [Quad] = []
        guard
            (try? RDFReader.parse(Array(data), format: .turtle, baseIRI: base, world: world, blankNodes: .asWritten) { quads.append($0) })
                != nil
        else { return [] }
        let graph = ManifestGraph(quads)
        guard let manifest = graph.subjects(rdf + "type", .iri(mf + "Manifest")).first,
            let entries = graph.object(manifest, mf + "entries")
        else { return [] }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return graph.list(entries).compactMap { entry in test(entry, in: graph, directory: directory) }
    }

    private static func test(_ entry: Term, in graph: ManifestGraph, directory: String) -> W3CProtocolTest? {
        guard case .iri(let iri) = entry else { return nil }
        let identifier = iri.value.split(separator: "#").last.map(String.init) ?? iri.value
        let name = graph.string(entry, mf + "name") ?? identifier
        let graphData: [(String, String)] = graph.objects(entry, ut + "graphData").compactMap { node in
            guard case .iri(let file)? = graph.object(node, ut + "graph"), let label = graph.string(node, rdfs + "label") else { return nil }
            return (URL(string: file.value)?.path ?? file.value, label)
        }
        guard let action = graph.object(entry, mf + "action"), let requests = graph.object(action, ht + "requests") else { return nil }
        let exchanges = graph.list(requests).map { request in exchange(request, in: graph) }
        return W3CProtocolTest(name: name, identifier: identifier, graphData: graphData, exchanges: exchanges)
    }

    private static func exchange(_ request: Term, in graph: ManifestGraph) -> W3CProtocolTest.Exchange {
        let body = graph.object(request, ht + "body")
        let response = graph.object(request, ht + "resp")
        var statuses: [Int] = []
        var classes: [Int] = []
        for status in response.map({ graph.objects($0, mf + "expectedStatus") }) ?? [] {
            guard case .iri(let iri) = status else { continue }
            let name = String(iri.value.dropFirst(hts.count))
            switch name {
            case "StatusCode2xx": classes.append(2)
            case "StatusCode3xx": classes.append(3)
            case "StatusCode4xx": classes.append(4)
            case "OK": statuses.append(200)
            case "Created": statuses.append(201)
            case "NoContent": statuses.append(204)
            case "NotFound": statuses.append(404)
            default: break
            }
        }
        let responseBody = response.flatMap { graph.object($0, ht + "body") }
        return W3CProtocolTest.Exchange(
            method: graph.string(request, ht + "methodName") ?? "GET",
            path: graph.string(request, ht + "absolutePath") ?? "/",
            headers: headers(graph.object(request, ht + "headers"), in: graph),
            body: body.flatMap { graph.string($0, cnt + "chars") },
            bodyEncoding: body.flatMap { graph.string($0, cnt + "characterEncoding") },
            statuses: statuses,
            statusClasses: classes,
            expectedBoolean: response.flatMap { graph.string($0, mf + "expectedBoolean") }.map { $0 == "true" },
            expectedFormat: response.flatMap { graph.string($0, mf + "expectedFormat") },
            expectedHeaders: headers(response.flatMap { graph.object($0, ht + "headers") }, in: graph),
            expectedBody: responseBody.flatMap { graph.string($0, cnt + "chars") },
            expectedLocation: response.flatMap { graph.string($0, mf + "expectedLocation") }
        )
    }

    private static func headers(_ list: Term?, in graph: ManifestGraph) -> [(String, String)] {
        guard let list else { return [] }
        return graph.list(list).compactMap { header in
            guard let name = graph.string(header, ht + "fieldName"), let value = graph.string(header, ht + "fieldValue") else { return nil }
            return (name, value)
        }
    }
}

/// Lookups over a manifest's triples.
struct ManifestGraph {
    private var bySubject: [Term: [(predicate: Term, object: Term)]] = [:]

    init(_ quads: [Quad]) {
        for quad in quads { bySubject[quad.subject, default: []].append((quad.predicate, quad.object)) }
    }

    func objects(_ subject: Term, _ predicate: String) -> [Term] {
        (bySubject[subject] ?? []).filter { $0.predicate == .iri(predicate) }.map(\.object)
    }

    func object(_ subject: Term, _ predicate: String) -> Term? { objects(subject, predicate).first }

    func string(_ subject: Term, _ predicate: String) -> String? { object(subject, predicate)?.literal?.lexicalForm }

    func subjects(_ predicate: String, _ object: Term) -> [Term] {
        bySubject.filter { $0.value.contains { $0.predicate == .iri(predicate) && $0.object == object } }.map(\.key)
    }

    /// The members of an RDF list.
    func list(_ head: Term) -> [Term] {
        var items: [Term] = []
        var node = head
        while node != .iri(RDFVocabulary.nil), let first = object(node, RDFVocabulary.first.value), items.count < 10_000 {
            items.append(first)
            guard let rest = object(node, RDFVocabulary.rest.value) else { break }
            node = rest
        }
        return items
    }
}
