import Federation
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Resolver
import Store
import Synchronization

/// `/sources` (the federation sources), `/sources/{name}` (a source with its run history), `/sources/{name}/runs/{n}`
/// (one run's report: parser error position, validation table in SEMIC's columns, counts), and
/// `POST /sources/{name}/harvest` (runs one, for holders of the update token; a second concurrent run gets 409).
struct SourceRoutes {
    let services: ServerServices
    /// One harvester for the server, so that its one-run-per-source lock covers every request; made on first use,
    /// so a server that never federates never reads the vocabularies.
    private let harvester = HarvesterSlot()

    init(services: ServerServices) { self.services = services }

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.get("/sources") { request, _ in try list(request) }
        routes.get("/sources/{name}") { request, context in try source(request, name: try context.parameters.require("name")) }
        routes.get("/sources/{name}/runs/{run}") { request, context in
            try run(request, name: try context.parameters.require("name"), number: try context.parameters.require("run"))
        }
        routes.post("/sources/{name}/harvest") { request, context in try await harvest(request, name: try context.parameters.require("name")) }
        return routes
    }

    private static let offers = Offers<Bool>([
        Offer("application/json", value: false), Offer("text/html", aliases: ["application/xhtml+xml"], value: true),
    ])

    private func wantsHTML(_ request: Request) throws -> Bool {
        guard let offer = ContentNegotiation.choose(from: Self.offers, accept: request.accept) else {
            throw RequestError.notAcceptable(offered: ["application/json", "text/html"])
        }
        return offer.value
    }

    private func list(_ request: Request) throws -> Response {
        let snapshot = services.store.snapshot()
        let sources = try SourceRegistry.list(in: snapshot)
        let lastRuns = try sources.map { try harvesterValue().history($0.name).last }
        if try wantsHTML(request) { return Self.html(SourcePages.list(sources, lastRuns: lastRuns)) }
        let items = zip(sources, lastRuns).map { source, last in
            SourceSummary(name: source.name, url: source.url, format: source.format, title: source.title,
                          lastRun: last.map { RunSummary($0) })
        }
        return try Self.json(items)
    }

    private func source(_ request: Request, name: String) throws -> Response {
        guard let source = try SourceRegistry.find(name, in: services.store.snapshot()) else {
            throw RequestError.notFound("no source named '\(name)'")
        }
        let history = try harvesterValue().history(name)
        if try wantsHTML(request) { return Self.html(SourcePages.source(source, history: history)) }
        return try Self.json(
            SourceSummary(name: source.name, url: source.url, format: source.format, title: source.title, lastRun: history.last.map { RunSummary($0) },
                          runs: history.map { RunSummary($0) }))
    }

    private func run(_ request: Request, name: String, number: String) throws -> Response {
        guard let run = Int(number), let report = try harvesterValue().history(name).first(where: { $0.run == run }) else {
            throw RequestError.notFound("no run \(number) of source '\(name)'")
        }
        if try wantsHTML(request) { return Self.html(SourcePages.run(report)) }
        return Self.body(report.json(), contentType: "application/json", status: .ok)
    }

    private func harvest(_ request: Request, name: String) async throws -> Response {
        try services.authorization.check(request.headers[.authorization])
        do {
            let report = try await harvesterValue().harvest(name)
            return Self.body(report.json(), contentType: "application/json", status: .ok)
        } catch let error as FederationError where error.code == .busy {
            return Self.body(#"{"error":\#(Self.quoted(error.message))}"#, contentType: "application/json", status: .conflict)
        } catch let error as FederationError where error.code == .unknownSource {
            throw RequestError.notFound(error.message)
        }
    }

    private func harvesterValue() throws -> Harvester {
        try harvester.value.withLock { harvester in
            if let harvester { return harvester }
            let made = try Harvester(
                store: services.store, resources: try FederationResources.locate(), vocabularyDirectory: Harvester.defaultVocabularyDirectory())
            harvester = made
            return made
        }
    }

    private static func html(_ page: String) -> Response {
        var response = body(page, contentType: "text/html; charset=utf-8", status: .ok)
        response.headers[.vary] = "Accept"
        return response
    }

    private static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var response = body(String(decoding: try encoder.encode(value), as: UTF8.self), contentType: "application/json", status: .ok)
        response.headers[.vary] = "Accept"
        return response
    }

    private static func body(_ text: String, contentType: String, status: HTTPResponse.Status) -> Response {
        let buffer = ByteBuffer(string: text)
        return Response(
            status: status, headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes)], body: ResponseBody(byteBuffer: buffer))
    }

    static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}

/// The server's one harvester, made when first needed.
final class HarvesterSlot: Sendable {
    let value = Mutex<Harvester?>(nil)
}

/// The JSON shape of a source in `/sources` and `/sources/{name}`.
struct SourceSummary: Encodable {
    var name: String
    var url: String
    var format: String?
    var title: String?
    var lastRun: RunSummary?
    var runs: [RunSummary]?
}

/// One run, in a source's history.
struct RunSummary: Encodable {
    var run: Int
    var outcome: String
    var started: Date
    var ended: Date?
    var errors: Int
    var warnings: Int
    var summary: String

    init(_ report: HarvestReport) {
        (run, outcome, started, ended) = (report.run, report.outcome.rawValue, report.started, report.ended)
        (errors, warnings, summary) = (report.errorCount, report.warningCount, report.summary)
    }
}
