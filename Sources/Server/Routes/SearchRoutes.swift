import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RDF
import Resolver
import Search
import Store

/// Full-text search (DESIGN.md: HTTP): `GET /search?q=…&type=…&lang=…&limit=…` answers HTML (the page with snippets)
/// to browsers and JSON to everyone else, from the search index over the latest snapshot.
struct SearchRoutes {
    let services: ServerServices

    /// Results per answer unless `limit` says otherwise, and the most it may say.
    static let defaultLimit = 50
    static let maxLimit = 500

    func collection() -> RouteCollection<LodestarRequestContext> {
        let routes = RouteCollection(context: LodestarRequestContext.self)
        routes.get("/search") { request, context in try search(request, fields: context.urlFields) }
        return routes
    }

    /// HTML by default (a search box's form), or JSON; the value says whether it is HTML.
    private static let offers = Offers<Bool>([
        Offer("text/html", aliases: ["application/xhtml+xml"], value: true), Offer("application/json", value: false),
    ])

    /// - Parameter fields: the query string as an HTML form sends it (`+` is a space, `%2B` a plus); the first value of
    ///   each name counts.
    private func search(_ request: Request, fields: FormFields) throws -> Response {
        let query = fields.first("q") ?? ""
        let typeText = fields.first("type").flatMap { $0.isEmpty ? nil : $0 }
        var classes: [IRI] = []
        if let typeText {
            guard let named = SearchTypes.classes(typeText) else {
                let names = SearchTypes.all.map(\.name).joined(separator: ", ")
                throw RequestError.badRequest("'type' must be one of \(names) or a class IRI, not '\(typeText)'")
            }
            classes = named
        }
        let language = fields.first("lang").flatMap { $0.isEmpty ? nil : $0 }
        var limit = Self.defaultLimit
        if let text = fields.first("limit") {
            guard let value = Int(text), value > 0, value <= Self.maxLimit else {
                throw RequestError.badRequest("'limit' must be a whole number from 1 to \(Self.maxLimit), not '\(text)'")
            }
            limit = value
        }
        let html = ContentNegotiation.choose(from: Self.offers, accept: request.accept)
        guard let html else { throw RequestError.notAcceptable(offered: ["text/html", "application/json"]) }
        let snapshot = services.store.snapshot()
        let hits = try services.search.search(query, in: snapshot, language: language, classes: classes, limit: limit)
        let languages = DocumentResponses.languages(request)
        let body: String
        if html.value {
            body = services.puris.pages.searchPage(query: query, type: typeText, hits: hits, snapshot: snapshot, languages: languages)
        } else {
            let results = hits.map { hit in
                let label = services.puris.pages.label(of: hit.subject, in: snapshot, languages: languages)
                let page = services.puris.resolver.namespaces.path(of: hit.subject) ?? PURIDocument.resourcePath(hit.subject, representation: nil)
                return "{\"iri\":\(HTML.jsonString(hit.subject.value)),\"label\":\(label.map(HTML.jsonString) ?? "null"),"
                    + "\"page\":\(HTML.jsonString(services.puris.url(page))),\"score\":\(hit.score),\"snippet\":\(HTML.jsonString(hit.snippet)),"
                    + "\"predicate\":\(HTML.jsonString(hit.predicate.value)),\"language\":\(hit.language.map(HTML.jsonString) ?? "null")}"
            }
            body = "{\"query\":\(HTML.jsonString(query)),\"more\":\(hits.more),\"results\":[\(results.joined(separator: ","))]}\n"
        }
        let buffer = ByteBuffer(string: body)
        let headers: HTTPFields = [
            .contentType: html.value ? "text/html; charset=utf-8" : "application/json", .vary: "Accept, Accept-Language",
            .contentLength: String(buffer.readableBytes),
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}
