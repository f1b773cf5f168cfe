package import RDF
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Redland
import Resolver
import Store

/// `/dumps` (the listing), `/dumps/{name}.{ext}[.gz]` (files, with validators and single ranges; Turtle dumps of a
/// graph also paged with `?page=N`), `/.well-known/void` and `/catalog`.
struct DumpRoutes {
    let services: ServerServices
    private let fileIO = FileIO()

    init(services: ServerServices) { self.services = services }

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.get("/dumps") { request, _ in try await listing(request) }
        routes.get("/dumps/{file}") { request, context in try await file(request, context: context, body: request.method != .head) }
        routes.get("/.well-known/void") { request, context in try await void(request, context: context) }
        routes.get("/catalog") { request, context in try await catalog(request, context: context) }
        for path: RouterPath in ["/dumps", "/dumps/{file}", "/.well-known/void", "/catalog"] { routes.refuseOtherMethods(on: path, allowed: [.get]) }
        return routes
    }

    /// JSON by default; HTML for browsers. The value says whether it is HTML.
    private static let listingOffers = Offers<Bool>([
        Offer("application/json", value: false), Offer("text/html", aliases: ["application/xhtml+xml"], value: true),
    ])

    private func listing(_ request: Request) async throws -> Response {
        guard let offer = ContentNegotiation.choose(from: Self.listingOffers, accept: request.accept) else {
            throw RequestError.notAcceptable(offered: ["application/json", "text/html"])
        }
        let dumps = try await services.dumps.descriptions(snapshot: services.store.snapshot())
        let facts = services.catalogueFacts
        if offer.value { return .negotiated(.html, body: ResponseBody(byteBuffer: ByteBuffer(string: DumpListing.html(dumps, facts: facts)))) }
        let buffer = ByteBuffer(string: DumpListing.json(dumps, facts: facts))
        return Response(
            status: .ok, headers: [.contentType: "application/json", .vary: "Accept", .contentLength: String(buffer.readableBytes)],
            body: ResponseBody(byteBuffer: buffer))
    }

    private func file(_ request: Request, context: LodestarRequestContext, body: Bool) async throws -> Response {
        let name = try context.parameters.require("file")
        let snapshot = services.store.snapshot()
        let versions = try await services.dumps.versions(of: snapshot)
        guard let file = DumpFile(fileName: name, datasets: versions.ordered) else {
            throw DumpError.unknownDump("no dump called \(name)")
        }
        if let page = context.urlFields.first("page") {
            return try await self.page(page, of: file, snapshot: snapshot)
        }
        let dump = try await services.dumps.dump(file, snapshot: snapshot)
        guard let size = dump.size else { throw DumpError.io("\(dump.path) is missing") }
        var headers: HTTPFields = [
            // Exactly the registered type: harvesters compare it as a string (Turtle is UTF-8 by definition).
            .contentType: file.mediaType,
            .eTag: dump.entityTag, .lastModified: HTTPDate.format(dump.lastModified), .acceptRanges: "bytes",
            // The store version whose content this file is: a replica bootstrapped from it follows the log from there.
            .lodestarVersion: String(snapshot.version),
            .surrogateKey: Self.surrogateKeys(of: file.dataset),
        ]
        var range = ByteRangeRequest(header: request.headers[.range], size: size)
        if !DumpValidators.rangeApplies(request.headers, dump: dump) { range = .whole }
        switch range {
        case .unsatisfiable:
            // Every 4xx says why (issue 15); the dump's size is also in Content-Range, as RFC 9110 §15.5.17 asks.
            let message = ByteBuffer(string: "the Range asks for no byte of this dump: it has \(size) bytes (0-\(max(size, 1) - 1))\n")
            return Response(
                status: .rangeNotSatisfiable,
                headers: [
                    .contentRange: "bytes */\(size)", .contentType: "text/plain; charset=utf-8", .contentLength: String(message.readableBytes),
                ],
                body: body ? ResponseBody(byteBuffer: message) : ResponseBody())
        case .part(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            headers[.contentLength] = String(bytes.count)
            let content = body ? try await fileIO.loadFile(path: dump.path, range: bytes, context: context) : ResponseBody()
            return Response(status: .partialContent, headers: headers, body: content)
        case .whole:
            headers[.contentLength] = String(size)
            let content = body ? try await fileIO.loadFile(path: dump.path, context: context) : ResponseBody()
            return Response(status: .ok, headers: headers, body: content)
        }
    }

    private func page(_ value: String, of file: DumpFile, snapshot: Snapshot) async throws -> Response {
        guard file.format == .turtle, !file.compressed, case .graph(let graph) = file.dataset else {
            throw RequestError.badRequest("only the Turtle dump of a graph (.ttl) is paged")
        }
        guard let number = Int(value), number >= 1 else { throw RequestError.badRequest("page must be a whole number from 1, not '\(value)'") }
        let url = services.catalogueFacts.url(of: file)
        let pages = try await services.dumps.pages(of: graph, snapshot: snapshot)
        let bytes = try await services.queries.limiter.withPermit(deadline: nil) { try pages.page(number, of: snapshot, dumpURL: url) }
        return .negotiated(.graph(.turtle), body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func void(_ request: Request, context: LodestarRequestContext) async throws -> Response {
        let format = try negotiateGraphFormat(request, context: context)
        let snapshot = services.store.snapshot()
        let versions = try await services.dumps.versions(of: snapshot)
        let statistics = try await services.dumps.statistics(of: snapshot, datasets: versions.ordered)
        let quads = VoIDDescription.quads(facts: services.catalogueFacts, versions: versions, statistics: statistics)
        let bytes = try GraphRendering.render(quads, format: format, prefixes: VoIDDescription.prefixes)
        return .negotiated(.graph(format), body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)), headers: Self.validators(snapshot, format))
    }

    private func catalog(_ request: Request, context: LodestarRequestContext) async throws -> Response {
        let format = try negotiateGraphFormat(request, context: context)
        let snapshot = services.store.snapshot()
        let versions = try await services.dumps.versions(of: snapshot)
        let dumps = try await services.dumps.descriptions(snapshot: snapshot)
        let quads = DCATCatalog.quads(facts: services.catalogueFacts, versions: versions, dumps: dumps)
        let bytes = try GraphRendering.render(quads, format: format, prefixes: DCATCatalog.prefixes)
        return .negotiated(.graph(format), body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)), headers: Self.validators(snapshot, format))
    }

    /// The catalogue and VoID change only with the store: their tag is the snapshot's version and the syntax
    /// (ConditionalGETMiddleware answers 304 from it).
    private static func validators(_ snapshot: Snapshot, _ format: RDFFormat) -> HTTPFields {
        [.eTag: "\"v\(snapshot.version)-\(format.fileExtension)\""]
    }

    /// A graph's dump changes only with its graph; the whole store's with any write.
    private static func surrogateKeys(of dataset: DumpDataset) -> String {
        switch dataset {
        case .all: SurrogateKeys.everything + " " + SurrogateKeys.store
        case .graph(let graph): SurrogateKeys.everything + " " + SurrogateKeys.graph(graph)
        }
    }

    /// Turtle unless `Accept` (or `?format=`) prefers another RDF syntax.
    private func negotiateGraphFormat(_ request: Request, context: LodestarRequestContext) throws -> RDFFormat {
        var accept = request.accept
        if let format = context.urlFields.first("format") {
            guard let override = FormatParameter.accept(for: format) else {
                throw RequestError.badRequest("unknown format '\(format)': use ttl, nt, nq, trig, rdf or jsonld")
            }
            accept = override
        }
        guard let offer = ContentNegotiation.choose(from: ResponseFormat.graphOffers, accept: accept), case .graph(let format) = offer.value else {
            throw RequestError.notAcceptable(offered: ResponseFormat.mediaTypes(ResponseFormat.graphOffers))
        }
        return format
    }
}

/// Range requests against a dump (RFC 9110 §13; `If-None-Match` and `If-Modified-Since` are ConditionalGETMiddleware's).
enum DumpValidators {
    /// False if `If-Range` names another version, so the whole new file must go out (§13.1.5).
    static func rangeApplies(_ headers: HTTPFields, dump: DumpInfo) -> Bool {
        guard let condition = headers[.ifRange]?.trimmed else { return true }
        if condition.hasPrefix("\"") { return condition == dump.entityTag }
        return HTTPDate.parse(condition) == dump.lastModified
    }
}
