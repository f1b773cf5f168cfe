import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import Server

/// The cross-cutting shape of the routes: HEAD from GET, 405 with `Allow` from one helper, conditional GET from one
/// middleware, and the security headers on every page.
@Suite struct RouteShapeTests {
    @Test func everyHTMLPageCarriesTheContentSecurityPolicy() async throws {
        try await TestServer.run { client, _ in
            for uri in ["/sparql", "/dumps"] {
                let page = try await client.execute(uri: uri, method: .get, headers: [.accept: "text/html"])
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri)")
                let policy = try #require(page.headers[.contentSecurityPolicy], "\(uri) has no Content-Security-Policy")
                #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && policy.contains("style-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(!page.text.contains("<style") && !page.text.contains("style=\""), "\(uri) has inline style")
            }
            let results = try await client.query("ASK {}")
            #expect(results.headers[.contentSecurityPolicy] == nil)
            #expect(results.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func pageAssetsAreServed() async throws {
        try await TestServer.run { client, _ in
            let css = try await client.execute(uri: "/assets/page.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains("footer.foot"))
            let script = try await client.execute(uri: "/assets/query.js", method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("CodeMirror.fromTextArea"))
            // Only the files the page names are reachable under the CodeMirror folder.
            let other = try await client.execute(uri: "/assets/codemirror/mode/xml/xml.js", method: .get)
            #expect(other.status == .notFound)
        }
    }

    @Test func headComesFromGet() async throws {
        try await TestServer.run { client, _ in
            for uri in ["/health", "/catalog", "/sparql?query=ASK%7B%7D"] {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == get.status, "\(uri)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.body.readableBytes == 0, "\(uri)")
            }
        }
    }

    @Test func otherMethodsGet405WithAllow() async throws {
        try await TestServer.run { client, _ in
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/catalog", .delete, "GET, HEAD"), ("/dumps", .post, "GET, HEAD"), ("/update", .put, "POST"),
                ("/store?default", .patch, "GET, HEAD, PUT, POST, DELETE"), ("/graphs/x", .patch, "GET, HEAD, PUT, POST, DELETE"),
                ("/sparql", .delete, "GET, HEAD, POST"),
            ]
            for (uri, method, allow) in cases {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                #expect(response.text.contains("is not allowed here"), "\(method) \(uri)")
            }
        }
    }

    @Test func unknownPathsGet404WithAMessage() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/no/such/thing", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains("nothing is served at this path"))
        }
    }

    @Test func catalogueAnswers304ToItsOwnTagUntilTheStoreChanges() async throws {
        try await TestServer.run { client, _ in
            let first = try await client.execute(uri: "/catalog", method: .get)
            let tag = try #require(first.headers[.eTag])
            let again = try await client.execute(uri: "/catalog", method: .get, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.headers[.eTag] == tag)
            #expect(again.body.readableBytes == 0)
            let other = try await client.execute(uri: "/catalog", method: .get, headers: [.ifNoneMatch: "\"something-else\""])
            #expect(other.status == .ok)
            let update = try await client.authorized(
                "/update", method: .post, body: "INSERT DATA { <http://example.org/x> <http://example.org/p> 1 }",
                contentType: "application/sparql-update")
            #expect(update.status == .noContent)
            let changed = try await client.execute(uri: "/catalog", method: .get, headers: [.ifNoneMatch: tag])
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] != tag)
        }
    }

    @Test func conditionalGETComparesTagsAndDates() {
        let tag = "\"abc\""
        #expect(ConditionalGETMiddleware<LodestarRequestContext>.isNotModified([.ifNoneMatch: "\"x\", W/\"abc\""], entityTag: tag, lastModified: nil))
        #expect(ConditionalGETMiddleware<LodestarRequestContext>.isNotModified([.ifNoneMatch: "*"], entityTag: tag, lastModified: nil))
        #expect(!ConditionalGETMiddleware<LodestarRequestContext>.isNotModified([.ifNoneMatch: "\"x\""], entityTag: tag, lastModified: nil))
        let date = "Sun, 06 Dec 2026 10:00:00 GMT"
        #expect(ConditionalGETMiddleware<LodestarRequestContext>.isNotModified([.ifModifiedSince: date], entityTag: nil, lastModified: date))
        #expect(
            !ConditionalGETMiddleware<LodestarRequestContext>.isNotModified(
                [.ifModifiedSince: "Sun, 06 Dec 2026 09:59:59 GMT"], entityTag: nil, lastModified: date))
        // If-None-Match wins over If-Modified-Since (RFC 9110 §13.1.3).
        #expect(
            !ConditionalGETMiddleware<LodestarRequestContext>.isNotModified(
                [.ifNoneMatch: "\"x\"", .ifModifiedSince: date], entityTag: tag, lastModified: date))
    }
}
